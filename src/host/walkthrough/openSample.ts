// "Try it on a sample file": copies the bundled sample into the extension's own storage and opens it with
// its function selected, so Fix and Edit change that copy and never a file of the installed extension.
import * as vscode from 'vscode';

const SAMPLE = 'average.ts';

export async function openSample(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const folder = vscode.Uri.joinPath(context.globalStorageUri, 'samples');
  const target = vscode.Uri.joinPath(folder, SAMPLE);
  const sample = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', SAMPLE));
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (!open) {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(target, sample);
  } else if (!open.isDirty && open.getText() !== new TextDecoder().decode(sample)) {
    // A document VS Code still holds would not see a file written behind its back at once: start it over in place.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(target, new vscode.Range(0, 0, open.lineCount, 0), new TextDecoder().decode(sample));
    await vscode.workspace.applyEdit(edit);
    await open.save();
  }
  // Unsaved work in an open copy is the user's: it is shown as it is.
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: sampleColumn() });
  const first = document.getText().split('\n').findIndex((line) => line.startsWith('export function'));
  if (first >= 0) {
    const start = new vscode.Position(first, 0);
    editor.selection = new vscode.Selection(start, document.lineAt(document.lineCount - 1).range.end);
    editor.revealRange(editor.selection);
  }
  return editor;
}

/** A tab that is none of the text, diff, notebook, terminal or webview kinds: a page such as the walkthrough. */
function isPage(tab: vscode.Tab | undefined): boolean {
  const input = tab?.input;
  return tab !== undefined && !(input instanceof vscode.TabInputText || input instanceof vscode.TabInputTextDiff || input instanceof vscode.TabInputNotebook || input instanceof vscode.TabInputNotebookDiff || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputWebview || input instanceof vscode.TabInputTerminal);
}

/**
 * Beside the walkthrough, which stays in view and ticks its steps: in a group that is not showing it (its
 * buttons may have just made an empty one), else a new group to its right. Decided from the groups, not
 * from which one is active, which races with the walkthrough taking focus back after its button was clicked.
 */
function sampleColumn(): vscode.ViewColumn {
  const groups = vscode.window.tabGroups.all;
  const page = groups.find((g) => isPage(g.activeTab));
  if (!page) return vscode.ViewColumn.Active;
  const other = groups.find((g) => g !== page);
  return other ? other.viewColumn : page.viewColumn + 1;
}
