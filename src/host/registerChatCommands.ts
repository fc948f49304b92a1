// Commands that drive the chat: open it (sidebar or editor tab), new chat, stop, retry, ask about a selection,
// export the conversation.
import * as vscode from 'vscode';
import { gatherContext } from '../context/gatherContext';
import type { Services } from './createServices';
import { addDefinitions } from './context/addDefinitions';
import { exportConversation } from './exportConversation';
import type { ChatFeature } from './registerChat';
import { chipFor, snapshotEditor } from './snapshotEditor';

export function registerChatCommands(context: vscode.ExtensionContext, services: Services, chat: ChatFeature): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('phi4.openChat', chat.revealSidebar),
    vscode.commands.registerCommand('phi4.openChatInEditor', chat.openInEditor),
    vscode.commands.registerCommand('phi4.newChat', async () => {
      await chat.revealChat();
      await chat.session.newChat();
    }),
    vscode.commands.registerCommand('phi4.stop', () => {
      services.preloader.stop();
      services.gathering.stop();
      chat.session.stop();
    }),
    vscode.commands.registerCommand('phi4.retry', () => chat.controller.retry()),
    vscode.commands.registerCommand('phi4.askAboutSelection', async () => {
      const editor = chat.lastEditor();
      if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select code to ask about.'));
      const gathered = gatherContext(snapshotEditor(editor));
      await chat.revealChat();
      const item = chat.controller.addSelection(gathered, chipFor(gathered));
      // The chip shows at once; the definitions join it when the language server has answered.
      const found = await addDefinitions(services, editor.document, editor.selection, gathered);
      chat.controller.updateSelection(item, found.context, found.notes);
    }),
    vscode.commands.registerCommand('phi4.addFileToChat', async (uri?: unknown, selected?: unknown) => {
      // From the Explorer (possibly several files selected), an editor tab, or the palette (the active file).
      const uris = Array.isArray(selected) && selected.every((u) => u instanceof vscode.Uri) ? (selected as vscode.Uri[]) : uri instanceof vscode.Uri ? [uri] : [];
      const targets = uris.length > 0 ? uris : [chat.lastEditor()?.document.uri].filter((u): u is vscode.Uri => u !== undefined);
      if (targets.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('Open or select a file to add to the Phi-4 chat.'));
      await chat.revealChat();
      for (const target of targets) await chat.controller.addFile(target);
    }),
    vscode.commands.registerCommand('phi4.exportConversation', async () => {
      await chat.session.open();
      await exportConversation(chat.session.current, services.settings().model);
    }),
  );
}
