// Moves conversations an earlier version kept in VS Code's globalState into the file store, once.
import type { KeyValueStore } from './ConversationStore';

/** The part of VS Code's Memento the move needs. */
export interface ListableStore extends KeyValueStore {
  keys(): readonly string[];
}

const CONVERSATION_KEY = /^phi4\.conversations?(\.|$)/;

/** Returns how many entries moved. A conversation already in the target (a newer save) is kept. */
export async function moveConversations(from: ListableStore, to: KeyValueStore): Promise<number> {
  const keys = from.keys().filter((k) => CONVERSATION_KEY.test(k));
  // Every copy starts before the first await: a store that writes at once (files) has them all in place
  // before the chat, created right after, reads its history.
  const copies = keys.map((key) => {
    const value = from.get(key);
    return value !== undefined && to.get(key) === undefined ? to.update(key, value) : undefined;
  });
  await Promise.all(copies);
  for (const key of keys) await from.update(key, undefined);
  return keys.length;
}
