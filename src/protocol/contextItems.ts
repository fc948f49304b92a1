// What one request put in the model's window, item by item, for the "Context used" list under a question.
// Imports nothing: both bundles compile it.

export type ContextItemKind = 'selection' | 'definition' | 'mention' | 'surrounding' | 'problems' | 'history' | 'instructions';

export interface ContextItem {
  readonly kind: ContextItemKind;
  /** "src/a.ts:10-24", or what the item is ("3 earlier exchanges"). */
  readonly label: string;
  /** Workspace-relative file and 0-based inclusive lines, when the item is a range the user can open. */
  readonly path?: string;
  readonly startLine?: number;
  readonly endLine?: number;
  /** Tokens it took in the prompt (0 when left out). */
  readonly tokens: number;
  readonly status: 'sent' | 'shortened' | 'omitted';
  /** What was shortened or why it was left out. */
  readonly note?: string;
}

const KINDS: readonly string[] = ['selection', 'definition', 'mention', 'surrounding', 'problems', 'history', 'instructions'];
const STATUSES: readonly string[] = ['sent', 'shortened', 'omitted'];

/** Validates a stored or received item list; anything malformed is dropped rather than shown. */
export function isContextItem(value: unknown): value is ContextItem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const line = (x: unknown): boolean => x === undefined || (typeof x === 'number' && Number.isInteger(x) && x >= 0);
  return (
    KINDS.includes(v.kind as string) &&
    typeof v.label === 'string' &&
    v.label.length <= 1000 &&
    (v.path === undefined || (typeof v.path === 'string' && v.path.length <= 4096)) &&
    line(v.startLine) &&
    line(v.endLine) &&
    typeof v.tokens === 'number' &&
    Number.isFinite(v.tokens) &&
    STATUSES.includes(v.status as string) &&
    (v.note === undefined || (typeof v.note === 'string' && v.note.length <= 1000))
  );
}
