// The language-server lookups one request still has to make, most important first. A language server such
// as TypeScript's answers one request at a time, so the order they are sent in is the order they finish in:
// what the focus calls directly must not wait behind members and types when the time bound is short.

export interface Lookup {
  /** Identical lookups (same command at the same place) share one key and run once. */
  readonly key: string;
  /** Lower first (a DefinitionRank); equal ranks in the order they were added. */
  readonly rank: number;
  readonly run: () => Promise<void>;
}

export class LookupQueue {
  private readonly waiting: { lookup: Lookup; order: number }[] = [];
  private readonly keys = new Set<string>();
  private added = 0;

  /** Queues a lookup unless an identical one was queued before; false when it was. */
  add(lookup: Lookup): boolean {
    if (this.keys.has(lookup.key)) return false;
    this.keys.add(lookup.key);
    const order = this.added++;
    // Few lookups wait at once, so a sorted insert is cheaper than a heap and keeps the order readable.
    let at = this.waiting.length;
    while (at > 0 && this.waiting[at - 1].lookup.rank > lookup.rank) at--;
    this.waiting.splice(at, 0, { lookup, order });
    return true;
  }

  /** The most important lookup still waiting, taken out of the queue. */
  take(): Lookup | undefined {
    return this.waiting.shift()?.lookup;
  }

  get size(): number {
    return this.waiting.length;
  }

  /** How many distinct lookups were queued in all. */
  get total(): number {
    return this.added;
  }
}
