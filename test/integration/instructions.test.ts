// Inside a real VS Code (trusted, as the harness disables workspace trust): custom instructions reach the
// system rules of Fix and of the chat, and Write Unit Tests opens its tests beside the source, unsaved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testServer, waitFor } from './testServerControl';

const USER_RULE = 'USER RULE: prefer early returns.';
const REPO_RULE = 'REPO RULE: this project indents with tabs.';

const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('phi4');
const folder = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;
const repoFile = (): vscode.Uri => vscode.Uri.joinPath(folder(), '.phi4', 'instructions.md');
const systemOf = (prompt: unknown): string => /^<\|im_start\|>system<\|im_sep\|>\n([\s\S]*?)<\|im_end\|>/.exec(String(prompt))?.[1] ?? '';

async function lastPrompt(count: number): Promise<string> {
  const requests = await waitFor(`${count} finished answer(s)`, async () => {
    const r = (await testServer.answerRequests()).filter((q) => q.finished);
    return r.length >= count ? r : undefined;
  });
  return String(requests[count - 1].body?.prompt);
}

async function openSelected(uri: vscode.Uri, selection: vscode.Selection): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
  editor.selection = selection;
  return editor;
}

describe('custom instructions and Write Unit Tests', () => {
  before(() => vscode.extensions.getExtension('phi4-local.phi4-local')!.activate());
  beforeEach(() => testServer.reset());
  afterEach(async () => {
    await config().update('instructions', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.phi4'), { recursive: true }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("the user's and the trusted repository's instructions join the rules of Fix and of a new chat", async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'the harness runs with workspace trust disabled, which VS Code treats as trusted');
    await config().update('instructions', USER_RULE, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.writeFile(repoFile(), new TextEncoder().encode(`${REPO_RULE}\n`));
    await openSelected(vscode.Uri.joinPath(folder(), 'src', 'math.ts'), new vscode.Selection(5, 0, 10, 0));

    await testServer.enqueue({ answer: 'No code in this answer.' });
    await vscode.commands.executeCommand('phi4.fixSelection');
    const fix = systemOf(await lastPrompt(1));
    assert.ok(fix.startsWith('You are Phi-4, a careful coding assistant that fixes code'), fix);
    assert.ok(fix.endsWith(`Instructions from the user:\n${USER_RULE}\n\nInstructions from this repository (.phi4/instructions.md):\n${REPO_RULE}`), fix);

    await vscode.commands.executeCommand('phi4.newChat');
    await testServer.enqueue({ answer: 'It averages.' });
    await vscode.commands.executeCommand('phi4.explainSelection');
    const chat = systemOf(await lastPrompt(2));
    assert.ok(chat.startsWith('You are Phi-4, a careful coding assistant running locally'), chat);
    assert.ok(chat.includes(USER_RULE) && chat.includes(REPO_RULE), chat);
  });

  it('Write Unit Tests uses the framework of the nearest package.json and opens the tests unsaved, beside the source', async () => {
    const dir = vscode.Uri.joinPath(folder(), 'pkg-vitest');
    const source = vscode.Uri.joinPath(dir, 'src', 'add.ts');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'package.json'), new TextEncoder().encode(JSON.stringify({ devDependencies: { vitest: '^3.2.0' } })));
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode('export function add(a: number, b: number): number {\n  return a + b;\n}\n'));
    await config().update('instructions', USER_RULE, vscode.ConfigurationTarget.Global);
    try {
      const editor = await openSelected(source, new vscode.Selection(0, 0, 3, 0));
      const tests = "import { it, expect } from 'vitest';\nimport { add } from './add';\n\nit('adds', () => expect(add(1, 2)).toBe(3));\n";
      await testServer.enqueue({ answer: `Here are the tests:\n\n\`\`\`typescript\n${tests}\`\`\`\n` });
      await vscode.commands.executeCommand('phi4.writeTests');
      const opened = vscode.window.activeTextEditor!;
      assert.equal(opened.document.isUntitled, true, 'nothing is written to disk');
      assert.equal(opened.document.getText(), tests);
      assert.equal(opened.document.languageId, 'typescript');
      assert.equal(opened.viewColumn, vscode.ViewColumn.Two, 'beside the source');
      assert.equal(editor.viewColumn, vscode.ViewColumn.One);
      assert.deepEqual((await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n).sort(), ['package.json', 'src']);
      const prompt = await lastPrompt(1);
      assert.ok(prompt.includes("import { describe, it, expect, vi } from 'vitest'"), 'the detected framework is asked for');
      assert.ok(systemOf(prompt).endsWith(USER_RULE), 'custom instructions join the tests request too');
      assert.ok(prompt.includes('return a + b;'), 'the selection is sent');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('an answer without a code block opens no file', async () => {
    await openSelected(vscode.Uri.joinPath(folder(), 'src', 'stats.ts'), new vscode.Selection(0, 0, 7, 0));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'package.json'), new TextEncoder().encode(JSON.stringify({ devDependencies: { jest: '29' } })));
    try {
      await testServer.enqueue({ answer: 'You should test sum with an empty array.' });
      await vscode.commands.executeCommand('phi4.writeTests');
      await lastPrompt(1);
      assert.deepEqual(vscode.window.visibleTextEditors.filter((e) => e.document.isUntitled), []);
      assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /stats\.ts$/);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'package.json'));
    }
  });
});
