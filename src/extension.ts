// Activation only wires features together: shared services are built once and passed to each feature,
// which registers its own disposables.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ContextItem } from './protocol/contextItems';
import { createLogger } from './host/createLogger';
import { createServices } from './host/createServices';
import { registerChat } from './host/registerChat';
import { registerChatCommands } from './host/registerChatCommands';
import { registerExplain } from './host/registerExplain';
import { registerEdit } from './host/edit/registerEdit';
import { registerFix } from './host/fix/registerFix';
import { registerModelCommands } from './host/registerModelCommands';
import { registerStatusBar } from './host/registerStatusBar';
import { registerWriteTests } from './host/registerWriteTests';
import { registerWalkthrough } from './host/walkthrough/registerWalkthrough';
import { WalkthroughProgress } from './host/walkthrough/WalkthroughProgress';

/** Read-only view of the extension's state, returned from activate() for the extension-host tests. */
export interface Phi4Api {
  fixPreviewPhase(uri: vscode.Uri): 'streaming' | 'preview' | undefined;
  /** True while Edit Selection's instruction input is open. */
  instructionInputOpen(): boolean;
  /** What the inline preview's comment zones show, as text. */
  fixPreviewText(uri: vscode.Uri): string[] | undefined;
  /** The notes under the chat's last answer. */
  lastAnswerNotes(): readonly string[] | undefined;
  /** The "Context used" list of the chat's last question. */
  lastContextUsed(): readonly ContextItem[] | undefined;
}

export function activate(context: vscode.ExtensionContext): Phi4Api {
  // The layers that may not import vscode translate through @vscode/l10n: give it VS Code's bundle before anything runs.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const started = performance.now();
  // CPU time as well as wall time: while the window is still starting, the wall time is mostly waiting for a core.
  const cpuStarted = process.cpuUsage();
  const channel = vscode.window.createOutputChannel('Phi-4', { log: true });
  context.subscriptions.push(channel);
  const services = createServices(context, channel, createLogger(channel));
  const chat = registerChat(context, services);
  registerChatCommands(context, services, chat);
  const walkthrough = new WalkthroughProgress();
  registerModelCommands(context, services, chat, walkthrough);
  registerStatusBar(context, services, chat);
  registerExplain(context, services, chat);
  const fixes = registerFix(context, services, chat);
  const edits = registerEdit(context, services, chat, fixes);
  registerWriteTests(context, services, chat.lastEditor);
  registerWalkthrough(context, services, chat, fixes, walkthrough);
  const cpu = process.cpuUsage(cpuStarted);
  services.log.info(`activated in ${(performance.now() - started).toFixed(1)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms)`);
  return {
    fixPreviewPhase: (uri) => fixes.get(uri)?.phase,
    instructionInputOpen: edits.asking,
    fixPreviewText: (uri) => fixes.get(uri)?.shownText(),
    lastAnswerNotes: () => chat.session.current.turns.at(-1)?.notes,
    lastContextUsed: () => chat.session.current.turns.filter((t) => t.role === 'user').at(-1)?.contextUsed,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
