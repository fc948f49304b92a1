// The path prompts and lists show for a file: workspace-relative, with the folder's name in a multi-root
// workspace. A file outside every folder (the walkthrough's sample, a library's declarations) shows its folder
// and name after "…/": its absolute path says nothing to the model and crowds the chips and the "Context used"
// list, and the "…/" keeps it from being taken for (and opened as) a workspace file of the same name.
import * as path from 'node:path';
import * as vscode from 'vscode';

export function workspacePath(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  if (!vscode.workspace.getWorkspaceFolder(uri)) return `…/${path.posix.basename(path.posix.dirname(uri.path))}/${path.posix.basename(uri.path)}`;
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
