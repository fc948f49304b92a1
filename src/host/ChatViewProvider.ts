// Hosts the chat in the sidebar view `phi4.chat` and in editor tabs; both show the same conversation.
import * as vscode from 'vscode';
import { LoadWatchdog } from '../viewLoad/LoadWatchdog';
import type { Logger } from '../log/Logger';
import type { ChatController } from './ChatController';
import { chatHtml, createNonce } from './chatHtml';

export const CHAT_VIEW_ID = 'phi4.chat';

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class ChatViewProvider implements vscode.WebviewViewProvider {
  view: vscode.WebviewView | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: ChatController,
    private readonly log: Logger,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const disposables: vscode.Disposable[] = [];
    view.webview.options = webviewOptions(this.extensionUri);
    const watchdog = loadChat(view.webview, this.extensionUri, this.controller, this.log, () => view.visible, disposables);
    // A view shown again after being hidden loads its page again.
    disposables.push(view.onDidChangeVisibility(() => view.visible && watchdog.start()));
    // Closing the view does not stop an answer: it keeps streaming into the conversation and is shown on reopen.
    view.onDidDispose(() => {
      this.view = undefined;
      for (const d of disposables) d.dispose();
    });
  }
}

export function openChatInEditor(extensionUri: vscode.Uri, controller: ChatController, log: Logger): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('phi4.chatPanel', vscode.l10n.t('Phi-4 Chat'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(extensionUri));
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
  const disposables: vscode.Disposable[] = [];
  loadChat(panel.webview, extensionUri, controller, log, () => panel.visible, disposables);
  panel.onDidDispose(() => disposables.forEach((d) => d.dispose()));
  return panel;
}

/** Connects a webview to the chat and loads its page, loading it again if its script never reports ready. */
function loadChat(webview: vscode.Webview, extensionUri: vscode.Uri, controller: ChatController, log: Logger, isVisible: () => boolean, disposables: vscode.Disposable[]): LoadWatchdog {
  const load = (): void => {
    webview.html = chatHtml(webview, extensionUri, createNonce());
  };
  const watchdog = new LoadWatchdog({
    reload: () => {
      log.warn('the chat view did not finish loading; loading it again');
      load();
    },
    isVisible,
    onGiveUp: () => {
      log.error('the chat view could not load its script');
      void vscode.window.showWarningMessage(vscode.l10n.t('Phi-4: the chat view could not load. Reloading the window usually fixes this.'), vscode.l10n.t('Reload Window')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.reloadWindow');
      });
    },
  });
  controller.attach(webview, disposables, () => watchdog.ready());
  disposables.push({ dispose: () => watchdog.stop() });
  load();
  watchdog.start();
  return watchdog;
}
