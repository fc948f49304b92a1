// Carries out a slash command typed in the chat: each is the command of the same feature (the commands act on
// the last active editor's selection, also when the chat is in an editor tab). A command this version lacks
// gets a notice instead of an error.
import * as vscode from 'vscode';
import type { SlashCommandName } from '../protocol/slashCommands';

const COMMANDS: Readonly<Record<Exclude<SlashCommandName, 'new'>, string>> = {
  explain: 'phi4.explainSelection',
  fix: 'phi4.fixSelection',
  edit: 'phi4.editSelection',
  tests: 'phi4.writeTests',
  doc: 'phi4.writeDocComment',
  export: 'phi4.exportConversation',
};

export interface SlashCommandDeps {
  readonly newChat: () => Promise<void>;
  readonly notice: (message: string) => void;
}

export async function runSlashCommand(name: SlashCommandName, argument: string, deps: SlashCommandDeps): Promise<void> {
  if (name === 'new') return deps.newChat();
  const id = COMMANDS[name];
  if (!(await vscode.commands.getCommands(true)).includes(id)) return deps.notice(vscode.l10n.t('/{0} is not available in this version of Phi-4.', name));
  // Only /edit takes text: its instruction (none opens the instruction picker). The others take editor arguments.
  const args = name === 'edit' && argument !== '' ? [argument] : [];
  if (name !== 'edit' && argument !== '') deps.notice(vscode.l10n.t('/{0} takes no text after it; "{1}" was ignored.', name, argument.slice(0, 40)));
  await vscode.commands.executeCommand(id, ...args);
}
