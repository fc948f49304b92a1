// Conversations kept by earlier versions (schema version 1): one JSON file each at the top of the
// conversation folder plus an index file, or, before that, entries in VS Code's globalState. They are moved
// into the current layout once, when the folder is first opened. The index goes: the folder is the index.
import * as path from 'node:path';
import { checkV1Conversation, type V1Conversation } from './conversationSchema';
import { decodeName, type ConversationFiles } from './ConversationFiles';
import type { FileSystem } from './FileSystem';

/** The part of VS Code's Memento (globalState) the move needs. */
export interface ListableStore {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const CONVERSATION_KEY = /^phi4\.conversation\.(.+)$/;
const INDEX_KEY = 'phi4.conversations';

/** Returns how many conversations moved. Damaged ones are set aside, never dropped. */
export async function migrateLegacy(files: ConversationFiles, fs: FileSystem, state?: ListableStore): Promise<number> {
  let moved = 0;
  for (const name of await fs.list(files.root)) {
    const key = name.endsWith('.json') ? decodeName(name.slice(0, -'.json'.length)) : undefined;
    const id = key === undefined ? undefined : CONVERSATION_KEY.exec(key)?.[1];
    const file = path.join(files.root, name);
    if (key === INDEX_KEY) await fs.remove(file);
    const text = id === undefined ? undefined : await fs.readText(file);
    if (id === undefined || text === undefined) continue;
    const checked = await files.checked(file, text, (json) => checkV1Conversation(json, id));
    if (checked.kind !== 'ok') continue;
    await importV1(files, checked.value);
    // A file with damaged turns keeps its original beside the moved turns.
    await (checked.value.dropped > 0 ? files.setAside(file) : fs.remove(file));
    moved++;
  }
  return moved + (state ? await moveFromState(files, state) : 0);
}

async function moveFromState(files: ConversationFiles, state: ListableStore): Promise<number> {
  const keys = state.keys().filter((k) => k === INDEX_KEY || CONVERSATION_KEY.test(k));
  let moved = 0;
  for (const key of keys) {
    const id = CONVERSATION_KEY.exec(key)?.[1];
    if (id === undefined) continue;
    const value = state.get<unknown>(key);
    const checked = checkV1Conversation(value, id);
    if (checked.kind === 'ok') {
      await importV1(files, checked.value);
      moved++;
    }
    if (checked.kind !== 'ok' || checked.value.dropped > 0) await files.keepAside(key, JSON.stringify(value) ?? 'undefined');
  }
  // Only once every conversation is safely in a file.
  for (const key of keys) await state.update(key, undefined);
  return moved;
}

/** Writes the turns before the conversation's own file, so an interrupted move is simply done again next time. */
async function importV1(files: ConversationFiles, conversation: V1Conversation): Promise<void> {
  const { meta, turns } = conversation;
  // Already moved (by another window, or before an interruption): what is there now is newer.
  if ((await files.readMeta(meta.id)).kind !== 'missing') return;
  // The same names every time, so two windows moving the same conversation write the same files.
  for (const [seq, turn] of turns.slice(-9999).entries()) await files.writeTurn(meta.id, files.turnFile({ ms: meta.updatedAt, seq }, turn.id), turn);
  await files.writeMeta(meta);
}
