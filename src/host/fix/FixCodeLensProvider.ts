// CodeLens over a fix preview: Accept | Reject per hunk, Accept all | Reject all | Show diff for the fix.
import * as vscode from 'vscode';
import type { FixPreviewManager } from './FixPreviewManager';
import { previewTexts } from './previewTexts';

export class FixCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  /** `keyOf` names the key bound to a command on this platform (from the manifest), for the tooltips. */
  constructor(
    private readonly manager: FixPreviewManager,
    private readonly keyOf: (command: string) => string,
  ) {
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
        new vscode.CodeLens(top, { title: `$(loading~spin) ${previewTexts(preview.noun).writing()}`, command: '' }),
        new vscode.CodeLens(top, { title: vscode.l10n.t('Cancel (Esc)'), command: 'phi4.fixCancel', arguments: [uri] }),
      ];
    }
    const lenses = [
      new vscode.CodeLens(top, { title: vscode.l10n.t('$(check-all) Accept all'), tooltip: previewTexts(preview.noun).acceptAllTooltip(this.keyOf('phi4.fixAcceptAll')), command: 'phi4.fixAcceptAll', arguments: [uri] }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('$(close-all) Reject all'), tooltip: previewTexts(preview.noun).rejectAllTooltip(this.keyOf('phi4.fixRejectAll')), command: 'phi4.fixRejectAll', arguments: [uri] }),
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
