// Activation only wires features together; each feature registers its own disposables.
import * as vscode from 'vscode';
import { createLogger } from './host/createLogger';
import { registerChat } from './host/registerChat';
import { registerExplain } from './host/registerExplain';
import { registerFix } from './host/fix/registerFix';

/** Read-only view of the extension's state, returned from activate() for the extension-host tests. */
export interface Phi4Api {
  fixPreviewPhase(uri: vscode.Uri): 'streaming' | 'preview' | undefined;
}

export function activate(context: vscode.ExtensionContext): Phi4Api {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Phi-4', { log: true });
  context.subscriptions.push(channel);
  const log = createLogger(channel);
  const chat = registerChat(context, channel, log);
  registerExplain(context, chat);
  const fixes = registerFix(context, chat);
  log.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  return { fixPreviewPhase: (uri) => fixes.get(uri)?.phase };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
