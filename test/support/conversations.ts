// Small builders for stored-conversation tests, and the file names the previous release (schema version 1) used.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TurnView } from '../../src/protocol/messages';
import type { Conversation } from '../../src/storage/ConversationStore';

export const ask = (id: string, text: string): TurnView => ({ id, role: 'user', text });
export const answer = (id: string, text: string, state: TurnView['state'] = 'done'): TurnView => ({ id, role: 'assistant', text, state });

export function conversation(id: string, turns: TurnView[], updatedAt = 1000, title = `Title ${id}`): Conversation {
  return { id, title, updatedAt, turns };
}

/** Writes a file as the previous release's FileKeyValueStore did: one JSON file per key, dots escaped. */
export function writeV1(dir: string, key: string, value: unknown | string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${encodeURIComponent(key).replace(/\./g, '%2E')}.json`);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

/** Every file under `dir`, relative, sorted: what a user would find in the storage folder. */
export function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}
