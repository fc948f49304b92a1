// The inline fix preview through the VS Code API: accept, reject, per hunk, undo, edits while streaming,
// cancel, and the lightbulb — each checked on the document's exact bytes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Phi4Api } from '../../src/extension';
import { testServer, waitFor } from './testServerControl';

const ORIGINAL_STATS = [
  'export function sum(values: number[]): number {',
  '\tlet total = 0;',
  '\tfor (let i = 0; i <= values.length; i++) {',
  '\t\ttotal += values[i];',
  '\t}',
  '\treturn total;',
  '}',
  '',
  'export function max(values: number[]): number {',
  '\tlet best = values[0];',
  '\tfor (const v of values) {',
  '\t\tif (v > best) best = v;',
  '\t}',
  '\treturn best;',
  '}',
  '',
].join('\n');

// The model answers with spaces, prose and a repeated function header; the fix must land with tabs.
const SUM_FIX_ANSWER = 'The loop reads past the end. Fixed:\n\n```typescript\nlet total = 0;\nfor (let i = 0; i < values.length; i++) {\n    total += values[i];\n}\nreturn total;\n```\n';
const SUM_FIXED = ORIGINAL_STATS.replace('i <= values.length', 'i < values.length');

let api: Phi4Api;
let doc: vscode.TextDocument;
let editor: vscode.TextEditor;

async function open(name: string): Promise<void> {
  const [folder] = vscode.workspace.workspaceFolders!;
  doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'src', name));
  editor = await vscode.window.showTextDocument(doc);
}

async function restore(text: string): Promise<void> {
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  await doc.save();
}

const phase = (): string | undefined => api.fixPreviewPhase(doc.uri);
const waitPhase = (want: string | undefined): Promise<true> => waitFor(`preview phase ${String(want)}`, () => (phase() === want ? true : undefined));

/** Starts a fix of whole lines [from, to); resolves when the fix finished streaming unless `background`. */
async function fixLines(from: number, to: number, background = false): Promise<void> {
  editor.selection = new vscode.Selection(from, 0, to, 0);
  const running = vscode.commands.executeCommand('phi4.fixSelection');
  if (!background) await running;
}

/** Waits until `n` answer requests reached the server, so the next step happens mid-stream. */
const onTheWire = (n: number): Promise<true> => waitFor(`${n} request(s) on the wire`, async () => ((await testServer.answerRequests()).length >= n ? true : undefined));

async function lensTitles(): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
  return lenses.filter((l) => l.command?.command.startsWith('phi4.')).map((l) => l.command!.title);
}

describe('inline fix preview', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension('phi4-local.phi4-local')!.activate()) as Phi4Api;
    await open('stats.ts');
  });
  beforeEach(async () => {
    await testServer.reset();
    await vscode.commands.executeCommand('phi4.fixCancel');
    await open('stats.ts');
    await restore(ORIGINAL_STATS);
  });

  it('shows the proposal without touching the document, then Accept all applies it with tabs in one undo step', async () => {
    await testServer.enqueue({ answer: SUM_FIX_ANSWER });
    await fixLines(1, 6);
    await waitPhase('preview');
    assert.equal(doc.getText(), ORIGINAL_STATS, 'previewing does not edit the document');
    assert.equal(doc.isDirty, false);
    assert.ok((await lensTitles()).some((t) => t.includes('Accept all')));
    const prompt = String((await testServer.answerRequests())[0].body?.prompt);
    assert.ok(prompt.includes('Return the corrected version of exactly the code in focus'));
    await vscode.commands.executeCommand('phi4.fixAcceptAll');
    await waitPhase(undefined);
    assert.equal(doc.getText(), SUM_FIXED);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), ORIGINAL_STATS, 'one undo restores the original');
    await vscode.commands.executeCommand('redo');
    assert.equal(doc.getText(), SUM_FIXED);
  });

  it('Accept all and Reject all tooltips name the keys contributes.keybindings binds on this platform', async () => {
    await testServer.enqueue({ answer: SUM_FIX_ANSWER });
    await fixLines(1, 6);
    await waitPhase('preview');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const tooltip = (command: string): string => String(lenses.find((l) => l.command?.command === command)?.command?.tooltip);
    const bindings = ((vscode.extensions.getExtension('phi4-local.phi4-local')!.packageJSON as { contributes: unknown }).contributes as { keybindings: { command: string; key: string; mac?: string }[] }).keybindings;
    const bound = (command: string): string | undefined => {
      const b = bindings.find((k) => k.command === command);
      return process.platform === 'darwin' ? b?.mac ?? b?.key : b?.key;
    };
    const mac = process.platform === 'darwin';
    // What VS Code itself shows for these bindings: ⇧⌘Enter on macOS, Ctrl+Shift+Enter elsewhere.
    assert.equal(bound('phi4.fixAcceptAll'), mac ? 'cmd+shift+enter' : 'ctrl+shift+enter');
    assert.equal(bound('phi4.fixRejectAll'), mac ? 'cmd+shift+backspace' : 'ctrl+shift+backspace');
    assert.ok(tooltip('phi4.fixAcceptAll').includes(mac ? '(⇧⌘Enter)' : '(Ctrl+Shift+Enter)'), tooltip('phi4.fixAcceptAll'));
    assert.ok(tooltip('phi4.fixRejectAll').includes(mac ? '(⇧⌘Backspace)' : '(Ctrl+Shift+Backspace)'), tooltip('phi4.fixRejectAll'));
  });

  it('Reject all leaves the file byte-identical and not dirty', async () => {
    await testServer.enqueue({ answer: SUM_FIX_ANSWER });
    await fixLines(1, 6);
    await waitPhase('preview');
    await vscode.commands.executeCommand('phi4.fixRejectAll');
    await waitPhase(undefined);
    assert.equal(doc.getText(), ORIGINAL_STATS);
    assert.equal(doc.isDirty, false);
  });

  it('decides hunks one at a time: accept one, reject the other', async () => {
    const answer = '```ts\nexport function sum(values: number[]): number {\n  let total = 0;\n  for (let i = 0; i < values.length; i++) {\n    total += values[i];\n  }\n  return total;\n}\n\nexport function max(values: number[]): number {\n  let best = values[0] ?? -Infinity;\n  for (const v of values) {\n    if (v > best) best = v;\n  }\n  return best;\n}\n```';
    await testServer.enqueue({ answer });
    await fixLines(0, 15);
    await waitPhase('preview');
    const titles = await lensTitles();
    assert.equal(titles.filter((t) => t.includes('Accept') && !t.includes('all')).length, 2, 'one Accept per hunk');
    await vscode.commands.executeCommand('phi4.fixRejectHunk', doc.uri, 0);
    assert.equal(phase(), 'preview', 'one hunk still pending');
    assert.equal(doc.getText(), ORIGINAL_STATS);
    await vscode.commands.executeCommand('phi4.fixAcceptHunk', doc.uri, 1);
    await waitPhase(undefined);
    assert.equal(doc.getText(), ORIGINAL_STATS.replace('let best = values[0];', 'let best = values[0] ?? -Infinity;'));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), ORIGINAL_STATS);
  });

  it('undo after accepting one hunk clears the now inconsistent preview', async () => {
    const answer = '```ts\nexport function sum(values: number[]): number {\n\tlet total = 0;\n\tfor (let i = 0; i < values.length; i++) {\n\t\ttotal += values[i];\n\t}\n\treturn total;\n}\n\nexport function max(values: number[]): number {\n\tlet best = values[0] ?? -Infinity;\n\tfor (const v of values) {\n\t\tif (v > best) best = v;\n\t}\n\treturn best;\n}\n```';
    await testServer.enqueue({ answer });
    await fixLines(0, 15);
    await waitPhase('preview');
    await vscode.commands.executeCommand('phi4.fixAcceptHunk', doc.uri, 0);
    assert.equal(phase(), 'preview');
    await vscode.commands.executeCommand('undo');
    await waitPhase(undefined);
    assert.equal(doc.getText(), ORIGINAL_STATS);
  });

  it('an edit above the region while the fix streams re-anchors it; the fix lands in the right place', async () => {
    await testServer.enqueue({ answer: SUM_FIX_ANSWER, chunkDelayMs: 40 });
    await fixLines(1, 6, true);
    await waitPhase('streaming');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '// header\n');
    await vscode.workspace.applyEdit(edit);
    await waitPhase('preview');
    await vscode.commands.executeCommand('phi4.fixAcceptAll');
    await waitPhase(undefined);
    assert.equal(doc.getText(), '// header\n' + SUM_FIXED);
  });

  it('an edit inside the region while streaming cancels the fix and changes nothing else', async () => {
    await testServer.enqueue({ answer: SUM_FIX_ANSWER, chunkDelayMs: 40 });
    await fixLines(1, 6, true);
    await waitPhase('streaming');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(1, 5, 1, 10), 'count');
    await vscode.workspace.applyEdit(edit);
    await waitPhase(undefined);
    assert.equal(doc.getText(), ORIGINAL_STATS.replace('let total = 0;', 'let count = 0;'));
    await waitFor('the request to be closed', async () => ((await testServer.answerRequests())[0]?.closedByClient ? true : undefined));
  });

  it('Cancel while streaming removes the preview and closes the request', async () => {
    await testServer.enqueue({ answer: SUM_FIX_ANSWER, chunkDelayMs: 100 });
    await fixLines(1, 6, true);
    await waitPhase('streaming');
    await onTheWire(1);
    await vscode.commands.executeCommand('phi4.fixCancel');
    await waitPhase(undefined);
    assert.equal(doc.getText(), ORIGINAL_STATS);
    await waitFor('the request to be closed', async () => ((await testServer.answerRequests())[0]?.closedByClient ? true : undefined));
  });

  it('closing the document while the fix streams cancels it', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'let total = 0;\nfor (let i = 0; i <= n; i++) total += i;\n' });
    const ed = await vscode.window.showTextDocument(untitled);
    ed.selection = new vscode.Selection(0, 0, 2, 0);
    await testServer.enqueue({ answer: '```ts\nlet total = 0;\nfor (let i = 0; i < n; i++) total += i;\n```', chunkDelayMs: 150 });
    void vscode.commands.executeCommand('phi4.fixSelection');
    await waitFor('the fix to stream', () => (api.fixPreviewPhase(untitled.uri) === 'streaming' ? true : undefined));
    await onTheWire(1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the preview to go', () => (api.fixPreviewPhase(untitled.uri) === undefined ? true : undefined));
    await waitFor('the request to be closed', async () => ((await testServer.answerRequests())[0]?.closedByClient ? true : undefined));
  });

  it('an answer without usable code changes nothing', async () => {
    await testServer.enqueue({ answer: 'I am not sure what you want me to do here.' });
    await fixLines(1, 6);
    await waitFor('the request', async () => ((await testServer.answerRequests()).length ? true : undefined));
    await waitPhase(undefined);
    assert.equal(doc.getText(), ORIGINAL_STATS);
  });

  it('keeps CRLF line endings and a missing final newline byte for byte', async () => {
    await open('shapes.py');
    const original = doc.getText();
    assert.ok(original.includes('\r\n') && !original.endsWith('\n'));
    await testServer.enqueue({ answer: '```python\ndef perimeter(w, h):\n    return 2 * (w + h)\n```' });
    editor.selection = new vscode.Selection(3, 0, 4, doc.lineAt(4).text.length);
    await vscode.commands.executeCommand('phi4.fixSelection');
    await waitPhase('preview');
    await vscode.commands.executeCommand('phi4.fixRejectAll');
    assert.equal(doc.getText(), original, 'reject: byte-identical');
    await testServer.enqueue({ answer: '```python\ndef perimeter(w, h):\n    return 2 * (w + h)\n```' });
    await vscode.commands.executeCommand('phi4.fixSelection');
    await waitPhase('preview');
    await vscode.commands.executeCommand('phi4.fixAcceptAll');
    await waitPhase(undefined);
    assert.equal(doc.getText(), 'def area(w, h):\r\n\treturn w * h + 1\r\n\r\ndef perimeter(w, h):\r\n\treturn 2 * (w + h)');
    await restore(original);
  });

  it('a selection starting after the indentation keeps the lines below it at their depth', async () => {
    // Selected from the "l" of "\tlet total": the answer, indented as a whole, must not lose a level.
    await testServer.enqueue({ answer: SUM_FIX_ANSWER });
    editor.selection = new vscode.Selection(1, 1, 6, 0);
    await vscode.commands.executeCommand('phi4.fixSelection');
    await waitPhase('preview');
    await vscode.commands.executeCommand('phi4.fixAcceptAll');
    await waitPhase(undefined);
    assert.equal(doc.getText(), SUM_FIXED);
  });
});

describe('lightbulb', () => {
  const diagnostics = vscode.languages.createDiagnosticCollection('phi4-test');
  after(() => diagnostics.dispose());
  beforeEach(async () => {
    await testServer.reset();
    await open('stats.ts');
    await restore(ORIGINAL_STATS);
  });

  it('offers Fix with Phi-4 on a diagnostic and Explain on a selection, without calling the model', async () => {
    const range = new vscode.Range(2, 20, 2, 38);
    diagnostics.set(doc.uri, [new vscode.Diagnostic(range, 'Index may be out of bounds', vscode.DiagnosticSeverity.Error)]);
    const atDiagnostic = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(2, 25, 2, 25));
    const fix = atDiagnostic.find((a) => a.title === 'Fix with Phi-4');
    assert.ok(fix, 'Fix with Phi-4 offered');
    assert.equal(fix.kind?.value, 'quickfix');
    const onSelection = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(1, 0, 4, 0));
    assert.ok(onSelection.some((a) => a.title === 'Explain with Phi-4'));
    assert.equal((await testServer.requests()).length, 0, 'offering actions made no request');

    await testServer.enqueue({ answer: SUM_FIX_ANSWER });
    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    await waitPhase('preview');
    const prompt = String((await testServer.answerRequests())[0].body?.prompt);
    assert.ok(prompt.includes('Index may be out of bounds'), 'the diagnostic message is sent');
    await vscode.commands.executeCommand('phi4.fixAcceptAll');
    assert.equal(doc.getText(), SUM_FIXED, 'the enclosing block was fixed');
    diagnostics.clear();
  });
});

// Whole lines as people select them, the region's final newline, and CRLF files: every decision must
// leave exactly the expected bytes, and one undo must restore the original.
const AVERAGE_LINES = ['function average(xs) {', '\tlet total = 0;', '\tfor (let i = 0; i <= xs.length; i++) {', '\t\ttotal += xs[i];', '\t}', '\treturn total / xs.length;', '}', '', 'module.exports = { average };', ''];
const AVERAGE_FUNCTION_ANSWER =
  'Two problems: the loop reads past the end, and an empty list divides by zero.\n\n```javascript\nfunction average(xs) {\n    let total = 0;\n    for (let i = 0; i < xs.length; i++) {\n        total += xs[i];\n    }\n    return xs.length === 0 ? 0 : total / xs.length;\n}\n```\n';
const AVERAGE_WHOLE_FILE_ANSWER = AVERAGE_FUNCTION_ANSWER.replace('}\n```', '}\n\nmodule.exports = { average };\n```');
const fixLoop = (text: string): string => text.replace('i <= xs.length', 'i < xs.length');
const fixEmpty = (text: string): string => text.replace('return total / xs.length;', 'return xs.length === 0 ? 0 : total / xs.length;');

interface SelectionCase {
  readonly name: string;
  readonly eol: '\n' | '\r\n';
  readonly answer: string;
  select(document: vscode.TextDocument): vscode.Selection | Promise<vscode.Selection>;
}

/** Shift+Down `times` times from line 1, column 1, as people select whole lines. */
async function shiftDown(times: number): Promise<vscode.Selection> {
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  for (let i = 0; i < times; i++) await vscode.commands.executeCommand('cursorDownSelect');
  assert.deepEqual([editor.selection.end.line, editor.selection.end.character], [times, 0], 'the selection ends at column 1');
  return editor.selection;
}

const SELECTION_CASES: SelectionCase[] = [
  { name: 'whole lines selected with Shift+Down, ending at column 1 of the next line', eol: '\n', answer: AVERAGE_FUNCTION_ANSWER, select: () => shiftDown(7) },
  { name: 'whole lines and the blank line after them, selected with Shift+Down', eol: '\n', answer: AVERAGE_FUNCTION_ANSWER, select: () => shiftDown(8) },
  { name: 'whole lines selected upwards from column 1 of the next line', eol: '\n', answer: AVERAGE_FUNCTION_ANSWER, select: () => new vscode.Selection(7, 0, 0, 0) },
  { name: 'whole lines ending at the end of the last line', eol: '\n', answer: AVERAGE_FUNCTION_ANSWER, select: (d) => new vscode.Selection(0, 0, 6, d.lineAt(6).text.length) },
  { name: 'the whole file, final newline included', eol: '\n', answer: AVERAGE_WHOLE_FILE_ANSWER, select: (d) => new vscode.Selection(0, 0, d.lineCount - 1, 0) },
  { name: 'CRLF: whole lines selected with Shift+Down, ending at column 1 of the next line', eol: '\r\n', answer: AVERAGE_FUNCTION_ANSWER, select: () => shiftDown(7) },
  { name: 'CRLF: whole lines ending at the end of the last line', eol: '\r\n', answer: AVERAGE_FUNCTION_ANSWER, select: (d) => new vscode.Selection(0, 0, 6, d.lineAt(6).text.length) },
];

describe('inline fix preview on whole-line selections', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension('phi4-local.phi4-local')!.activate()) as Phi4Api;
  });

  /** Writes the file with the case's line endings, opens it and starts the fix; resolves once it is previewed. */
  async function previewFix(c: SelectionCase): Promise<string> {
    const original = AVERAGE_LINES.join(c.eol);
    const [folder] = vscode.workspace.workspaceFolders!;
    const uri = vscode.Uri.joinPath(folder.uri, 'src', c.eol === '\n' ? 'average.js' : 'average-crlf.js');
    await vscode.commands.executeCommand('phi4.fixCancel');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    await open(c.eol === '\n' ? 'average.js' : 'average-crlf.js');
    await restore(original);
    assert.equal(doc.getText(), original);
    await testServer.reset();
    await testServer.enqueue({ answer: c.answer });
    editor.selection = await c.select(doc);
    await vscode.commands.executeCommand('phi4.fixSelection');
    await waitPhase('preview');
    assert.equal(doc.getText(), original, 'previewing does not edit the document');
    return original;
  }

  it('two Accept clicks in quick succession, the first adding a line, apply both where they belong', async () => {
    const guarded = AVERAGE_FUNCTION_ANSWER.replace('function average(xs) {\n', 'function average(xs) {\n    if (xs.length === 0) return 0;\n');
    const original = await previewFix({ ...SELECTION_CASES[0], answer: guarded.replace('xs.length === 0 ? 0 : total / xs.length', 'total / xs.length') });
    // The second click arrives while the first change is still being applied.
    await Promise.all([vscode.commands.executeCommand('phi4.fixAcceptHunk', doc.uri, 0), vscode.commands.executeCommand('phi4.fixAcceptHunk', doc.uri, 1)]);
    await waitPhase(undefined);
    const both = fixLoop(original).replace('function average(xs) {\n', 'function average(xs) {\n\tif (xs.length === 0) return 0;\n');
    assert.equal(doc.getText(), both);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), both.replace('i < xs.length', 'i <= xs.length'), 'each decision is one undo step');
  });

  for (const c of SELECTION_CASES) {
    describe(c.name, () => {
      it('Accept all applies both changes byte for byte, and one undo restores the original', async () => {
        const original = await previewFix(c);
        await vscode.commands.executeCommand('phi4.fixAcceptAll', doc.uri);
        await waitPhase(undefined);
        assert.equal(doc.getText(), fixEmpty(fixLoop(original)));
        assert.deepEqual(await lensTitles(), [], 'no lens is left behind');
        await vscode.commands.executeCommand('undo');
        assert.equal(doc.getText(), original, 'one undo restores the original');
      });

      it('accepting one change applies only it and keeps the other pending; rejecting that one settles the fix', async () => {
        const original = await previewFix(c);
        await vscode.commands.executeCommand('phi4.fixAcceptHunk', doc.uri, 1);
        assert.equal(phase(), 'preview', 'the other change is still offered');
        assert.equal(doc.getText(), fixEmpty(original));
        assert.equal((await lensTitles()).filter((t) => t.includes('Accept all')).length, 1);
        await vscode.commands.executeCommand('phi4.fixAcceptHunk', doc.uri, 0);
        await waitPhase(undefined);
        assert.equal(doc.getText(), fixEmpty(fixLoop(original)));
        await vscode.commands.executeCommand('undo');
        assert.equal(doc.getText(), fixEmpty(original), 'each decision is one undo step');
        await vscode.commands.executeCommand('undo');
        assert.equal(doc.getText(), original);
      });

      it('accepting one change then rejecting the other leaves only the accepted one', async () => {
        const original = await previewFix(c);
        await vscode.commands.executeCommand('phi4.fixAcceptHunk', doc.uri, 0);
        assert.equal(phase(), 'preview', 'the other change is still offered');
        await vscode.commands.executeCommand('phi4.fixRejectHunk', doc.uri, 1);
        await waitPhase(undefined);
        assert.equal(doc.getText(), fixLoop(original));
      });

      it('Accept all clicked twice applies the fix once', async () => {
        const original = await previewFix(c);
        await Promise.all([vscode.commands.executeCommand('phi4.fixAcceptAll', doc.uri), vscode.commands.executeCommand('phi4.fixAcceptAll', doc.uri)]);
        await waitPhase(undefined);
        assert.equal(doc.getText(), fixEmpty(fixLoop(original)));
        await vscode.commands.executeCommand('undo');
        assert.equal(doc.getText(), original, 'one undo restores the original');
      });

      it('Reject all leaves the file byte-identical and not dirty', async () => {
        const original = await previewFix(c);
        await vscode.commands.executeCommand('phi4.fixRejectAll', doc.uri);
        await waitPhase(undefined);
        assert.equal(doc.getText(), original);
        assert.equal(doc.isDirty, false);
      });
    });
  }
});
