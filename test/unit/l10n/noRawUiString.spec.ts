// The lint rule that keeps user-visible text going through l10n, run with the project's own ESLint
// configuration: a literal where a user would read it is an error in the host and in the webview.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '../../../..');
const eslint = new ESLint({ cwd: ROOT });

/** The l10n rule's findings for `code` as if it were the file at `file`. */
async function findings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'phi4/no-raw-ui-string').map((m) => m.message);
}

describe('lint: user-visible text goes through l10n', () => {
  it('flags literals in host messages, quick picks, status items and code lenses', async () => {
    const code = [
      "import * as vscode from 'vscode';",
      'export function f(x: string, item: vscode.StatusBarItem): void {',
      "  void vscode.window.showInformationMessage('Model pulled.');",
      '  void vscode.window.showErrorMessage(`Could not pull ${x}`, vscode.l10n.t(\'Retry\'));',
      "  void vscode.window.showQuickPick([], { placeHolder: 'Pick a model' });",
      "  item.tooltip = 'Click to retry';",
      "  void new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'Accept all', command: 'x' });",
      '}',
    ].join('\n');
    const found = await findings('src/host/example.ts', code);
    assert.equal(found.length, 5, found.join('\n'));
    assert.match(found[0], /"Model pulled\." bypasses l10n: wrap it in vscode\.l10n\.t/);
  });

  it('accepts host text that comes from vscode.l10n.t, and identifiers such as command ids', async () => {
    const code = [
      "import * as vscode from 'vscode';",
      'export function f(x: string): void {',
      "  void vscode.window.showErrorMessage(vscode.l10n.t('Could not pull {0}', x), vscode.l10n.t('Retry'));",
      "  void new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: vscode.l10n.t('Accept all'), command: 'phi4.fixAcceptAll' });",
      '}',
    ].join('\n');
    assert.deepEqual(await findings('src/host/example.ts', code), []);
  });

  it('flags literals the webview puts on screen or in accessible names', async () => {
    const code = [
      "import { el } from './el';",
      'export function f(button: HTMLButtonElement, box: HTMLElement): void {',
      "  box.appendChild(el('p', 'note', 'No saved conversations yet.'));",
      "  button.textContent = 'Copied';",
      "  button.setAttribute('aria-label', 'Delete conversation');",
      "  box.append('Type a question');",
      '}',
    ].join('\n');
    assert.equal((await findings('src/webview/example.ts', code)).length, 4);
  });

  it('accepts webview text from l10n.t', async () => {
    const code = [
      "import { el } from './el';",
      "import * as l10n from '@vscode/l10n';",
      'export function f(button: HTMLButtonElement, box: HTMLElement): void {',
      "  box.appendChild(el('p', 'note', l10n.t('No saved conversations yet.')));",
      "  button.textContent = l10n.t('Copied');",
      "  button.setAttribute('aria-label', l10n.t('Delete {0}', 'x'));",
      "  button.dataset.codeAction = 'copy';",
      '}',
    ].join('\n');
    assert.deepEqual(await findings('src/webview/example.ts', code), []);
  });
});

describe('lint: text from the layers that may not import vscode goes through @vscode/l10n', () => {
  it('flags literals in error messages, notes, labels, label maps, notices and text-named functions', async () => {
    const code = [
      "import { OllamaError } from '../ollama/OllamaError';",
      'export class HostError extends Error {',
      '  constructor(host: string) {',
      '    super(`Cannot reach ${host}.`);',
      '  }',
      '}',
      "export const STEP_LABELS = { get start() { return 'Start here'; } };",
      'export function f(host: string, notes: string[], events: { problem(m: string): void }): { label: string } {',
      "  notes.push('The answer was cut off.');",
      "  events.problem('Could not delete the conversation.');",
      "  if (!host) throw new OllamaError('unreachable', `Cannot reach Ollama at ${host}.`, ['retry']);",
      "  return { label: 'Rules and instructions' };",
      '}',
      'export function describeFailure(code: string): string {',
      "  return code === 'ENOSPC' ? 'the disk is full' : code;",
      '}',
    ].join('\n');
    const found = await findings('src/request/example.ts', code);
    assert.deepEqual(
      found.map((m) => /"(.*)"/.exec(m)?.[1]),
      ['Cannot reach ….', 'Start here', 'The answer was cut off.', 'Could not delete the conversation.', 'Cannot reach Ollama at ….', 'Rules and instructions', 'the disk is full'],
      found.join('\n'),
    );
    assert.match(found[0], /wrap it in l10n\.t\('…'\)/);
  });

  it('accepts text from l10n.t, and identifiers such as error kinds, action ids and log lines', async () => {
    const code = [
      "import * as l10n from '@vscode/l10n';",
      "import { OllamaError } from '../ollama/OllamaError';",
      "export const STEP_LABELS = { get start() { return l10n.t('Start here'); } };",
      'export function f(host: string, notes: string[], log: { info(m: string): void }): { label: string } {',
      "  notes.push(l10n.t('The answer was cut off.'));",
      "  log.info('request done');",
      "  if (!host) throw new OllamaError('unreachable', l10n.t('Cannot reach Ollama at {0}.', host), ['retry']);",
      "  return { label: l10n.t('Rules and instructions') };",
      '}',
    ].join('\n');
    assert.deepEqual(await findings('src/ollama/example.ts', code), []);
  });

  it('flags l10n.t evaluated when the module loads, before activation has configured the bundle', async () => {
    const code = ["import * as l10n from '@vscode/l10n';", "export const ACTION_LABELS = { retry: l10n.t('Retry') };"].join('\n');
    const found = await findings('src/protocol/example.ts', code);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], /when the module loads/);
  });

  it('fixes a literal into l10n.t with numbered placeholders and imports @vscode/l10n', async () => {
    const fixer = new ESLint({ cwd: ROOT, fix: true });
    const code = ["import { OllamaError } from '../ollama/OllamaError';", "export const e = (host: string, s: number): OllamaError => new OllamaError('busy', `Ollama at ${host} is busy (${s}). It's full.`, ['retry']);", ''].join('\n');
    const [result] = await fixer.lintText(code, { filePath: path.join(ROOT, 'src/ollama/example.ts') });
    assert.equal(
      result.output,
      [
        "import * as l10n from '@vscode/l10n';",
        "import { OllamaError } from '../ollama/OllamaError';",
        "export const e = (host: string, s: number): OllamaError => new OllamaError('busy', l10n.t(\"Ollama at {0} is busy ({1}). It's full.\", host, s), ['retry']);",
        '',
      ].join('\n'),
    );
  });
});
