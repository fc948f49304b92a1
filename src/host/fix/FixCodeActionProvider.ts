// Lightbulb entries. Providing them costs nothing: no model call and no tokenizing until one is chosen.
import * as vscode from 'vscode';

export class FixCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.Empty];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (context.diagnostics.length > 0) {
      const fix = new vscode.CodeAction(vscode.l10n.t('Fix with Phi-4'), vscode.CodeActionKind.QuickFix);
      fix.diagnostics = [...context.diagnostics];
      const target = range.isEmpty ? undefined : range;
      fix.command = { title: vscode.l10n.t('Fix with Phi-4'), command: 'phi4.fixSelection', arguments: [document.uri, target, context.diagnostics.map((d) => ({ line: d.range.start.line, message: d.message }))] };
      actions.push(fix);
    }
    if (!range.isEmpty) {
      const explain = new vscode.CodeAction(vscode.l10n.t('Explain with Phi-4'), vscode.CodeActionKind.Empty);
      explain.command = { title: vscode.l10n.t('Explain with Phi-4'), command: 'phi4.explainSelection', arguments: [document.uri, range] };
      actions.push(explain);
    }
    return actions;
  }
}
