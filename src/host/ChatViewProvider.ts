// Hosts the chat in the sidebar view `phi4.chat` and in editor tabs; both show the same conversation.
import * as vscode from 'vscode';
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
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const disposables: vscode.Disposable[] = [];
    view.webview.options = webviewOptions(this.extensionUri);
    this.controller.attach(view.webview, disposables);
    view.webview.html = chatHtml(view.webview, this.extensionUri, createNonce());
    // Closing the view does not stop an answer: it keeps streaming into the conversation and is shown on reopen.
    view.onDidDispose(() => {
      this.view = undefined;
      for (const d of disposables) d.dispose();
    });
  }
}

export function openChatInEditor(extensionUri: vscode.Uri, controller: ChatController): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('phi4.chatPanel', 'Phi-4 Chat', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(extensionUri));
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
  const disposables: vscode.Disposable[] = [];
  controller.attach(panel.webview, disposables);
  panel.webview.html = chatHtml(panel.webview, extensionUri, createNonce());
  panel.onDidDispose(() => disposables.forEach((d) => d.dispose()));
  return panel;
}
