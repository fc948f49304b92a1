// Registers the chat: its session, the controller that relays it to every view, and the sidebar view.
import * as vscode from 'vscode';
import { ChatSession } from '../chat/ChatSession';
import type { ActionId } from '../protocol/messages';
import { ACTION_COMMANDS } from './actionCommands';
import { ChatController } from './ChatController';
import { CHAT_VIEW_ID, ChatViewProvider } from './ChatViewProvider';
import type { Services } from './createServices';

/** Shown in a conversation under way when the instructions change (they apply from the next chat). */
export function instructionsChangedNotice(): string {
  return vscode.l10n.t('Custom instructions changed. They apply from the next new chat; this conversation keeps the ones it started with.');
}

export interface ChatFeature {
  readonly session: ChatSession;
  readonly controller: ChatController;
  readonly revealChat: () => Promise<void>;
  /** The editor the user was last in, also while the chat has focus. */
  readonly lastEditor: () => vscode.TextEditor | undefined;
}

export function registerChat(context: vscode.ExtensionContext, services: Services): ChatFeature {
  let lastEditor = vscode.window.activeTextEditor;
  const session = new ChatSession({ client: services.client, settings: services.settings, resolver: services.resolver, lastPrompts: services.lastPrompts, log: services.log, mayContact: services.mayContact, store: services.store, systemFor: services.instructions.systemFor });
  const controller = new ChatController({
    services,
    session,
    runCommand: (action: ActionId) => void vscode.commands.executeCommand(ACTION_COMMANDS[action]),
    lastEditor: () => lastEditor,
  });
  const provider = new ChatViewProvider(context.extensionUri, controller, services.log);
  const revealChat = async (): Promise<void> => {
    if (provider.view) provider.view.show(true);
    else await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
  };
  context.subscriptions.push(
    controller,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e) lastEditor = e;
    }),
    services.onDidChangeSettings(() => void controller.settingsChanged()),
    services.consent.onDidAccept(() => void controller.refresh()),
    services.onDidTrimConversations(() => void session.historyChanged()),
    // A conversation keeps the system text it started with, so say when a change waits for the next chat.
    services.instructions.onDidChange(() => {
      if (session.current.turns.length > 0) controller.broadcast({ type: 'notice', message: instructionsChangedNotice() });
    }),
  );
  return { session, controller, revealChat, lastEditor: () => vscode.window.activeTextEditor ?? lastEditor };
}
