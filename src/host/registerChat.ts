// Registers the chat: its session, the controller that relays it to every view, and the sidebar view.
import * as vscode from 'vscode';
import { ChatSession } from '../chat/ChatSession';
import type { ActionId } from '../protocol/messages';
import { ACTION_COMMANDS } from './actionCommands';
import { ChatController } from './ChatController';
import { CHAT_VIEW_ID, ChatViewProvider, openChatInEditor } from './ChatViewProvider';
import type { Services } from './createServices';

/** Shown in a conversation under way when the instructions change (they apply from the next chat). */
export function instructionsChangedNotice(): string {
  return vscode.l10n.t('Custom instructions changed. They apply from the next new chat; this conversation keeps the ones it started with.');
}

export interface ChatFeature {
  readonly session: ChatSession;
  readonly controller: ChatController;
  /** Shows the chat where the user reads it: a chat showing in an editor tab, else the sidebar view. */
  readonly revealChat: () => Promise<void>;
  /** Shows the sidebar view ("Open Chat"). */
  readonly revealSidebar: () => Promise<void>;
  readonly openInEditor: () => void;
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
  const revealSidebar = async (): Promise<void> => {
    if (provider.view) provider.view.show(true);
    else await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
  };
  const panels = new Set<vscode.WebviewPanel>();
  const openInEditor = (): void => {
    const panel = openChatInEditor(context.extensionUri, controller, services.log);
    panels.add(panel);
    panel.onDidDispose(() => panels.delete(panel));
  };
  // Every view shows the same conversation: with one in an editor tab on screen, the sidebar would be a copy.
  const revealChat = async (): Promise<void> => ([...panels].some((p) => p.visible) ? undefined : revealSidebar());
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
  return { session, controller, revealChat, revealSidebar, openInEditor, lastEditor: () => vscode.window.activeTextEditor ?? lastEditor };
}
