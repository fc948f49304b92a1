// The chips waiting in the chat input: selections (the first is the question's focus code) and mentions,
// read when the message is sent so they are current and a deleted file gives a note rather than an error.
import type { GatheredContext } from '../context/EditorContext';
import type { Mention, MentionResult } from '../context/mentions/Mention';
import type { ContextChip } from '../protocol/messages';

export interface PendingItem {
  readonly chip: ContextChip & { readonly id: string };
  /** A selection: its gathered context (definitions join it once found) and their notes. */
  focus?: { context: GatheredContext; notes: readonly string[] };
  /** Reads a mention; `selection` is where the question's focus code sits, so a large file is cut around it. */
  readonly read?: (question: string, selection?: SelectionAt) => Promise<MentionResult>;
}

/** The line the question's selection starts at, in a workspace-relative file. */
export interface SelectionAt {
  readonly relativePath: string;
  readonly line: number;
}

export interface TakenContext {
  readonly context?: GatheredContext;
  readonly chip?: ContextChip;
  readonly mentions: Mention[];
  readonly notes: string[];
}

/** At most this many chips: each costs prompt room, and a long row of them helps nobody. */
export const MAX_CHIPS = 12;

let counter = 0;

export class PendingContext {
  private items: PendingItem[] = [];

  get chips(): ContextChip[] {
    return this.items.map((i) => i.chip);
  }

  /** Adds an item; one naming the same thing as a chip already there replaces it. */
  add(item: Omit<PendingItem, 'chip'> & { chip: ContextChip }): PendingItem {
    const added: PendingItem = { ...item, chip: { ...item.chip, id: `c${++counter}` } };
    this.items = [...this.items.filter((i) => i.chip.label !== item.chip.label), added].slice(-MAX_CHIPS);
    return added;
  }

  remove(id?: string): void {
    this.items = id === undefined ? [] : this.items.filter((i) => i.chip.id !== id);
  }

  has(item: PendingItem): boolean {
    return this.items.includes(item);
  }

  /** Empties the list and reads every item for the message being sent. */
  async take(question: string): Promise<TakenContext> {
    const items = this.items;
    this.items = [];
    const notes: string[] = [];
    const mentions: Mention[] = [];
    const focus = items.find((i) => i.focus);
    const at = focus?.focus && { relativePath: focus.focus.context.relativePath, line: focus.focus.context.startLine };
    for (const item of items) {
      if (item === focus) {
        notes.push(...item.focus!.notes);
      } else if (item.focus) {
        const c = item.focus.context;
        mentions.push({ kind: 'selection', relativePath: c.relativePath, languageId: c.languageId, startLine: c.startLine, endLine: c.endLine, text: c.selection });
      } else if (item.read) {
        const read = await item.read(question, at);
        if (read.mention) mentions.push(read.mention);
        if (read.note) notes.push(read.note);
      }
    }
    return { context: focus?.focus?.context, chip: focus?.chip ?? items[0]?.chip, mentions, notes };
  }
}
