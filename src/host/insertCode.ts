// Puts a code block from the chat into the editor as one undoable edit.
import * as vscode from 'vscode';

export async function insertCode(editor: vscode.TextEditor | undefined, code: string, mode: 'insert' | 'replace', notify: (message: string) => void): Promise<void> {
  if (!editor || editor.document.isClosed) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and place the cursor where the code should go, then try again.'));
    return notify(vscode.l10n.t('No editor to insert into.'));
  }
  const edit = new vscode.WorkspaceEdit();
  const selection = editor.selection;
  if (mode === 'replace' && !selection.isEmpty) edit.replace(editor.document.uri, selection, code);
  else edit.insert(editor.document.uri, selection.active, code);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The code could not be inserted (the document may be read-only).'));
    return;
  }
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  notify(mode === 'replace' && !selection.isEmpty ? vscode.l10n.t('Selection replaced.') : vscode.l10n.t('Code inserted.'));
}
