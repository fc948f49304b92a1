// Fix, Edit and Doc Comment draw their preview in the target editor. Run from somewhere that hides it (the
// walkthrough's buttons, a chat opened as an editor tab in the same group), the preview would stream where
// nobody sees it, so the editor is brought back first, with its selection.
import * as vscode from 'vscode';

export async function revealTarget(editor: vscode.TextEditor): Promise<vscode.TextEditor> {
  if (vscode.window.visibleTextEditors.includes(editor)) return editor;
  return vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: editor.selection, preserveFocus: true });
}
