// Opens a range listed under "Context used". The path comes from the view, so it is resolved only inside the
// workspace's folders (or an open untitled document): a stored or forged path cannot open anything else.
import * as vscode from 'vscode';

function resolve(path: string): vscode.Uri | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.isUntitled && d.uri.path === path);
  if (open) return open.uri;
  const segments = path.split(/[\\/]/);
  // A file outside the workspace is listed as "…/folder/name" and is not opened from here.
  if (segments.some((s) => s === '..' || s === '.' || s === '…') || path.startsWith('/')) return undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  // In a multi-root workspace the path starts with its folder's name.
  if (folders.length > 1) {
    const folder = folders.find((f) => f.name === segments[0]);
    return folder && vscode.Uri.joinPath(folder.uri, ...segments.slice(1));
  }
  return folders[0] && vscode.Uri.joinPath(folders[0].uri, ...segments);
}

export async function openContextRange(path: string, startLine: number, endLine: number, notice: (message: string) => void): Promise<void> {
  const uri = resolve(path);
  if (!uri) return notice(vscode.l10n.t('{0} is not in this workspace, so it cannot be opened.', path));
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const end = Math.min(endLine, document.lineCount - 1);
    const range = new vscode.Range(Math.min(startLine, end), 0, end, document.lineAt(end).text.length);
    await vscode.window.showTextDocument(document, { selection: range, preview: true, viewColumn: vscode.ViewColumn.One });
  } catch {
    notice(vscode.l10n.t('{0} could not be opened: it may have been moved or deleted.', path));
  }
}
