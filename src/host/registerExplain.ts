// "Explain Selection": sends the selection (or the block at the cursor) with its context to the chat.
import * as vscode from 'vscode';
import type { FocusKind } from '../context/EditorContext';
import { gatherContext } from '../context/gatherContext';
import { EXPLAIN_QUESTION } from '../prompt/systemPrompts';
import { addDefinitions } from './context/addDefinitions';
import type { Services } from './createServices';
import type { ChatFeature } from './registerChat';
import { chipFor, snapshotEditor } from './snapshotEditor';

export function registerExplain(context: vscode.ExtensionContext, services: Services, chat: ChatFeature): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('phi4.explainSelection', async (uri?: unknown, range?: unknown) => {
      const editor = vscode.window.activeTextEditor ?? chat.lastEditor();
      if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select the code to explain.'));
      const target = uri instanceof vscode.Uri && uri.toString() === editor.document.uri.toString() && range instanceof vscode.Range ? range : editor.selection;
      const gathered = gatherContext(snapshotEditor(editor, target));
      if (gathered.selection.trim() === '') return void vscode.window.showInformationMessage(vscode.l10n.t('There is no code here to explain. Select some code first.'));
      const chip = chipFor(gathered);
      const withDefs = await addDefinitions(services, editor.document, target, gathered);
      if (withDefs.cancelled) return;
      chat.controller.preloadModel();
      await chat.revealChat();
      await chat.controller.ask({ text: explainText(chip.label, gathered.focusKind), question: EXPLAIN_QUESTION, context: withDefs.context, notes: withDefs.notes, chip, kind: 'explain' });
    }),
  );
}

/** The question as the chat shows it; when nothing was selected it says what was taken instead, as a whole sentence. */
function explainText(label: string, focusKind: FocusKind): string {
  if (focusKind === 'block') return vscode.l10n.t('Explain {0} (nothing was selected, so the enclosing block)', label);
  if (focusKind === 'selection') return vscode.l10n.t('Explain {0}', label);
  return vscode.l10n.t('Explain {0} (nothing was selected, so the current line)', label);
}
