// The user's and the repository's custom instructions as one block for the system message, capped so a long
// instructions file cannot crowd the code out of a 16K window, and the system text each request kind sends.
import * as l10n from '@vscode/l10n';
import { countTokens } from '../tokens/countTokens';

/** Instructions beyond this many tokens are cut, with a note saying so. */
export const MAX_INSTRUCTION_TOKENS = 1500;

export const REPOSITORY_INSTRUCTIONS_FILE = '.phi4/instructions.md';

export interface InstructionSources {
  /** phi4.instructions (a user setting). */
  readonly user: string;
  /** .phi4/instructions.md of the workspace folders (trusted workspaces only). */
  readonly repository: string;
}

export interface CustomInstructions {
  /** The block appended to the system rules; empty when there are no instructions. */
  readonly text: string;
  /** What the user should know, e.g. that the instructions were cut to fit. */
  readonly notes: readonly string[];
}

export const NO_INSTRUCTIONS: CustomInstructions = { text: '', notes: [] };

/** The system text a request sends, and the notes that go with its answer. */
export interface SystemText {
  readonly system: string;
  readonly notes: readonly string[];
}

/**
 * The user's own instructions come first and are kept whole when they fit: the repository's are the ones cut
 * when both together are too long, because the user chose theirs and a repository's file is someone else's.
 */
export function customInstructions(sources: InstructionSources, maxTokens = MAX_INSTRUCTION_TOKENS): CustomInstructions {
  const sections: string[] = [];
  const user = sources.user.trim();
  const repository = sources.repository.trim();
  if (user) sections.push(`Instructions from the user:\n${user}`);
  if (repository) sections.push(`Instructions from this repository (${REPOSITORY_INSTRUCTIONS_FILE}):\n${repository}`);
  if (sections.length === 0) return NO_INSTRUCTIONS;
  const full = sections.join('\n\n');
  const tokens = countTokens(full);
  if (tokens <= maxTokens) return { text: full, notes: [] };
  const cut = cutToTokens(full, maxTokens);
  const from = [user && 'phi4.instructions', repository && REPOSITORY_INSTRUCTIONS_FILE].filter(Boolean).join(' and ');
  return {
    text: cut,
    notes: [l10n.t('Your custom instructions ({0}) are {1} tokens long; only the first {2} were used.', from, tokens.toLocaleString('en-US'), maxTokens.toLocaleString('en-US'))],
  };
}

/** The base rules with the instructions appended; the instructions' notes travel with it. */
export function withInstructions(base: string, instructions: CustomInstructions): SystemText {
  return { system: instructions.text ? `${base}\n\n${instructions.text}` : base, notes: instructions.notes };
}

/** The longest prefix, ending at a line break when there is one, that stays within `maxTokens`. */
function cutToTokens(text: string, maxTokens: number): string {
  let low = 0;
  // No token is longer than a few dozen characters, so the search need not tokenize a huge file whole.
  let high = Math.min(text.length, maxTokens * 32);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (countTokens(text.slice(0, mid)) <= maxTokens) low = mid;
    else high = mid - 1;
  }
  const prefix = text.slice(0, low);
  const lineEnd = prefix.lastIndexOf('\n');
  return (lineEnd > prefix.length / 2 ? prefix.slice(0, lineEnd) : prefix).trimEnd();
}
