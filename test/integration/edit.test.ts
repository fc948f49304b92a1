// Edit Selection and Write Doc Comment through the VS Code API: the instruction input's cancel and empty
// cases, recent instructions, code generated at the cursor previewed as an insertion, and doc comments —
// each checked on the document's exact bytes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Phi4Api } from '../../src/extension';
import { firstAnswerRequest, testServer, waitFor } from './testServerControl';

const ORIGINAL = [
  'export function sum(values: number[]): number {',
  '\tlet total = 0;',
  '\tfor (const v of values) total += v;',
  '',
  '\treturn total;',
  '}',
  '',
  'export function max(values: number[]): number {',
  '\tlet best = values[0];',
  '\tfor (const v of values) if (v > best) best = v;',
  '\treturn best;',
  '}',
  '',
].join('\n');

let api: Phi4Api;
let doc: vscode.TextDocument;
let editor: vscode.TextEditor;

async function openFresh(): Promise<void> {
  const [folder] = vscode.workspace.workspaceFolders!;
  const uri = vscode.Uri.joinPath(folder.uri, 'src', 'edit-target.ts');
  await vscode.commands.executeCommand('phi4.fixCancel');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ORIGINAL));
  doc = await vscode.workspace.openTextDocument(uri);
  editor = await vscode.window.showTextDocument(doc);
  if (doc.getText() !== ORIGINAL) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), ORIGINAL);
    await vscode.workspace.applyEdit(edit);
  }
  await doc.save();
}

const phase = (): string | undefined => api.fixPreviewPhase(doc.uri);
const waitPhase = (want: string | undefined): Promise<true> => waitFor(`preview phase ${String(want)}`, () => (phase() === want ? true : undefined));
const promptOf = async (): Promise<string> => String((await firstAnswerRequest()).body?.prompt);

/** Runs Edit Selection without an instruction and answers its input with `answer` once it is open. */
async function editWithInput(answer: 'workbench.action.closeQuickOpen' | 'workbench.action.acceptSelectedQuickOpenItem'): Promise<void> {
  const running = vscode.commands.executeCommand('phi4.editSelection');
  await waitFor('the instruction input', () => api.instructionInputOpen() || undefined);
  await vscode.commands.executeCommand(answer);
  await running;
}

describe('Edit Selection', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension('phi4-local.phi4-local')!.activate()) as Phi4Api;
  });
  beforeEach(async () => {
    await testServer.reset();
    await openFresh();
  });

  // These two run first: no instruction has been remembered yet, so the input lists nothing to pick.
  it('cancelling the instruction input sends nothing and changes nothing', async () => {
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    await editWithInput('workbench.action.closeQuickOpen');
    assert.equal(phase(), undefined, 'no preview');
    // The model may be loaded while the instruction is typed (#18); nothing of the code is sent.
    const reached = await testServer.requests();
    assert.deepEqual(await testServer.answerRequests(), [], 'no request for an answer reached the server');
    assert.ok(reached.every((r) => !JSON.stringify(r.body ?? {}).includes('values')), 'no code reached the server');
    assert.equal(doc.getText(), ORIGINAL);
  });

  it('an empty instruction (also a blank one passed by the chat) sends nothing', async () => {
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    await editWithInput('workbench.action.acceptSelectedQuickOpenItem');
    const blank = vscode.commands.executeCommand('phi4.editSelection', '   ');
    await waitFor('the instruction input for a blank instruction', () => api.instructionInputOpen() || undefined);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await blank;
    assert.equal(phase(), undefined, 'no preview');
    assert.deepEqual(await testServer.answerRequests(), [], 'no request for an answer reached the server');
    assert.equal(doc.getText(), ORIGINAL);
  });

  it('applies the instruction to the selection in the preview; Accept all changes the file in one undo step', async () => {
    await testServer.enqueue({ answer: 'Done:\n```ts\nlet total = 0;\nfor (const v of values) {\n    total += v;\n}\n```' });
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    await vscode.commands.executeCommand('phi4.editSelection', 'use a block for the loop body');
    await waitPhase('preview');
    assert.equal(doc.getText(), ORIGINAL, 'previewing does not edit the document');
    const prompt = await promptOf();
    assert.ok(prompt.includes('Instruction: use a block for the loop body'), 'the instruction is sent');
    assert.ok(prompt.includes('for (const v of values) total += v;'), 'the selection is sent');
    assert.ok(prompt.includes('edits code inside the user\'s editor as instructed'), 'with the edit rules');
    await vscode.commands.executeCommand('phi4.fixAcceptAll');
    await waitPhase(undefined);
    const edited = ORIGINAL.replace('\tfor (const v of values) total += v;\n', '\tfor (const v of values) {\n\t\ttotal += v;\n\t}\n');
    assert.equal(doc.getText(), edited);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), ORIGINAL, 'one undo restores the original');
  });

  it('offers the last instruction again: Enter on it sends it', async () => {
    await testServer.enqueue({ answer: '```ts\nlet total = 0;\nfor (const v of values) {\n\ttotal += v;\n}\n```' });
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    await editWithInput('workbench.action.acceptSelectedQuickOpenItem');
    await waitPhase('preview');
    assert.ok((await promptOf()).includes('Instruction: use a block for the loop body'));
    await vscode.commands.executeCommand('phi4.fixRejectAll');
  });

  it('edits the selection it was started on, even when the user clicks into the code while typing the instruction', async () => {
    await testServer.enqueue({ answer: '```ts\nlet total = 0;\nfor (const v of values) {\n\ttotal += v;\n}\n```' });
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    const running = vscode.commands.executeCommand('phi4.editSelection');
    await waitFor('the instruction input', () => api.instructionInputOpen() || undefined);
    editor.selection = new vscode.Selection(9, 4, 9, 4); // a click inside max() collapses the selection
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // the last instruction again
    await running;
    await waitPhase('preview');
    const prompt = await promptOf();
    assert.ok(prompt.includes('for (const v of values) total += v;'), 'the selection it started on is sent');
    assert.ok(!prompt.includes('new code goes there'), 'not turned into generating code at the click');
    await vscode.commands.executeCommand('phi4.fixRejectAll');
    await waitPhase(undefined);
  });

  it('with nothing selected, previews generated code as an insertion at the cursor: reject, accept, undo', async () => {
    const answer = 'Here:\n```ts\nif (values.length === 0) {\n  return 0;\n}\n```';
    const inserted = ORIGINAL.replace('\tfor (const v of values) total += v;\n\n', '\tfor (const v of values) total += v;\n\tif (values.length === 0) {\n\t\treturn 0;\n\t}\n\n');
    await testServer.enqueue({ answer }, { answer });
    editor.selection = new vscode.Selection(3, 0, 3, 0); // the empty line inside sum()
    await vscode.commands.executeCommand('phi4.editSelection', 'return 0 for an empty list');
    await waitPhase('preview');
    const prompt = await promptOf();
    assert.ok(prompt.includes('between lines 3 and 4; new code goes there'), 'the prompt says where the code goes');
    assert.equal(doc.getText(), ORIGINAL, 'previewing does not edit the document');
    await vscode.commands.executeCommand('phi4.fixRejectAll');
    await waitPhase(undefined);
    assert.equal(doc.getText(), ORIGINAL);
    assert.equal(doc.isDirty, false);

    await vscode.commands.executeCommand('phi4.editSelection', 'return 0 for an empty list');
    await waitPhase('preview');
    await vscode.commands.executeCommand('phi4.fixAcceptAll');
    await waitPhase(undefined);
    assert.equal(doc.getText(), inserted, 'the code is inserted as whole lines, tab-indented inside the function');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), ORIGINAL, 'one undo removes it');
  });

  it('an answer without a code block shows no preview and changes nothing', async () => {
    await testServer.enqueue({ answer: 'You could check whether the list is empty first.' });
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    await vscode.commands.executeCommand('phi4.editSelection', 'return 0 for an empty list');
    assert.equal((await testServer.answerRequests()).length, 1);
    await waitPhase(undefined);
    assert.equal(doc.getText(), ORIGINAL);
  });
});

describe('Write Doc Comment', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension('phi4-local.phi4-local')!.activate()) as Phi4Api;
  });
  beforeEach(async () => {
    await testServer.reset();
    await openFresh();
  });

  it('previews the comment above the declaration at the cursor, without the declaration the model repeated', async () => {
    const answer = '```ts\n/**\n * The largest of the values.\n * @param values - not empty\n */\nexport function max(values: number[]): number {\n```';
    await testServer.enqueue({ answer });
    editor.selection = new vscode.Selection(9, 5, 9, 5); // inside max()
    await vscode.commands.executeCommand('phi4.writeDocComment');
    await waitPhase('preview');
    assert.equal(doc.getText(), ORIGINAL, 'previewing does not edit the document');
    const prompt = await promptOf();
    assert.ok(prompt.includes('Write the doc comment for the declaration in focus'));
    assert.ok(prompt.includes('export function max(values: number[]): number {\n\tlet best = values[0];'), 'the declaration is the code in focus');
    await vscode.commands.executeCommand('phi4.fixAcceptAll');
    await waitPhase(undefined);
    const documented = ORIGINAL.replace('export function max', '/**\n * The largest of the values.\n * @param values - not empty\n */\nexport function max');
    assert.equal(doc.getText(), documented);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), ORIGINAL);
  });
  it('replaces the doc comment a declaration already has instead of adding a second one', async () => {
    const commented = ORIGINAL.replace('export function max', '/**\n * Old: the biggest.\n */\nexport function max');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), commented);
    await vscode.workspace.applyEdit(edit);
    await testServer.enqueue({ answer: '```ts\n/**\n * The largest of the values.\n */\n```' });
    editor.selection = new vscode.Selection(12, 5, 12, 5); // inside max()
    await vscode.commands.executeCommand('phi4.writeDocComment');
    await waitPhase('preview');
    assert.ok((await promptOf()).includes('already has a doc comment'), 'the model is asked for a replacement');
    await vscode.commands.executeCommand('phi4.fixAcceptAll');
    await waitPhase(undefined);
    assert.equal(doc.getText(), ORIGINAL.replace('export function max', '/**\n * The largest of the values.\n */\nexport function max'));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), commented, 'one undo brings the old comment back');
  });
});
