// What stored conversations look like, version by version. Every file read is checked here: a file of an
// older version is upgraded as it is read, a damaged one is reported as bad, and one written by a newer
// version of the extension is reported as newer so it is left untouched.
//
// Version 1 (no `v` field): one JSON file per conversation, { id, title, updatedAt, turns }, plus an index.
// Version 2: a folder per conversation holding { v, id, title, updatedAt } and one { v, turn } file per turn.
// Version 3: the conversation may hold `system`, the system text it was started with (custom instructions
// included), so every later request and every reload sends the very same system message.
// Version 4: a question may hold `contextUsed`, the list of what its prompt carried ("Context used").
import * as l10n from '@vscode/l10n';
import type { TurnView } from '../protocol/messages';
import { checkTurn, isRecord } from './checkTurn';

export interface ConversationMeta {
  readonly id: string;
  readonly title: string;
  readonly updatedAt: number;
  /** The system text the conversation was started with; absent for conversations older than version 3. */
  readonly system?: string;
}

export type Checked<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'bad'; readonly reason: string }
  | { readonly kind: 'newer'; readonly version: number };

type StoredRecord = Readonly<Record<string, unknown>>;

interface Upgrade {
  readonly meta?: (record: StoredRecord) => StoredRecord;
  readonly turn?: (record: StoredRecord) => StoredRecord;
}

/**
 * Step i turns a version 2+i record into a version 3+i one. A version that adds optional fields (say a
 * turn's `raw` text and context list) appends a step — often nothing
 * but the new number — and checks the new fields in checkMeta or checkTurn; old files then still read.
 */
const UPGRADES: readonly Upgrade[] = [
  // 2 → 3: version 2 never wrote `system`, so a value found there is not the text the conversation started with.
  {
    meta: (record) => {
      const upgraded: Record<string, unknown> = { ...record, v: 3 };
      delete upgraded.system;
      return upgraded;
    },
  },
  // 3 → 4: only adds the optional `contextUsed` of a question, checked by checkTurn.
  {},
];

export const SCHEMA_VERSION = 2 + UPGRADES.length;

const bad = (reason: string): Checked<never> => ({ kind: 'bad', reason });

function upgraded(json: unknown, part: keyof Upgrade): Checked<StoredRecord> {
  if (!isRecord(json)) return bad('not a JSON object');
  const version = json.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 2) return bad('no schema version');
  if (version > SCHEMA_VERSION) return { kind: 'newer', version };
  let record: StoredRecord = json;
  for (let from = version; from < SCHEMA_VERSION; from++) record = UPGRADES[from - 2][part]?.(record) ?? record;
  return { kind: 'ok', value: record };
}

export function checkMeta(json: unknown): Checked<ConversationMeta> {
  const record = upgraded(json, 'meta');
  if (record.kind !== 'ok') return record;
  const { id, title, updatedAt, system } = record.value;
  if (typeof id !== 'string' || id === '' || typeof title !== 'string' || typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) {
    return bad('missing id, title or updatedAt');
  }
  // A damaged optional field is dropped, not the conversation: it then continues with the base rules.
  return { kind: 'ok', value: typeof system === 'string' ? { id, title, updatedAt, system } : { id, title, updatedAt } };
}

export function checkTurnRecord(json: unknown): Checked<TurnView> {
  const record = upgraded(json, 'turn');
  if (record.kind !== 'ok') return record;
  const turn = checkTurn(record.value.turn);
  return turn ? { kind: 'ok', value: turn } : bad('not a turn');
}

export interface V1Conversation {
  readonly meta: ConversationMeta;
  readonly turns: readonly TurnView[];
  /** Turns that were damaged and left out; the original file is then kept aside. */
  readonly dropped: number;
}

/** A whole version-1 conversation file (or globalState value); `id` comes from its file name or key. */
export function checkV1Conversation(json: unknown, id: string): Checked<V1Conversation> {
  if (!isRecord(json)) return bad('not a JSON object');
  if (typeof json.v === 'number' && json.v > SCHEMA_VERSION) return { kind: 'newer', version: json.v };
  if (json.v !== undefined) return bad('not a version-1 conversation');
  if (!Array.isArray(json.turns)) return bad('no turns');
  const turns = json.turns.map(checkTurn).filter((t): t is TurnView => t !== undefined);
  const title = typeof json.title === 'string' && json.title.trim() ? json.title : titleFor(turns);
  const updatedAt = typeof json.updatedAt === 'number' && Number.isFinite(json.updatedAt) ? json.updatedAt : 0;
  return { kind: 'ok', value: { meta: { id, title, updatedAt }, turns, dropped: json.turns.length - turns.length } };
}

export const metaRecord = (meta: ConversationMeta): StoredRecord => ({ v: SCHEMA_VERSION, ...meta });

export const turnRecord = (turn: TurnView): StoredRecord => ({ v: SCHEMA_VERSION, turn });

/** A title for a conversation whose own was lost: its first question, as the chat titles new ones. */
export function titleFor(turns: readonly TurnView[]): string {
  const line = turns.find((t) => t.role === 'user')?.text.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || l10n.t('Recovered conversation');
}
