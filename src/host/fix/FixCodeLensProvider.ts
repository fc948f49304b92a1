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
        new vscode.CodeLens(top, { title: vscode.l10n.t('$(loading~spin) Phi-4 is writing {0}…', withArticle(preview.noun)), command: '' }),
        new vscode.CodeLens(top, { title: vscode.l10n.t('Cancel (Esc)'), command: 'phi4.fixCancel', arguments: [uri] }),
      ];
    }
    const lenses = [
      new vscode.CodeLens(top, { title: vscode.l10n.t('$(check-all) Accept all'), tooltip: vscode.l10n.t('Apply the whole {0} (Ctrl+Shift+Enter)', preview.noun), command: 'phi4.fixAcceptAll', arguments: [uri] }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('$(close-all) Reject all'), tooltip: vscode.l10n.t('Discard the {0} (Ctrl+Shift+Backspace)', preview.noun), command: 'phi4.fixRejectAll', arguments: [uri] }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('$(diff) Show diff'), command: 'phi4.fixShowDiff', arguments: [uri] }),
    ];
    const pending = preview.proposal?.pending() ?? [];
    if (pending.length > 1) {
      for (const hunk of pending) {
        const at = preview.hunkLine(hunk);
        const line = new vscode.Range(at, 0, at, 0);
        lenses.push(
          new vscode.CodeLens(line, { title: vscode.l10n.t('$(check) Accept'), tooltip: vscode.l10n.t('Apply this change only'), command: 'phi4.fixAcceptHunk', arguments: [uri, hunk.id] }),
          new vscode.CodeLens(line, { title: vscode.l10n.t('$(close) Reject'), tooltip: vscode.l10n.t('Discard this change only'), command: 'phi4.fixRejectHunk', arguments: [uri, hunk.id] }),
        );
      }
    }
    return lenses;
  }
}
