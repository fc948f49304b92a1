// Tells the user why a request from an editor command (Fix, Edit, Doc Comment, Write Unit Tests) failed,
// with the error's buttons; Retry repeats that request, not the chat's last one.
import * as vscode from 'vscode';
import type { OllamaError } from '../ollama/OllamaError';
import { ACTION_LABELS } from '../protocol/messages';
import { ACTION_COMMANDS } from './actionCommands';

/** `message` makes the whole sentence from the error's reason, so each request words its own failure. */
export async function showRequestError(message: (reason: string) => string, error: OllamaError, retry: () => Promise<void>): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message(error.message), ...error.actions.map((a) => ACTION_LABELS[a]));
  const action = error.actions.find((a) => ACTION_LABELS[a] === choice);
  if (action === 'retry') await retry();
  else if (action) await vscode.commands.executeCommand(ACTION_COMMANDS[action]);
}
