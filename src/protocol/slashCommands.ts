// The chat input's slash commands: the list the completion shows, and how a typed line is read as one.
// Shared by the webview (completion, unknown-command hint) and the host (dispatch), so it imports only @vscode/l10n.

import * as l10n from '@vscode/l10n';
export type SlashCommandName = 'explain' | 'fix' | 'edit' | 'tests' | 'doc' | 'new' | 'export';

export interface SlashCommand {
  readonly name: SlashCommandName;
  /** What follows the name, shown in the completion list (e.g. "<instruction>"). */
  readonly argument?: string;
  readonly description: string;
}

// The descriptions are getters, so each is translated when read, after the host (or the webview) loaded the bundle.
export const SLASH_COMMANDS: readonly SlashCommand[] = [
  { name: 'explain', get description() { return l10n.t('Explain the selected code'); } },
  { name: 'fix', get description() { return l10n.t('Fix the selected code (inline preview)'); } },
  { name: 'edit', argument: '<instruction>', get description() { return l10n.t('Change the selected code as you say (inline preview)'); } },
  { name: 'tests', get description() { return l10n.t('Write unit tests for the selected code'); } },
  { name: 'doc', get description() { return l10n.t('Write a doc comment for the selected declaration'); } },
  { name: 'new', get description() { return l10n.t('Start a new chat'); } },
  { name: 'export', get description() { return l10n.t('Export this conversation as Markdown'); } },
];

export type ParsedSlash = { readonly kind: 'known'; readonly name: SlashCommandName; readonly argument: string } | { readonly kind: 'unknown'; readonly name: string };

/**
 * A message is a command when it starts with "/" and a word followed by a space or its end, so a question
 * that starts with a path ("/etc/hosts is empty, why?") is still sent as a question.
 */
export function parseSlashCommand(text: string): ParsedSlash | undefined {
  const match = /^\/([A-Za-z][\w-]*)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  const name = match[1].toLowerCase();
  const known = SLASH_COMMANDS.find((c) => c.name === name);
  return known ? { kind: 'known', name: known.name, argument: (match[2] ?? '').trim() } : { kind: 'unknown', name: match[1] };
}

/** The commands the completion list offers for what is typed so far ("/", "/ex"); none once a space follows. */
export function matchingCommands(typed: string): readonly SlashCommand[] {
  const match = /^\/([\w-]*)$/.exec(typed);
  if (!match) return [];
  const prefix = match[1].toLowerCase();
  return SLASH_COMMANDS.filter((c) => c.name.startsWith(prefix));
}

export function unknownCommandHint(name: string): string {
  return l10n.t('/{0} is not a command. Commands: {1}. Nothing was sent.', name, SLASH_COMMANDS.map((c) => `/${c.name}`).join(', '));
}
