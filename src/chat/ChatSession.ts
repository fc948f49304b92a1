// A conversation as a queue of requests that emits events: which conversation is shown, turns started,
// text, turns finished, busy state and status. Views subscribe; the session never reaches into a view.
// Tested in plain Node against the test server.
import * as l10n from '@vscode/l10n';
import type { GatheredContext } from '../context/EditorContext';
import type { Mention } from '../context/mentions/Mention';
import type { OllamaError } from '../ollama/OllamaError';
import type { SystemText } from '../prompt/customInstructions';
import { CHAT_SYSTEM_PROMPT } from '../prompt/systemPrompts';
import type { ContextChip, ConversationSummary, TurnView } from '../protocol/messages';
import { finishedTurn, statusFor, titleFrom } from './finishedTurn';
import { historyOf } from './historyOf';
import { runRequest } from '../request/runRequest';
import type { RequestKind, RequestServices, RequestSpec } from '../request/RequestSpec';
import { ChunkBatcher, type Scheduler } from './ChunkBatcher';
import type { Conversation, ConversationStore } from '../storage/ConversationStore';

export interface Ask {
  /** What the user typed (shown in the conversation). */
  readonly text: string;
  /** What is sent as the request, when it differs from `text` (e.g. Explain's instructions). */
  readonly question?: string;
  readonly context?: GatheredContext;
  /** Files, symbols, problems and further selections the user added. */
  readonly mentions?: readonly Mention[];
  readonly chip?: ContextChip;
  readonly system?: string;
  readonly kind?: RequestKind;
  /** What the user should know about how the context was gathered (definitions left out). */
  readonly notes?: readonly string[];
}

export type SessionStatus = 'ready' | 'generating' | 'offline' | 'modelMissing';

export type SessionEvent =
  /** Another conversation is shown (new chat, switch, delete, clear): views redraw from scratch. */
  | { readonly type: 'restore'; readonly conversationId: string; readonly turns: readonly TurnView[]; readonly history: readonly ConversationSummary[]; readonly busy: boolean }
  | { readonly type: 'history'; readonly history: readonly ConversationSummary[]; readonly currentId: string }
  | { readonly type: 'turnAdded'; readonly turn: TurnView }
  | { readonly type: 'answerChunk'; readonly id: string; readonly text: string }
  | { readonly type: 'answerEnded'; readonly turn: TurnView }
  | { readonly type: 'questionUpdated'; readonly turn: TurnView }
  /** Turns replaced by an edited question or a regenerated answer: views take them out. */
  | { readonly type: 'turnsRemoved'; readonly ids: readonly string[] }
  | { readonly type: 'busy'; readonly busy: boolean; readonly queued: number }
  | { readonly type: 'status'; readonly status: SessionStatus; readonly error?: OllamaError };

export interface ChatSessionDeps extends RequestServices {
  readonly store: ConversationStore;
  /** The system text a new conversation starts with (the chat rules and the custom instructions of the moment). */
  readonly systemFor?: (base: string) => Promise<SystemText>;
  readonly scheduler?: Scheduler;
  readonly newId?: () => string;
}

export interface AnswerOutcome {
  readonly turn: TurnView;
  readonly error?: OllamaError;
  /** Why nothing was sent (e.g. Regenerate on an answer that is no longer the last one). */
  readonly refused?: string;
}

type Job = (signal: AbortSignal) => Promise<AnswerOutcome>;

let counter = 0;
const defaultId = (): string => `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The model and prompt format of the last answer among these turns. */
function lastAnswer(turns: readonly TurnView[]): RequestSpec['continues'] {
  for (let i = turns.length - 1; i >= 0; i--) {
    const stats = turns[i].role === 'assistant' ? turns[i].stats : undefined;
    if (stats) return { model: stats.model, format: stats.format };
  }
  return undefined;
}

export class ChatSession {
  /** Read from storage on first use, not at activation: activation should cost nothing it can defer. */
  private shown: Conversation | undefined;
  private opening: Promise<void> | undefined;
  private history: readonly ConversationSummary[] = [];
  private queue: { job: Job; resolve: (o: AnswerOutcome) => void }[] = [];
  private running: AbortController | undefined;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly newId: () => string;

  constructor(private readonly deps: ChatSessionDeps) {
    this.newId = deps.newId ?? defaultId;
  }

  /** Subscribes to the session's events; dispose the result to unsubscribe. */
  onEvent(listener: (event: SessionEvent) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private get conversation(): Conversation {
    return (this.shown ??= this.blank());
  }

  /** Reads the latest conversation (the first time) and the conversation list; restoreEvent() shows what this read. */
  async open(): Promise<void> {
    this.opening ??= this.openLatest();
    await this.opening;
    this.history = await this.deps.store.list();
  }

  private async openLatest(): Promise<void> {
    const latest = (await this.deps.store.list())[0];
    const found = latest && (await this.deps.store.load(latest.id));
    this.shown ??= found || this.blank();
  }

  private set conversation(conversation: Conversation) {
    this.shown = conversation;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  get queued(): number {
    return this.queue.length;
  }

  get current(): Conversation {
    return this.conversation;
  }

  /** Everything a view needs to draw itself from scratch (after load, reload, or being hidden). */
  restoreEvent(): Extract<SessionEvent, { type: 'restore' }> {
    return { type: 'restore', conversationId: this.conversation.id, turns: this.conversation.turns, history: this.history, busy: this.busy };
  }

  /**
   * Queues behind a running answer: two answers never interleave. With `replaces` (the id of an earlier
   * question, when the user edited it), that question and everything after it are replaced.
   */
  send(ask: Ask, replaces?: string): Promise<AnswerOutcome> {
    return this.enqueue((signal) => this.answer(ask, signal, replaces));
  }

  /**
   * Writes a fresh answer in place of the last one, re-sending exactly what was sent for it (history before
   * the question, and the question as stored), without reading the editor again.
   */
  regenerate(answerId: string): Promise<AnswerOutcome> {
    return this.enqueue((signal) => this.answerAgain(answerId, signal));
  }

  private enqueue(job: Job): Promise<AnswerOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      // Waiting behind a running answer counts as queued; otherwise this one starts right away.
      this.emit({ type: 'busy', busy: true, queued: this.busy ? this.queue.length : this.queue.length - 1 });
      if (!this.running) void this.drain();
    });
  }

  /** Stops the answer being written (the HTTP request is closed) and drops queued ones. */
  stop(): void {
    for (const q of this.queue.splice(0)) q.resolve({ turn: { id: '', role: 'assistant', text: '', state: 'stopped' } });
    this.running?.abort();
  }

  async newChat(): Promise<void> {
    await this.show(this.blank());
  }

  async switchTo(id: string): Promise<void> {
    const found = await this.deps.store.load(id);
    // Deleted meanwhile (by another window, or trimmed): the fresh list no longer offers it.
    if (found) await this.show(found);
    else await this.emitRestore();
  }

  async delete(id: string): Promise<void> {
    if (id === this.conversation.id) {
      this.stop();
      this.conversation = this.blank();
    }
    await this.deps.store.delete(id);
    await this.emitRestore();
  }

  /** The conversation list changed outside this session (trimmed, another window): views redraw it. */
  async historyChanged(): Promise<void> {
    this.history = await this.deps.store.list();
    this.emit({ type: 'history', history: this.history, currentId: this.conversation.id });
  }

  async clearHistory(): Promise<void> {
    this.stop();
    await this.deps.store.clear();
    await this.show(this.blank());
  }

  private async show(conversation: Conversation): Promise<void> {
    this.stop();
    this.conversation = conversation;
    await this.emitRestore();
  }

  private async emitRestore(): Promise<void> {
    this.history = await this.deps.store.list();
    this.emit(this.restoreEvent());
  }

  private blank(): Conversation {
    return { id: this.newId(), title: l10n.t('New chat'), updatedAt: Date.now(), turns: [] };
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const next = this.queue.shift()!;
      const controller = new AbortController();
      this.running = controller;
      let outcome: AnswerOutcome;
      try {
        outcome = await next.job(controller.signal);
      } finally {
        this.running = undefined;
      }
      next.resolve(outcome);
    }
    this.emit({ type: 'busy', busy: false, queued: 0 });
  }

  private async answer(ask: Ask, signal: AbortSignal, replaces?: string): Promise<AnswerOutcome> {
    await (this.opening ??= this.openLatest());
    const conv = this.conversation;
    const edited = replaces === undefined ? -1 : conv.turns.findIndex((t) => t.id === replaces && t.role === 'user');
    const kept = edited >= 0 ? conv.turns.slice(0, edited) : conv.turns;
    const started = await this.systemOf(conv);
    const history = historyOf(kept);
    const userTurn: TurnView = { id: this.newId(), role: 'user', text: ask.text, context: ask.chip };
    conv.turns.push(userTurn);
    if (conv.title === l10n.t('New chat') || conv.turns.length === 1 || edited === 0) conv.title = titleFrom(ask.text);
    if (this.conversation === conv) this.emit({ type: 'turnAdded', turn: userTurn });
    const spec = { kind: ask.kind ?? 'chat', system: ask.system ?? started.system, notes: [...started.notes, ...(ask.notes ?? [])], history, question: ask.question ?? ask.text, context: ask.context, mentions: ask.mentions, continues: lastAnswer(kept) };
    // An edited question replaces its turn and what followed only once the new answer is there.
    const replaced = edited >= 0 ? conv.turns.slice(edited, -1).map((t) => t.id) : [];
    return this.stream(conv, userTurn, spec, signal, replaced);
  }

  private async answerAgain(answerId: string, signal: AbortSignal): Promise<AnswerOutcome> {
    await (this.opening ??= this.openLatest());
    const conv = this.conversation;
    const old = conv.turns.at(-1);
    let asked = conv.turns.length - 1;
    while (asked >= 0 && conv.turns[asked].role !== 'user') asked--;
    const question = conv.turns[asked];
    if (old?.id !== answerId || old.role !== 'assistant' || !question) {
      return { turn: old ?? { id: '', role: 'assistant', text: '' }, refused: l10n.t('Only the last answer can be regenerated.') };
    }
    // A question with code context that never reached the model has no stored message to re-send.
    const sent = question.sent ?? (question.context ? undefined : question.text);
    if (sent === undefined) return { turn: old, refused: l10n.t('This question never reached the model, so there is no stored message to send again. Ask it again instead.') };
    const { system } = await this.systemOf(conv);
    const spec = { kind: 'chat' as const, system, history: historyOf(conv.turns.slice(0, asked)), question: sent, continues: lastAnswer(conv.turns.slice(0, asked)) };
    // The earlier answers give way only once the new one is there: a failed or stopped attempt loses nothing.
    return this.stream(conv, question, spec, signal, conv.turns.slice(asked + 1).map((t) => t.id));
  }

  /** Takes these turns out of the conversation, the views and storage. */
  private removeTurns(conv: Conversation, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    conv.turns = conv.turns.filter((t) => !gone.has(t.id));
    if (this.conversation === conv) this.emit({ type: 'turnsRemoved', ids });
    void this.deps.store.removeTurns(conv.id, ids);
  }

  /** Streams the answer to `userTurn` (already in the conversation) into a new turn, stored as it grows. */
  private async stream(conv: Conversation, userTurn: TurnView, spec: RequestSpec, signal: AbortSignal, replaced: readonly string[] = []): Promise<AnswerOutcome> {
    const turn: TurnView = { id: this.newId(), role: 'assistant', text: '', state: 'streaming' };
    conv.turns.push(turn);
    conv.updatedAt = Date.now();
    if (this.conversation === conv) this.emit({ type: 'turnAdded', turn });
    this.emit({ type: 'status', status: 'generating' });

    const relay = this.relay(conv, turn);
    void this.persist(conv);
    const outcome = await runRequest(this.deps, spec, signal, (chunk) => relay.push(chunk));
    relay.flush();

    const finished = finishedTurn(turn, outcome);
    const at = conv.turns.findIndex((t) => t.id === turn.id);
    if (at >= 0) conv.turns[at] = finished;
    // A new object, so storage sees the question changed: it now carries the message as sent.
    const sent = outcome.fitted?.messages.at(-1)?.content;
    const asked = conv.turns.findIndex((t) => t.id === userTurn.id);
    if (sent !== undefined && sent !== userTurn.sent && asked >= 0) {
      // The list of what this turn sent is kept with it; a regenerated answer re-sends history as it was, so it keeps the first list.
      const question: TurnView = { ...userTurn, sent, contextUsed: userTurn.contextUsed ?? outcome.fitted?.items };
      conv.turns[asked] = question;
      if (this.conversation === conv) this.emit({ type: 'questionUpdated', turn: question });
    }
    if (this.conversation === conv) this.emit({ type: 'answerEnded', turn: finished });
    if (!outcome.error) this.removeTurns(conv, replaced);
    this.emit({ type: 'status', status: statusFor(outcome.error?.kind), error: outcome.error });
    await this.persist(conv);
    // The conversation list shows titles and order by last use; both may have changed.
    this.history = await this.deps.store.list();
    this.emit({ type: 'history', history: this.history, currentId: conv.id });
    return { turn: finished, error: outcome.error };
  }

  /**
   * The system message must stay the same for the whole conversation (the model's cache of the prompt's start
   * depends on it, and an answer should not change rules mid-way), so it is fixed when the conversation starts
   * and stored with it. Conversations saved before it was stored were started with the plain chat rules.
   */
  private async systemOf(conv: Conversation): Promise<SystemText> {
    if (conv.system !== undefined) return { system: conv.system, notes: [] };
    const started = conv.turns.length > 0 || !this.deps.systemFor ? { system: CHAT_SYSTEM_PROMPT, notes: [] } : await this.deps.systemFor(CHAT_SYSTEM_PROMPT);
    conv.system = started.system;
    return started;
  }

  /** Batches streamed text for the views and keeps the stored turn following the stream. */
  private relay(conv: Conversation, turn: TurnView): ChunkBatcher {
    let text = '';
    let savedAt = Date.now();
    return new ChunkBatcher((chunk) => {
      // Text joins the answer a batch at a time (not per token), which keeps the relay as light as reading the stream.
      text += chunk;
      // A view opened (or a window reloaded) mid-answer shows the stored turn. Look it up by id: saving
      // may have trimmed old turns from the front.
      for (let i = conv.turns.length - 1; i >= 0; i--) {
        if (conv.turns[i].id === turn.id) {
          conv.turns[i] = { ...turn, text };
          break;
        }
      }
      if (this.conversation === conv) this.emit({ type: 'answerChunk', id: turn.id, text: chunk });
      if (Date.now() - savedAt > 2000) {
        savedAt = Date.now();
        void this.persist(conv);
      }
    }, 16, this.deps.scheduler);
  }

  private async persist(conv: Conversation): Promise<void> {
    try {
      await this.deps.store.save(conv);
    } catch (e) {
      this.deps.log.warn(`could not save the conversation: ${String(e)}`);
    }
  }
}
