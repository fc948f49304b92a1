// Keeps conversations across reloads in extension storage, bounded so storage never grows without limit.
import type { ConversationSummary, TurnView } from '../protocol/messages';

/** The part of VS Code's Memento we use; a Map-backed fake works in tests. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface Conversation {
  readonly id: string;
  title: string;
  updatedAt: number;
  turns: TurnView[];
}

const INDEX_KEY = 'phi4.conversations';
const convKey = (id: string): string => `phi4.conversation.${id}`;

export interface StoreLimits {
  readonly maxConversations: number;
  /** Turns kept per conversation; older turns are removed first. */
  readonly maxTurns: number;
}

export const DEFAULT_LIMITS: StoreLimits = { maxConversations: 50, maxTurns: 200 };

export class ConversationStore {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly limits: () => StoreLimits = () => DEFAULT_LIMITS,
  ) {}

  list(): ConversationSummary[] {
    return [...(this.kv.get<ConversationSummary[]>(INDEX_KEY) ?? [])].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  load(id: string): Conversation | undefined {
    return this.kv.get<Conversation>(convKey(id));
  }

  async save(conversation: Conversation): Promise<void> {
    if (conversation.turns.length === 0) return;
    const { maxTurns, maxConversations } = this.limits();
    if (conversation.turns.length > maxTurns) conversation.turns.splice(0, conversation.turns.length - maxTurns);
    // Streaming state never survives a reload: an answer cut by the reload is kept and marked stopped.
    const turns = conversation.turns.map((t) => (t.state === 'streaming' ? { ...t, state: 'stopped' as const } : t));
    await this.kv.update(convKey(conversation.id), { ...conversation, turns });
    const index = this.list().filter((c) => c.id !== conversation.id);
    index.unshift({ id: conversation.id, title: conversation.title, updatedAt: conversation.updatedAt });
    const evicted = index.splice(maxConversations);
    for (const old of evicted) await this.kv.update(convKey(old.id), undefined);
    await this.kv.update(INDEX_KEY, index);
  }

  async delete(id: string): Promise<void> {
    await this.kv.update(convKey(id), undefined);
    await this.kv.update(INDEX_KEY, this.list().filter((c) => c.id !== id));
  }

  async clear(): Promise<void> {
    for (const c of this.list()) await this.kv.update(convKey(c.id), undefined);
    await this.kv.update(INDEX_KEY, []);
  }
}
