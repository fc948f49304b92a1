// RuleTester cases for the places the l10n lint rule once missed: the project's own message helpers
// (close(uri, reason), notify, showRequestError), message-carrying properties, constant tables of UI text,
// sentences kept in constants, text-named functions and shown parts lists. Each invalid case is a string
// a user read in English whatever their language; the valid ones go to the log or to the model.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = path.join(__dirname, '../../../..');

type Cases = Parameters<RuleTester['run']>[2];

/** Runs RuleTester's cases inside the current mocha test, so a failing case fails that test. */
function runCases(rule: Rule.RuleModule, mode: 'host' | 'webview', cases: Cases): void {
  const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never } });
  const inline = (_name: string, fn: () => void): void => fn();
  const saved = { describe: RuleTester.describe, it: RuleTester.it };
  RuleTester.describe = inline;
  RuleTester.it = inline;
  try {
    const withMode = <T extends { options?: unknown[] }>(c: T): T => ({ ...c, options: [mode] });
    tester.run(`no-raw-ui-string (${mode})`, rule, { valid: cases.valid.map((c) => withMode(typeof c === 'string' ? { code: c } : c)), invalid: cases.invalid.map(withMode) });
  } finally {
    RuleTester.describe = saved.describe;
    RuleTester.it = saved.it;
  }
}

describe('lint: no-raw-ui-string finds text passed through the project’s own helpers', () => {
  let rule: Rule.RuleModule;
  before(async () => {
    const url = pathToFileURL(path.join(ROOT, 'eslint/noRawUiString.mjs')).href;
    rule = ((await import(url)) as { noRawUiString: Rule.RuleModule }).noRawUiString;
  });

  it('host: flags the text given to close(), notify(), notice(), showRequestError() and message or note properties', () => {
    runCases(rule, 'host', {
      valid: [],
      invalid: [
        {
          code: "manager.close(uri, 'The file was closed, so the fix was cancelled.');",
          output: "manager.close(uri, vscode.l10n.t('The file was closed, so the fix was cancelled.'));",
          errors: [{ messageId: 'raw' }],
        },
        { code: "notify('Code inserted.');", output: "notify(vscode.l10n.t('Code inserted.'));", errors: [{ messageId: 'raw' }] },
        {
          code: 'void showRequestError((reason) => `Phi-4 could not write tests: ${reason}`, error, retry);',
          output: "void showRequestError((reason) => vscode.l10n.t('Phi-4 could not write tests: {0}', reason), error, retry);",
          errors: [{ messageId: 'raw' }],
        },
        {
          code: 'deps.notice(`${path} could not be opened: it may have been moved.`);',
          output: "deps.notice(vscode.l10n.t('{0} could not be opened: it may have been moved.', path));",
          errors: [{ messageId: 'raw' }],
        },
        {
          code: 'const result = { note: `${path} is a folder; mention the files in it instead.` };',
          output: "const result = { note: vscode.l10n.t('{0} is a folder; mention the files in it instead.', path) };",
          errors: [{ messageId: 'raw' }],
        },
        {
          code: "run({ noCodeMessage: 'Nothing was inserted', reason: 'not applied' });",
          output: "run({ noCodeMessage: vscode.l10n.t('Nothing was inserted'), reason: vscode.l10n.t('not applied') });",
          errors: [{ messageId: 'raw' }, { messageId: 'raw' }],
        },
      ],
    });
  });

  it('host: flags tables of UI text, sentences kept in constants, text-named functions and shown parts', () => {
    runCases(rule, 'host', {
      valid: [],
      invalid: [
        {
          code: "const KIND_NAMES = { surrounding: 'surrounding code', history: () => 'history' };",
          output: "const KIND_NAMES = { surrounding: vscode.l10n.t('surrounding code'), history: () => vscode.l10n.t('history') };",
          errors: [{ messageId: 'raw' }, { messageId: 'raw' }],
        },
        {
          code: "export const INSTRUCTIONS_CHANGED = 'Custom instructions changed. They apply from the next new chat.';",
          output: "export const INSTRUCTIONS_CHANGED = vscode.l10n.t('Custom instructions changed. They apply from the next new chat.');",
          errors: [{ messageId: 'raw' }],
        },
        {
          code: 'function serverName(host: string): string { return `the server at ${host}`; }',
          output: "function serverName(host: string): string { return vscode.l10n.t('the server at {0}', host); }",
          errors: [{ messageId: 'raw' }],
        },
        { code: 'parts.push(`first token ${s} s`);', output: "parts.push(vscode.l10n.t('first token {0} s', s));", errors: [{ messageId: 'raw' }] },
        {
          code: "const why = 'No test framework was found in the project files.';",
          output: "const why = vscode.l10n.t('No test framework was found in the project files.');",
          errors: [{ messageId: 'raw' }],
        },
      ],
    });
  });

  it('host: accepts log lines, prompt text for the model, product icons, identifiers and translated text', () => {
    runCases(rule, 'host', {
      valid: [
        "services.log.warn('Sent without definitions: the language server timed out.');",
        "log.info(`Pulled the model in ${ms} ms.`);",
        "const DOC_COMMENT_SYSTEM_PROMPT = 'You write doc comments. Answer with one code block.';",
        "runRequest({ question: 'Explain the code below, step by step.', guidance: 'Use the usual test framework.' });",
        "item.text = `$(loading~spin) ${vscode.l10n.t('Phi-4 is writing a fix…')}`;",
        "void vscode.commands.executeCommand('setContext', 'phi4.fixPreviewVisible', true);",
        "manager.close(uri, vscode.l10n.t('The file was closed, so the fix was cancelled.'));",
        "const KIND_NAMES = { surrounding: () => vscode.l10n.t('surrounding code') };",
      ],
      invalid: [],
    });
  });

  it('webview: flags a table of kind names and l10n.t run when the module loads', () => {
    runCases(rule, 'webview', {
      valid: ["const KIND_NAMES = { mention: () => l10n.t('mention') };"],
      invalid: [
        { code: "const KIND_NAMES = { mention: 'mention' };", output: "const KIND_NAMES = { mention: l10n.t('mention') };", errors: [{ messageId: 'raw' }] },
        { code: "const KIND_NAMES = { mention: l10n.t('mention') };", errors: [{ messageId: 'atLoad' }] },
      ],
    });
  });
});
