// Registers the chat view, its commands, the status bar and Ollama health checks.
import * as vscode from 'vscode';
import { ChatSession, type SessionStatus } from '../chat/ChatSession';
import { openConversationStorage } from './openConversationStorage';
import { ModelResolver } from '../chat/ModelResolver';
import type { Logger } from '../chat/Logger';
import { gatherContext } from '../context/gatherContext';
import { OllamaClient } from '../ollama/OllamaClient';
import { isLoopbackHost } from '../ollama/resolveHost';
import type { ActionId } from '../protocol/messages';
import { ACTION_COMMANDS } from './actionCommands';
import { askToTrimConversations } from './askToTrimConversations';
import { ChatController } from './ChatController';
import { CHAT_VIEW_ID, ChatViewProvider, openChatInEditor } from './ChatViewProvider';
import { pullModel } from './pullModel';
import { affectsSettings, readSettings, updateSetting, type Settings } from './settings';
import { chipFor, snapshotEditor } from './snapshotEditor';
import { StatusBar } from './StatusBar';

export interface ChatFeature {
  readonly controller: ChatController;
  readonly client: () => OllamaClient;
  readonly settings: () => Settings;
  readonly revealChat: () => Promise<void>;
  readonly lastEditor: () => vscode.TextEditor | undefined;
  readonly resolver: ModelResolver;
  readonly log: Logger;
  readonly confirmHost: () => Promise<boolean>;
}

export function registerChat(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel, log: Logger): ChatFeature {
  // Activation only registers entry points: settings, the client, the status bar and the conversation
  // storage are made on first use (or just after activation returns), so the editor is not kept waiting.
  let cachedSettings: Settings | undefined;
  const settings = (): Settings => (cachedSettings ??= readSettings());
  let cachedClient: OllamaClient | undefined;
  const client = (): OllamaClient => (cachedClient ??= new OllamaClient({ host: settings().host, loadTimeoutMs: settings().loadTimeoutMs }));
  const resolver = new ModelResolver();
  let lastEditor = vscode.window.activeTextEditor;

  const confirmHost = async (): Promise<boolean> => {
    const host = settings().host;
    if (isLoopbackHost(host)) return true;
    const key = `phi4.remoteHostAccepted:${host}`;
    if (context.globalState.get<boolean>(key)) return true;
    const choice = await vscode.window.showWarningMessage(
      `phi4.ollamaHost is ${host}, which is not this machine. Your prompts and code will be sent there. Continue?`,
      { modal: true },
      'Send to This Host',
    );
    if (choice !== 'Send to This Host') return false;
    await context.globalState.update(key, true);
    return true;
  };

  const runCommand = (action: ActionId): void => void vscode.commands.executeCommand(ACTION_COMMANDS[action]);

  const controller = new ChatController({
    settings,
    client,
    log,
    runCommand,
    lastEditor: () => lastEditor,
    confirmHost,
    resolveModel: (c) => resolver.resolve(c, settings()),
  });
  const store = openConversationStorage(context, () => ({ maxConversations: settings().maxConversations, maxTurns: 200 }), {
    problem: (message) => void vscode.window.showWarningMessage(message),
    overLimit: (over) => void askToTrimConversations(over, async () => controller.broadcast({ type: 'history', history: await store.list(), currentId: session.current.id })),
  });
  const session = new ChatSession({
    client,
    settings,
    resolver,
    store,
    post: (m) => controller.broadcast(m),
    log,
    onStatus: (status, error) => controller.sessionStatus(status, error),
  });
  controller.bind(session);
  const provider = new ChatViewProvider(context.extensionUri, controller, log);

  const revealChat = async (): Promise<void> => {
    if (provider.view) provider.view.show(true);
    else await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
  };

  let statusBar: StatusBar | undefined;
  let status: SessionStatus = 'ready';
  context.subscriptions.push(
    controller,
    { dispose: () => statusBar?.dispose() },
    controller.onStatus((s) => {
      status = s;
      statusBar?.show(s);
    }),
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e) lastEditor = e;
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsSettings(e)) return;
      // Settings apply to the next request; an answer already streaming finishes with the old ones.
      cachedSettings = undefined;
      cachedClient = undefined;
      resolver.invalidate();
      status = session.busy ? 'generating' : 'ready';
      statusBar?.show(status);
      void controller.refresh();
    }),
    vscode.commands.registerCommand('phi4.openChat', revealChat),
    vscode.commands.registerCommand('phi4.openChatInEditor', () => {
      openChatInEditor(context.extensionUri, controller, log);
    }),
    vscode.commands.registerCommand('phi4.newChat', async () => {
      await revealChat();
      await session.newChat();
    }),
    vscode.commands.registerCommand('phi4.stop', () => session.stop()),
    vscode.commands.registerCommand('phi4.retry', () => controller.retry()),
    vscode.commands.registerCommand('phi4.showLog', () => channel.show(true)),
    vscode.commands.registerCommand('phi4.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', 'phi4.')),
    vscode.commands.registerCommand('phi4.pullModel', async (model?: unknown) => {
      const name = typeof model === 'string' && model ? model : settings().model;
      if (await pullModel(client(), name)) {
        resolver.invalidate();
        await controller.refresh();
      }
    }),
    vscode.commands.registerCommand('phi4.selectModel', async () => {
      let names: string[] = [];
      try {
        names = (await client().listModels()).map((m) => m.name);
      } catch (e) {
        void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
        return;
      }
      const picked = await vscode.window.showQuickPick(
        names.map((n) => ({ label: n, description: n === settings().model || n === `${settings().model}:latest` ? 'current' : undefined })),
        { title: 'Phi-4: Choose the Ollama model', placeHolder: names.length ? 'Installed models' : 'No models installed — run `ollama pull phi4`' },
      );
      if (picked) await updateSetting('model', picked.label);
    }),
    vscode.commands.registerCommand('phi4.askAboutSelection', async () => {
      const editor = vscode.window.activeTextEditor ?? lastEditor;
      if (!editor) return void vscode.window.showInformationMessage('Open a file and select code to ask about.');
      const gathered = gatherContext(snapshotEditor(editor));
      await revealChat();
      controller.setContext(gathered, chipFor(gathered));
    }),
  );
  // The status bar and the first health check (which loads Node's fetch machinery, ~20 ms) come right
  // after activation returns.
  const startup = setTimeout(() => {
    statusBar = new StatusBar(() => settings().model);
    statusBar.show(status);
    void controller.refresh();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(startup) });
  return { controller, client, settings, revealChat, lastEditor: () => vscode.window.activeTextEditor ?? lastEditor, resolver, log, confirmHost };
}
