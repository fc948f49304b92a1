// The chat input's slash commands: the list the completion shows, and how a typed line is read as one.
// Shared by the webview (completion, unknown-command hint) and the host (dispatch), so it imports nothing.

export type SlashCommandName = 'explain' | 'fix' | 'edit' | 'tests' | 'doc' | 'new' | 'export';

export interface SlashCommand {
  readonly name: SlashCommandName;
  /** What follows the name, shown in the completion list (e.g. "<instruction>"). */
  readonly argument?: string;
  readonly description: string;
}

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  { name: 'explain', description: 'Explain the selected code' },
  { name: 'fix', description: 'Fix the selected code (inline preview)' },
  { name: 'edit', argument: '<instruction>', description: 'Change the selected code as you say (inline preview)' },
  { name: 'tests', description: 'Write unit tests for the selected code' },
  { name: 'doc', description: 'Write a doc comment for the selected declaration' },
  { name: 'new', description: 'Start a new chat' },
  { name: 'export', description: 'Export this conversation as Markdown' },
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
  return `/${name} is not a command. Commands: ${SLASH_COMMANDS.map((c) => `/${c.name}`).join(', ')}. Nothing was sent.`;
}
