// "Export Conversation": the chat shown as a Markdown file where the user chooses. A write that fails says
// why and offers another place; the conversation itself is never touched.
import * as vscode from 'vscode';
import { conversationMarkdown } from '../chat/conversationMarkdown';
import type { TurnView } from '../protocol/messages';

export interface ExportSource {
  readonly title: string;
  readonly updatedAt: number;
  readonly turns: readonly TurnView[];
}

export async function exportConversation(source: ExportSource, model: string): Promise<void> {
  if (source.turns.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('This chat is empty: there is nothing to export yet.'));
  // Taken now: the conversation may go on (an answer streaming) while the save dialog is open.
  const markdown = conversationMarkdown({ title: source.title, turns: [...source.turns] }, { date: new Date(source.updatedAt).toLocaleString(), model });
  for (;;) {
    const target = await vscode.window.showSaveDialog({ defaultUri: defaultTarget(source.title), filters: { Markdown: ['md'] }, saveLabel: vscode.l10n.t('Export'), title: vscode.l10n.t('Export Phi-4 Conversation') });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const again = await vscode.window.showErrorMessage(vscode.l10n.t('Phi-4 could not export the conversation to {0}: {1}. The conversation is unchanged.', describe(target), reason), vscode.l10n.t('Choose Another Location'));
      if (again) continue;
      return;
    }
    const open = await vscode.window.showInformationMessage(vscode.l10n.t('Conversation exported to {0}.', describe(target)), vscode.l10n.t('Open'));
    if (open) await vscode.window.showTextDocument(target);
    return;
  }
}

function defaultTarget(title: string): vscode.Uri | undefined {
  const name = `${title.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'conversation'}.md`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}

const describe = (uri: vscode.Uri): string => (uri.scheme === 'file' ? uri.fsPath : uri.toString());
