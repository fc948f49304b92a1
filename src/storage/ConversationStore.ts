// Keeps conversations across reloads in the extension's storage folder: a folder per conversation and a file
// per turn (docs/STORAGE.md says why). Saving is asynchronous, writes only what changed since the last save,
// and never overwrites what another window saved. Reading never throws, and a damaged file hides only itself.
import * as l10n from '@vscode/l10n';
import type { ConversationSummary, TurnView } from '../protocol/messages';
import { titleFor, type ConversationMeta } from './conversationSchema';
import { ConversationFiles, type StoredTurn, type TurnOrder } from './ConversationFiles';
import { describeFileError, nodeFileSystem, type FileSystem } from './FileSystem';
import { migrateLegacy, type ListableStore } from './migrateLegacy';
import { ProblemNotices } from './ProblemNotices';

export interface Conversation {
  readonly id: string;
  title: string;
  updatedAt: number;
  turns: TurnView[];
  /** The system text this conversation was started with; set once, before its first request. */
  system?: string;
}

export interface StoreLimits {
  readonly maxConversations: number;
  /** Turns kept per conversation; older turns are removed first. */
  readonly maxTurns: number;
}

export const DEFAULT_LIMITS: StoreLimits = { maxConversations: 50, maxTurns: 200 };

export interface OverLimit {
  readonly count: number;
  readonly limit: number;
  /** Deletes the oldest conversations beyond the limit; resolves to how many went. */
  trim(): Promise<number>;
}

export interface StorageEvents {
  /** Something the user should know about their saved conversations, in words they can act on. */
  readonly problem?: (message: string) => void;
  /** More conversations are saved than the limit allows (it was lowered); nothing is deleted unless `trim` is called. */
  readonly overLimit?: (over: OverLimit) => void;
}

export interface StoreOptions {
  readonly dir: string;
  readonly limits?: () => StoreLimits;
  readonly events?: StorageEvents;
  /** Where an earlier version kept conversations (VS Code's globalState); they are moved in once. */
  readonly legacy?: ListableStore;
  readonly fs?: FileSystem;
  readonly now?: () => number;
}

/** What this window last read or wrote of one conversation, so that a save writes only what changed since. */
interface Synced {
  title?: string;
  updatedAt?: number;
  system?: string;
  readonly turns: Map<string, { readonly file: string; readonly ref: TurnView }>;
  last: TurnOrder;
}

export class ConversationStore {
  private readonly files: ConversationFiles;
  private readonly fs: FileSystem;
  private readonly synced = new Map<string, Synced>();
  /** Deleted here: a late save (an answer stopped by the deletion) must not bring them back. */
  private readonly deleted = new Set<string>();
  private readonly notices: ProblemNotices;
  private readonly queued = new Map<string, { conversation: Conversation; done: Promise<void> }>();
  private writes: Promise<unknown> = Promise.resolve();
  private opening: Promise<void> | undefined;
  private askedAbout: number | undefined;

  constructor(private readonly options: StoreOptions) {
    this.fs = options.fs ?? nodeFileSystem;
    this.notices = new ProblemNotices(options.dir, options.events?.problem);
    this.files = new ConversationFiles(options.dir, this.fs, () => this.now(), {
      corrupt: () => this.notices.tell('corrupt'),
      newer: () => this.notices.tell('newer'),
      unreadable: (error) => this.notices.tell('read', error),
    });
  }

  get location(): string {
    return this.options.dir;
  }

  /** Newest first. Rebuilt from the folder every time: other windows add and delete conversations too. */
  list(): Promise<ConversationSummary[]> {
    return this.reading([], async () => {
      const ids = await this.files.conversationIds();
      const metas = await Promise.all(ids.map((id) => this.metaOf(id)));
      const list = metas.filter((m) => m !== undefined).map(({ id, title, updatedAt }) => ({ id, title, updatedAt }));
      list.sort((a, b) => b.updatedAt - a.updatedAt);
      this.checkLimit(list.length);
      return list;
    });
  }

  load(id: string): Promise<Conversation | undefined> {
    return this.reading(undefined, async () => {
      const meta = await this.files.readMeta(id);
      if (meta.kind === 'newer') return undefined;
      const { turns, last } = await this.files.readTurns(id);
      const found = meta.kind === 'ok' ? meta.value : await this.recover(id, turns, last);
      if (!found) return undefined;
      this.deleted.delete(id);
      this.synced.set(id, { title: found.title, updatedAt: found.updatedAt, system: found.system, turns: new Map(turns.map((t) => [t.turn.id, { file: t.file, ref: t.turn }])), last });
      const shown = turns.slice(-this.limits().maxTurns).map((t) => t.turn);
      return { id, title: found.title, updatedAt: found.updatedAt, turns: shown, ...(found.system !== undefined && { system: found.system }) };
    });
  }

  /**
   * Writes the turns that changed since this window last saved them, each to its own file. A save asked for
   * while an earlier one of the same conversation is still waiting joins it: that one writes the latest state.
   */
  save(conversation: Conversation): Promise<void> {
    if (conversation.turns.length === 0) return Promise.resolve();
    const { maxTurns } = this.limits();
    if (conversation.turns.length > maxTurns) conversation.turns.splice(0, conversation.turns.length - maxTurns);
    const waiting = this.queued.get(conversation.id);
    if (waiting?.conversation === conversation) return waiting.done;
    const done: Promise<void> = this.enqueue(async () => {
      if (this.queued.get(conversation.id)?.done === done) this.queued.delete(conversation.id);
      await this.write(conversation);
    });
    this.queued.set(conversation.id, { conversation, done });
    return done;
  }

  delete(id: string): Promise<void> {
    return this.enqueue(() => this.remove(id)).catch((e: unknown) => this.options.events?.problem?.(l10n.t('Phi-4 could not delete the conversation ({0}).', describeFileError(e))));
  }

  /**
   * Deletes turns the user replaced (an edited question and what followed it, a regenerated answer). Only
   * files this window read or wrote are touched; the caller has already taken the turns out of the
   * conversation, so no later save writes them back.
   */
  removeTurns(conversationId: string, turnIds: readonly string[]): Promise<void> {
    const removing = this.enqueue(async () => {
      const synced = this.synced.get(conversationId);
      if (!synced) return;
      for (const turnId of turnIds) {
        const known = synced.turns.get(turnId);
        if (!known) continue;
        await this.files.removeTurnFile(conversationId, known.file);
        synced.turns.delete(turnId);
      }
    });
    return removing.catch((e: unknown) => this.options.events?.problem?.(l10n.t('Phi-4 could not delete the replaced messages ({0}); they may show again after a reload.', describeFileError(e))));
  }

  /** Removes the whole folder, whatever is in it: damaged files, set-aside files, other versions' files. */
  clear(): Promise<void> {
    const clearing = this.enqueue(async () => {
      for (const id of this.synced.keys()) this.deleted.add(id);
      this.synced.clear();
      await this.files.removeAll();
    });
    return clearing.catch((e: unknown) => this.options.events?.problem?.(l10n.t('Phi-4 could not delete its saved conversations in {0} ({1}).', this.location, describeFileError(e))));
  }

  private async write(conversation: Conversation): Promise<void> {
    if (this.deleted.has(conversation.id)) return;
    try {
      const created = await this.writeMeta(conversation);
      if (await this.writeTurns(conversation)) await this.capTurns(conversation.id);
      if (created) await this.keepWithinLimit(conversation.id);
      this.notices.resolved('save');
    } catch (e) {
      this.notices.tell('save', e, conversation.title);
      throw e;
    }
  }

  /** Merges with what is on disk: another window may have saved the same conversation. Returns whether it is new. */
  private async writeMeta(conversation: Conversation): Promise<boolean> {
    const synced = this.syncedOf(conversation.id);
    if (synced.title === conversation.title && synced.updatedAt === conversation.updatedAt && synced.system === conversation.system) return false;
    const disk = await this.files.readMeta(conversation.id);
    if (disk.kind === 'newer') return false;
    const onDisk = disk.kind === 'ok' ? disk.value : undefined;
    // A title changed in another window since this one read it wins over this window's unchanged one.
    const title = onDisk && conversation.title === synced.title ? onDisk.title : conversation.title;
    const updatedAt = Math.max(onDisk?.updatedAt ?? 0, conversation.updatedAt);
    // The system text is set once per conversation; the one already on disk (another window's) is kept.
    const system = onDisk?.system ?? conversation.system;
    if (title !== onDisk?.title || updatedAt !== onDisk.updatedAt || system !== onDisk.system) {
      await this.files.writeMeta({ id: conversation.id, title, updatedAt, ...(system !== undefined && { system }) });
    }
    synced.title = conversation.title;
    synced.updatedAt = conversation.updatedAt;
    synced.system = conversation.system;
    return disk.kind === 'missing';
  }

  /** Only turns this window added or changed; returns whether any was new. */
  private async writeTurns(conversation: Conversation): Promise<boolean> {
    const synced = this.syncedOf(conversation.id);
    let added = false;
    for (const turn of conversation.turns) {
      const known = synced.turns.get(turn.id);
      if (known?.ref === turn) continue;
      const file = known?.file ?? this.files.turnFile(this.nextOrder(synced), turn.id);
      await this.files.writeTurn(conversation.id, file, turn);
      synced.turns.set(turn.id, { file, ref: turn });
      added ||= !known;
    }
    return added;
  }

  private async capTurns(id: string): Promise<void> {
    const removed = new Set(await this.files.removeOldestTurns(id, this.limits().maxTurns));
    const synced = this.syncedOf(id);
    for (const [turnId, { file }] of synced.turns) if (removed.has(file)) synced.turns.delete(turnId);
  }

  /** A new conversation that goes one over the limit replaces the oldest; more than one over means the limit was lowered: ask. */
  private async keepWithinLimit(id: string): Promise<void> {
    const others = (await this.files.conversationIds()).filter((other) => other !== id);
    const limit = this.limits().maxConversations;
    if (others.length > limit) this.checkLimit(others.length + 1);
    if (others.length !== limit) return;
    const metas = (await Promise.all(others.map((other) => this.metaOf(other)))).filter((m) => m !== undefined);
    const oldest = metas.sort((a, b) => a.updatedAt - b.updatedAt)[0];
    if (oldest) await this.remove(oldest.id);
  }

  private checkLimit(count: number): void {
    const limit = this.limits().maxConversations;
    if (count <= limit || this.askedAbout === limit) return;
    this.askedAbout = limit;
    this.options.events?.overLimit?.({ count, limit, trim: () => this.trim() });
  }

  private async trim(): Promise<number> {
    let removed = 0;
    await this.enqueue(async () => {
      const metas = (await Promise.all((await this.files.conversationIds()).map((id) => this.metaOf(id)))).filter((m) => m !== undefined);
      for (const meta of metas.sort((a, b) => b.updatedAt - a.updatedAt).slice(this.limits().maxConversations)) {
        await this.remove(meta.id);
        removed++;
      }
    }).catch((e: unknown) => this.options.events?.problem?.(l10n.t('Phi-4 could not delete old conversations ({0}).', describeFileError(e))));
    return removed;
  }

  private async remove(id: string): Promise<void> {
    this.deleted.add(id);
    this.synced.delete(id);
    await this.files.removeConversation(id);
  }

  /** A conversation's own file, or one rebuilt from its turns when that file is missing or was damaged. */
  private async metaOf(id: string): Promise<ConversationMeta | undefined> {
    try {
      const meta = await this.files.readMeta(id);
      if (meta.kind === 'ok') return meta.value;
      if (meta.kind === 'newer') return undefined;
      const { turns, last } = await this.files.readTurns(id);
      return await this.recover(id, turns, last);
    } catch (e) {
      this.notices.tell('read', e);
      return undefined;
    }
  }

  private async recover(id: string, turns: readonly StoredTurn[], last: TurnOrder): Promise<ConversationMeta | undefined> {
    if (turns.length === 0) return undefined;
    const meta = { id, title: titleFor(turns.map((t) => t.turn)), updatedAt: last.ms };
    // Best effort: if it cannot be written it is rebuilt again next time.
    await this.files.writeMeta(meta).catch(() => undefined);
    return meta;
  }

  private nextOrder(synced: Synced): TurnOrder {
    const now = this.now();
    const { ms, seq } = synced.last;
    synced.last = now > ms ? { ms: now, seq: 0 } : seq < 9999 ? { ms, seq: seq + 1 } : { ms: ms + 1, seq: 0 };
    return synced.last;
  }

  private syncedOf(id: string): Synced {
    let synced = this.synced.get(id);
    if (!synced) this.synced.set(id, (synced = { turns: new Map(), last: { ms: 0, seq: 0 } }));
    return synced;
  }

  /** Writes run one at a time, in order; a failed one does not stop those after it. */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.writes.then(() => this.open()).then(job);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async reading<T>(fallback: T, job: () => Promise<T>): Promise<T> {
    try {
      await this.open();
      await this.writes; // a read sees every save asked for before it
      return await job();
    } catch (e) {
      this.notices.tell('read', e);
      return fallback;
    }
  }

  /**
   * The first read or write moves conversations an earlier version kept. A failure there blocks nothing and
   * is tried again next time; the read or write that follows meets the same disk and says what is wrong.
   */
  private open(): Promise<void> {
    this.opening ??= migrateLegacy(this.files, this.fs, this.options.legacy).then(
      () => undefined,
      () => {
        this.opening = undefined;
      },
    );
    return this.opening;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private limits(): StoreLimits {
    return (this.options.limits ?? (() => DEFAULT_LIMITS))();
  }
}
