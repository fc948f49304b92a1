// Lays out the user's turn: code context first (surroundings, selection, diagnostics), the request last.
import type { GatheredContext } from '../context/EditorContext';
import { definitionBlock, type DefinitionForm } from './definitionBlock';
import { fenced } from './fenceFor';
import type { Mention } from '../context/mentions/Mention';
import { mentionBlock, type MentionForm } from './mentionBlock';

export interface Surroundings {
  /** How many of `context.before` (nearest to the selection) to include. */
  readonly before: number;
  /** How many of `context.after` (nearest to the selection) to include. */
  readonly after: number;
  /** How each of `context.definitions` is sent; a missing entry leaves that definition out. */
  readonly definitions?: readonly DefinitionForm[];
  /** How each mention is sent; a missing entry leaves it out. */
  readonly mentions?: readonly MentionForm[];
}

const human = (line: number): number => line + 1;

/** Where an insertion goes, in the 1-based line numbers the code excerpts use. */
const insertionPlace = (line: number): string => (line === 0 ? 'before line 1' : `between lines ${line} and ${line + 1}`);

export function composeUserMessage(question: string, context: GatheredContext | undefined, keep: Surroundings, mentions: readonly Mention[] = []): string {
  if (!context && mentions.length === 0) return question;
  const parts: string[] = [];
  mentions.forEach((mention, i) => {
    const form = keep.mentions?.[i] ?? 'omit';
    if (form !== 'omit') parts.push(mentionBlock(mention, form));
  });
  if (!context) return [...parts, question].join('\n\n');
  const lang = context.languageId;
  (context.definitions ?? []).forEach((def, i) => {
    const form = keep.definitions?.[i] ?? 'omit';
    if (form !== 'omit') parts.push(definitionBlock(def, form));
  });
  const focusName = context.focusKind === 'selection' ? 'Selected code' : context.focusKind === 'block' ? 'Code at the cursor (enclosing block)' : 'Code at the cursor (current line)';
  if (keep.before > 0) {
    const lines = context.before.slice(context.before.length - keep.before);
    const first = context.startLine - keep.before;
    parts.push(`Code before it in \`${context.relativePath}\` (lines ${human(first)}–${human(context.startLine - 1)}):\n${fenced(lines.join('\n'), lang)}`);
  }
  if (context.focusKind === 'insertion') parts.push(`The cursor is in \`${context.relativePath}\` (${lang}) ${insertionPlace(context.startLine)}; new code goes there.`);
  else parts.push(`${focusName} from \`${context.relativePath}\` (${lang}, lines ${human(context.startLine)}–${human(context.endLine)}):\n${fenced(context.selection, lang)}`);
  if (keep.after > 0) {
    const lines = context.after.slice(0, keep.after);
    parts.push(`Code after it (lines ${human(context.endLine + 1)}–${human(context.endLine + keep.after)}):\n${fenced(lines.join('\n'), lang)}`);
  }
  if (context.diagnostics.length > 0) {
    const list = context.diagnostics.map((d) => `- line ${human(d.line)}, ${d.severity}: ${d.message}${d.source ? ` (${d.source})` : ''}`);
    parts.push(`Problems reported by the editor:\n${list.join('\n')}`);
  }
  parts.push(question);
  return parts.join('\n\n');
}
