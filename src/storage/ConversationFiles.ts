// The conversation folder's layout: a folder per conversation holding `conversation.json` and one file per
// turn, named so that sorting the names sorts the turns. Every file read is checked; a damaged one is set
// aside (renamed *.corrupt-<time>) so it is neither shown nor lost, and a newer version's is left alone.
import * as path from 'node:path';
import type { TurnView } from '../protocol/messages';
import { checkMeta, checkTurnRecord, metaRecord, turnRecord, type Checked, type ConversationMeta } from './conversationSchema';
import type { FileSystem } from './FileSystem';

export interface TurnOrder {
  readonly ms: number;
  readonly seq: number;
}

export interface StoredTurn {
  readonly file: string;
  readonly turn: TurnView;
}

export type MetaRead = { readonly kind: 'ok'; readonly value: ConversationMeta } | { readonly kind: 'missing' | 'bad' | 'newer' };

/** What reading found that the user should hear about; the store says each once. */
export interface FolderProblems {
  corrupt(): void;
  newer(): void;
  /** A file that exists but could not be read at all (permissions): skipped, never set aside. */
  unreadable(error: unknown): void;
}

const META_FILE = 'conversation.json';
const TURN_FILE = /^t(\d{15})-(\d{4})-.+\.json$/;

/** A name that is safe as a file name everywhere (no `.`, so never `..` and never mistaken for a file). */
export const encodeName = (id: string): string => encodeURIComponent(id).replace(/[.!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function decodeName(name: string): string | undefined {
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

export class ConversationFiles {
  constructor(
    readonly root: string,
    private readonly fs: FileSystem,
    private readonly now: () => number,
    private readonly problems: FolderProblems,
  ) {}

  /** Conversation folders are the only names without a dot; files of version 1 and set-aside files have one. */
  async conversationIds(): Promise<string[]> {
    const names = await this.fs.list(this.root);
    return names.filter((n) => !n.includes('.')).flatMap((n) => decodeName(n) ?? []);
  }

  async readMeta(id: string): Promise<MetaRead> {
    const file = path.join(this.folderOf(id), META_FILE);
    const text = await this.fs.readText(file);
    if (text === undefined) return { kind: 'missing' };
    const checked = await this.checked(file, text, checkMeta);
    return checked.kind === 'ok' ? { kind: 'ok', value: { ...checked.value, id } } : checked;
  }

  /** The conversation's readable turns in order, and the order of the last turn file present. */
  async readTurns(id: string): Promise<{ turns: StoredTurn[]; last: TurnOrder }> {
    const dir = this.folderOf(id);
    const names = (await this.fs.list(dir)).filter((n) => TURN_FILE.test(n)).sort();
    const read = await Promise.all(
      names.map(async (file) => {
        const text = await this.fs.readText(path.join(dir, file)).catch((e: unknown) => void this.problems.unreadable(e));
        const checked = text === undefined ? undefined : await this.checked(path.join(dir, file), text, checkTurnRecord);
        return checked?.kind === 'ok' ? { file, turn: checked.value } : undefined;
      }),
    );
    const byId = new Map<string, StoredTurn>();
    for (const stored of read) if (stored) byId.set(stored.turn.id, stored);
    const turns = [...byId.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
    return { turns, last: orderOf(names.at(-1)) };
  }

  writeMeta(meta: ConversationMeta): Promise<void> {
    return this.fs.writeAtomic(path.join(this.folderOf(meta.id), META_FILE), JSON.stringify(metaRecord(meta)));
  }

  /** Streaming state never survives a reload: an answer cut off by one is kept and marked stopped. */
  writeTurn(id: string, file: string, turn: TurnView): Promise<void> {
    const stored = turn.state === 'streaming' ? { ...turn, state: 'stopped' as const } : turn;
    return this.fs.writeAtomic(path.join(this.folderOf(id), file), JSON.stringify(turnRecord(stored)));
  }

  turnFile(order: TurnOrder, turnId: string): string {
    return `t${String(Math.max(0, Math.floor(order.ms))).padStart(15, '0')}-${String(order.seq).padStart(4, '0')}-${encodeName(turnId).slice(0, 80)}.json`;
  }

  /** Removes the oldest turn files beyond `keep` (other windows may have added turns too); returns their names. */
  async removeOldestTurns(id: string, keep: number): Promise<string[]> {
    const names = (await this.fs.list(this.folderOf(id))).filter((n) => TURN_FILE.test(n)).sort();
    const excess = names.slice(0, Math.max(0, names.length - keep));
    for (const name of excess) await this.fs.remove(path.join(this.folderOf(id), name));
    return excess;
  }

  removeTurnFile(id: string, file: string): Promise<void> {
    return this.fs.remove(path.join(this.folderOf(id), file));
  }

  removeConversation(id: string): Promise<void> {
    return this.fs.remove(this.folderOf(id));
  }

  removeAll(): Promise<void> {
    return this.fs.remove(this.root);
  }

  /** Parses and checks a file's text; a damaged file is set aside, a newer version's is reported and left. */
  async checked<T>(file: string, text: string, check: (json: unknown) => Checked<T>): Promise<Checked<T>> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // eslint-disable-next-line phi4/no-raw-ui-string -- why a file was set aside is for tests and debugging; the user is told through ProblemNotices
    const result = json === undefined ? ({ kind: 'bad', reason: 'not JSON' } as const) : check(json);
    if (result.kind === 'bad') await this.setAside(file);
    if (result.kind === 'newer') this.problems.newer();
    return result;
  }

  async setAside(file: string): Promise<void> {
    // If even the rename fails the file stays where it is; it is skipped on every read either way.
    await this.fs.rename(file, `${file}.corrupt-${this.stamp()}`).catch(() => undefined);
    this.problems.corrupt();
  }

  /** Keeps text that could not be used (a damaged value from an old storage place) as a set-aside file. */
  async keepAside(name: string, text: string): Promise<void> {
    await this.fs.writeAtomic(path.join(this.root, `${encodeName(name)}.json.corrupt-${this.stamp()}`), text);
    this.problems.corrupt();
  }

  private stamp(): string {
    return new Date(this.now()).toISOString().replace(/[:.]/g, '-');
  }

  folderOf(id: string): string {
    return path.join(this.root, encodeName(id));
  }
}

function orderOf(name: string | undefined): TurnOrder {
  const match = name === undefined ? null : TURN_FILE.exec(name);
  return match ? { ms: Number(match[1]), seq: Number(match[2]) } : { ms: 0, seq: 0 };
}
