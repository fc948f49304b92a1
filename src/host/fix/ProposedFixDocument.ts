// Virtual documents showing a file with its pending fix applied, for VS Code's diff editor — no temp files.
import * as vscode from 'vscode';
import type { FixPreviewManager } from './FixPreviewManager';

export const PROPOSED_SCHEME = 'phi4-fix';

export class ProposedFixDocument implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly manager: FixPreviewManager) {}

  static uriFor(document: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: PROPOSED_SCHEME, path: document.path, query: document.toString() });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const preview = this.manager.get(vscode.Uri.parse(uri.query));
    if (!preview?.proposal) return '';
    const text = preview.document.getText();
    const start = preview.regionStart;
    return text.slice(0, start) + preview.proposal.proposedText() + text.slice(start + preview.expectedText().length);
  }

  refresh(document: vscode.Uri): void {
    this.changed.fire(ProposedFixDocument.uriFor(document));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
