// phi4.maxConversations was lowered below what is saved: conversations are deleted only if the user says so.
import * as vscode from 'vscode';
import type { OverLimit } from '../storage/ConversationStore';

export async function askToTrimConversations(over: OverLimit, afterTrim: () => Promise<void>): Promise<void> {
  const excess = over.count - over.limit;
  const remove = `Delete ${excess} Oldest`;
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('You have {0} saved Phi-4 conversations, more than phi4.maxConversations ({1}). Delete the {2} oldest?', over.count, over.limit, excess),
    { modal: true, detail: vscode.l10n.t('Nothing is deleted unless you choose to. To keep them all, raise phi4.maxConversations instead.') },
    remove,
    vscode.l10n.t('Keep All'),
  );
  if (choice === remove && (await over.trim()) > 0) await afterTrim();
}
