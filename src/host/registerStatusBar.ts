// The status bar item follows the session's status. It and the first health check (which loads Node's
// fetch machinery, ~20 ms) come right after activation returns, so the editor is not kept waiting.
import type * as vscode from 'vscode';
import type { ChatStatus } from './ChatController';
import type { Services } from './createServices';
import type { ChatFeature } from './registerChat';
import { StatusBar } from './StatusBar';

export function registerStatusBar(context: vscode.ExtensionContext, services: Services, chat: ChatFeature): void {
  let statusBar: StatusBar | undefined;
  let status: ChatStatus = 'ready';
  let loading = false;
  const show = (): void => statusBar?.show(loading && status !== 'generating' ? 'loading' : status);
  const startup = setTimeout(() => {
    statusBar = new StatusBar(() => services.settings());
    show();
    void chat.controller.refresh();
  }, 0);
  context.subscriptions.push(
    { dispose: () => clearTimeout(startup) },
    { dispose: () => statusBar?.dispose() },
    chat.controller.onStatus((s) => {
      status = s;
      show();
    }),
    services.preloader.onLoading((l) => {
      loading = l;
      show();
    }),
  );
}
