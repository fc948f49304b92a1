// CodeLens over a fix preview: Accept | Reject per hunk, Accept all | Reject all | Show diff for the fix.
import * as vscode from 'vscode';
import { withArticle } from './FixPreview';
import type { FixPreviewManager } from './FixPreviewManager';

export class FixCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly manager: FixPreviewManager) {
    this.onDidChangeCodeLenses = manager.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const preview = this.manager.get(document.uri);
    if (!preview) return [];
    const topLine = preview.regionRange().start.line;
    const top = new vscode.Range(topLine, 0, topLine, 0);
    const uri = document.uri;
    if (preview.phase === 'streaming') {
      return [
        new vscode.CodeLens(top, { title: `$(loading~spin) Phi-4 is writing ${withArticle(preview.noun)}…`, command: '' }),
        new vscode.CodeLens(top, { title: 'Cancel (Esc)', command: 'phi4.fixCancel', arguments: [uri] }),
      ];
    }
    const lenses = [
      new vscode.CodeLens(top, { title: '$(check-all) Accept all', tooltip: `Apply the whole ${preview.noun} (Ctrl+Shift+Enter)`, command: 'phi4.fixAcceptAll', arguments: [uri] }),
      new vscode.CodeLens(top, { title: '$(close-all) Reject all', tooltip: `Discard the ${preview.noun} (Ctrl+Shift+Backspace)`, command: 'phi4.fixRejectAll', arguments: [uri] }),
      new vscode.CodeLens(top, { title: '$(diff) Show diff', command: 'phi4.fixShowDiff', arguments: [uri] }),
    ];
    const pending = preview.proposal?.pending() ?? [];
    if (pending.length > 1) {
      for (const hunk of pending) {
        const at = preview.hunkLine(hunk);
        const line = new vscode.Range(at, 0, at, 0);
        lenses.push(
          new vscode.CodeLens(line, { title: '$(check) Accept', tooltip: 'Apply this change only', command: 'phi4.fixAcceptHunk', arguments: [uri, hunk.id] }),
          new vscode.CodeLens(line, { title: '$(close) Reject', tooltip: 'Discard this change only', command: 'phi4.fixRejectHunk', arguments: [uri, hunk.id] }),
        );
      }
    }
    return lenses;
  }
}
