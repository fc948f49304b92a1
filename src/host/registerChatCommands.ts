// Commands that drive the chat: open it (sidebar or editor tab), new chat, stop, retry, ask about a selection,
// export the conversation.
import * as vscode from 'vscode';
import { gatherContext } from '../context/gatherContext';
import { openChatInEditor } from './ChatViewProvider';
import type { Services } from './createServices';
import { exportConversation } from './exportConversation';
import type { ChatFeature } from './registerChat';
import { chipFor, snapshotEditor } from './snapshotEditor';

export function registerChatCommands(context: vscode.ExtensionContext, services: Services, chat: ChatFeature): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('phi4.openChat', chat.revealChat),
    vscode.commands.registerCommand('phi4.openChatInEditor', () => {
      openChatInEditor(context.extensionUri, chat.controller, services.log);
    }),
    vscode.commands.registerCommand('phi4.newChat', async () => {
      await chat.revealChat();
      await chat.session.newChat();
    }),
    vscode.commands.registerCommand('phi4.stop', () => chat.session.stop()),
    vscode.commands.registerCommand('phi4.retry', () => chat.controller.retry()),
    vscode.commands.registerCommand('phi4.askAboutSelection', async () => {
      const editor = chat.lastEditor();
      if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select code to ask about.'));
      const gathered = gatherContext(snapshotEditor(editor));
      await chat.revealChat();
      chat.controller.setContext(gathered, chipFor(gathered));
    }),
    vscode.commands.registerCommand('phi4.exportConversation', async () => {
      await chat.session.open();
      await exportConversation(chat.session.current, services.settings().model);
    }),
  );
}
