// Activation only wires features together; each feature registers its own disposables.
import * as vscode from 'vscode';
import { createLogger } from './host/createLogger';
import { registerChat } from './host/registerChat';
import { registerExplain } from './host/registerExplain';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Phi-4', { log: true });
  context.subscriptions.push(channel);
  const log = createLogger(channel);
  const chat = registerChat(context, channel, log);
  registerExplain(context, chat);
  log.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
