// Tells the user why a request from an editor command (Fix, Edit, Doc Comment, Write Unit Tests) failed,
// with the error's buttons; Retry repeats that request, not the chat's last one.
import * as vscode from 'vscode';
import type { OllamaError } from '../ollama/OllamaError';
import { ACTION_LABELS } from '../protocol/messages';
import { ACTION_COMMANDS } from './actionCommands';

export async function showRequestError(what: string, error: OllamaError, retry: () => Promise<void>): Promise<void> {
  const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Phi-4 could not {0}: {1}', what, error.message), ...error.actions.map((a) => ACTION_LABELS[a]));
  const action = error.actions.find((a) => ACTION_LABELS[a] === choice);
  if (action === 'retry') await retry();
  else if (action) await vscode.commands.executeCommand(ACTION_COMMANDS[action]);
}
