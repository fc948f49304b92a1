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
  if (!(await vscode.commands.getCommands(true)).includes(id)) return deps.notice(`/${name} is not available in this version of Phi-4.`);
  // Only /edit takes text: its instruction (none opens the instruction picker). The others take editor arguments.
  const args = name === 'edit' && argument !== '' ? [argument] : [];
  if (name !== 'edit' && argument !== '') deps.notice(`/${name} takes no text after it; "${argument.slice(0, 40)}" was ignored.`);
  await vscode.commands.executeCommand(id, ...args);
}
