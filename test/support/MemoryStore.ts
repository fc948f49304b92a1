// In-memory stand-in for the conversation storage: values are copied in and out, as a real store's are.
import type { KeyValueStore } from '../../src/chat/ConversationStore';

export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, unknown>();

  get<T>(key: string): T | undefined {
    return structuredClone(this.data.get(key)) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, structuredClone(value));
  }
}
