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
      "import { l10n } from './l10n';",
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
