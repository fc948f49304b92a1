// The path prompts and lists show for a file: workspace-relative, with the folder's name in a multi-root workspace.
import * as vscode from 'vscode';

export function workspacePath(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
