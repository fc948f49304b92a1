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
  // CPU time as well as wall time: while the window is still starting, the wall time is mostly waiting for a core.
  const cpuStarted = process.cpuUsage();
  const channel = vscode.window.createOutputChannel('Phi-4', { log: true });
  context.subscriptions.push(channel);
  const log = createLogger(channel);
  const chat = registerChat(context, channel, log);
  registerExplain(context, chat);
  const fixes = registerFix(context, chat);
  const cpu = process.cpuUsage(cpuStarted);
  log.info(`activated in ${(performance.now() - started).toFixed(1)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms)`);
  return { fixPreviewPhase: (uri) => fixes.get(uri)?.phase };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
