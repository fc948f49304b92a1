// The walkthrough's sample file: Fix and Edit must change a copy in the extension's storage, never a file
// of the installed extension, and the copy opens with its function selected, ready for Explain or Fix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'phi4-local.phi4-local';

describe('walkthrough sample file', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens a copy outside the installed extension, with the buggy function selected', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const editor = (await vscode.commands.executeCommand('phi4.openSample')) as vscode.TextEditor;
    const file = editor.document.uri.fsPath;
    assert.ok(!file.startsWith(path.join(ext.extensionPath, 'media') + path.sep), `the sample is a copy, not ${file} inside the extension`);
    assert.match(file, /globalStorage/, 'the copy is in the extension\'s storage');
    const bundled = fs.readFileSync(path.join(ext.extensionPath, 'media', 'walkthrough', 'average.ts'), 'utf8');
    assert.equal(editor.document.getText(), bundled);
    assert.match(editor.document.getText(editor.selection), /^export function average[\s\S]*\}\n?$/);
  });

  it('starts from the original again, unless the open copy has unsaved changes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const bundled = fs.readFileSync(path.join(ext.extensionPath, 'media', 'walkthrough', 'average.ts'), 'utf8');
    let editor = (await vscode.commands.executeCommand('phi4.openSample')) as vscode.TextEditor;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// my note\n'));
    editor = (await vscode.commands.executeCommand('phi4.openSample')) as vscode.TextEditor;
    assert.ok(editor.document.getText().startsWith('// my note\n'), 'unsaved work in the copy is kept');
    await editor.document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    editor = (await vscode.commands.executeCommand('phi4.openSample')) as vscode.TextEditor;
    assert.equal(editor.document.getText(), bundled, 'a saved copy is replaced by a fresh sample');
    assert.equal(fs.readFileSync(path.join(ext.extensionPath, 'media', 'walkthrough', 'average.ts'), 'utf8'), bundled, 'the bundled sample never changes');
  });
});
