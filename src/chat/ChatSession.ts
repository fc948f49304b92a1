// The chat's behaviour without any UI: conversations, one answer at a time, streaming, stop, persistence,
// and turning every failure into something the view can show. Tested in plain Node against the test server.
import { BudgetExceededError, fitToBudget, type FittedPrompt } from '../budget/fitToBudget';
import type { ChatMessage } from '../chatml/renderChatML';
import type { GatheredContext } from '../context/EditorContext';
import { promptWasTruncated, type AnswerStats } from '../ollama/AnswerStats';
import type { OllamaClient } from '../ollama/OllamaClient';
import { OllamaError, type OllamaErrorKind } from '../ollama/OllamaError';
import { CHAT_SYSTEM_PROMPT } from '../prompt/systemPrompts';
import type { ContextChip, ConversationSummary, HostToWebview, TurnView } from '../protocol/messages';
import type { ChatSettings } from './ChatSettings';
import { ChunkBatcher, type Scheduler } from './ChunkBatcher';
import type { Logger } from './Logger';
import type { ModelResolver } from './ModelResolver';
import type { Conversation, ConversationStore } from '../storage/ConversationStore';

export interface Ask {
  /** What the user typed (shown in the conversation). */
  readonly text: string;
  /** What is sent as the request, when it differs from `text` (e.g. Explain's instructions). */
  readonly question?: string;
  readonly context?: GatheredContext;
  readonly chip?: ContextChip;
  readonly system?: string;
}

export type SessionStatus = 'ready' | 'generating' | 'offline' | 'modelMissing';

export interface ChatSessionDeps {
  readonly client: () => OllamaClient;
  readonly settings: () => ChatSettings;
  readonly resolver: ModelResolver;
  readonly store: ConversationStore;
  readonly post: (message: HostToWebview) => void;
  readonly log: Logger;
  readonly onStatus?: (status: SessionStatus, error?: OllamaError) => void;
  readonly scheduler?: Scheduler;
  readonly newId?: () => string;
}

export interface AnswerOutcome {
  readonly turn: TurnView;
  readonly error?: OllamaError;
}

let counter = 0;
const defaultId = (): string => `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export class ChatSession {
  /** Read from storage on first use, not at activation: activation should cost nothing it can defer. */
  private shown: Conversation | undefined;
  private opening: Promise<void> | undefined;
  private history: readonly ConversationSummary[] = [];
  private queue: { ask: Ask; resolve: (o: AnswerOutcome) => void }[] = [];
  private running: AbortController | undefined;
  private readonly newId: () => string;

  constructor(private readonly deps: ChatSessionDeps) {
    this.newId = deps.newId ?? defaultId;
  }

  private get conversation(): Conversation {
    return (this.shown ??= this.blank());
  }

  /** Reads the latest conversation (the first time) and the conversation list; restoreMessage() shows what this read. */
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

  /** Everything the view needs to draw itself from scratch (after load, reload, or being hidden). */
  restoreMessage(): HostToWebview {
    return { type: 'restore', conversationId: this.conversation.id, turns: this.conversation.turns, history: this.history, busy: this.busy };
  }

  /** Queues behind a running answer: two answers never interleave. */
  send(ask: Ask): Promise<AnswerOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ ask, resolve });
      // Waiting behind a running answer counts as queued; otherwise this one starts right away.
      this.deps.post({ type: 'busy', busy: true, queued: this.busy ? this.queue.length : this.queue.length - 1 });
      if (!this.running) void this.drain();
    });
  }

  /** Stops the answer being written (the HTTP request is closed) and drops queued ones. */
  stop(): void {
    for (const q of this.queue.splice(0)) q.resolve({ turn: { id: '', role: 'assistant', text: '', state: 'stopped' } });
    this.running?.abort();
  }

  async newChat(): Promise<void> {
    this.stop();
    this.conversation = this.blank();
    await this.postRestore();
  }

  async switchTo(id: string): Promise<void> {
    const found = await this.deps.store.load(id);
    // Deleted meanwhile (by another window, or trimmed): the fresh list no longer offers it.
    if (!found) return this.postRestore();
    this.stop();
    this.conversation = found;
    await this.postRestore();
  }

  async delete(id: string): Promise<void> {
    if (id === this.conversation.id) {
      this.stop();
      this.conversation = this.blank();
    }
    await this.deps.store.delete(id);
    await this.postRestore();
  }

  async clearHistory(): Promise<void> {
    this.stop();
    await this.deps.store.clear();
    this.conversation = this.blank();
    await this.postRestore();
  }

  private async postRestore(): Promise<void> {
    this.history = await this.deps.store.list();
    this.deps.post(this.restoreMessage());
  }

  private blank(): Conversation {
    return { id: this.newId(), title: 'New chat', updatedAt: Date.now(), turns: [] };
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const next = this.queue.shift()!;
      const controller = new AbortController();
      this.running = controller;
      let outcome: AnswerOutcome;
      try {
        outcome = await this.answer(next.ask, controller.signal);
      } finally {
        this.running = undefined;
      }
      next.resolve(outcome);
    }
    this.deps.post({ type: 'busy', busy: false, queued: 0 });
  }

  private async answer(ask: Ask, signal: AbortSignal): Promise<AnswerOutcome> {
    await (this.opening ??= this.openLatest());
    const conv = this.conversation;
    const settings = this.deps.settings();
    const history = historyOf(conv.turns);
    const userTurn: TurnView = { id: this.newId(), role: 'user', text: ask.text, context: ask.chip };
    let turn: TurnView = { id: this.newId(), role: 'assistant', text: '', state: 'streaming' };
    conv.turns.push(userTurn, turn);
    if (conv.title === 'New chat') conv.title = titleFrom(ask.text);
    conv.updatedAt = Date.now();
    this.deps.post({ type: 'turnAdded', turn: userTurn });
    this.deps.post({ type: 'turnAdded', turn });
    this.deps.onStatus?.('generating');

    let text = '';
    let savedAt = Date.now();
    const batcher = new ChunkBatcher((chunk) => {
      // Text joins the answer a batch at a time (not per token), which keeps the relay as light as reading the stream.
      text += chunk;
      // The stored turn follows the stream, so a view opened (or a window reloaded) mid-answer shows it.
      // Look it up by id: saving may have trimmed old turns from the front.
      for (let i = conv.turns.length - 1; i >= 0; i--) {
        if (conv.turns[i].id === turn.id) {
          conv.turns[i] = { ...turn, text };
          break;
        }
      }
      if (this.conversation === conv) this.deps.post({ type: 'answerChunk', id: turn.id, text: chunk });
      if (Date.now() - savedAt > 2000) {
        savedAt = Date.now();
        void this.persist(conv);
      }
    }, 16, this.deps.scheduler);
    void this.persist(conv);
    let fitted: FittedPrompt | undefined;
    let stats: AnswerStats | undefined;
    let error: OllamaError | undefined;
    const client = this.deps.client();
    try {
      const resolved = await this.deps.resolver.resolve(client, settings, signal);
      fitted = fitToBudget(
        { system: ask.system ?? CHAT_SYSTEM_PROMPT, history, question: ask.question ?? ask.text, context: ask.context },
        { contextWindow: resolved.numCtx, maxAnswerTokens: settings.maxAnswerTokens },
      );
      this.deps.log.trace(`prompt:\n${fitted.messages.map((m) => `[${m.role}] ${m.content}`).join('\n')}`);
      const stream = client.streamAnswer(
        { model: settings.model, format: resolved.format, messages: fitted.messages, numCtx: resolved.numCtx, numPredict: settings.maxAnswerTokens, temperature: settings.temperature, keepAlive: settings.keepAlive },
        signal,
        (chunk) => batcher.push(chunk),
      );
      for await (const event of stream) if (event.kind === 'done') stats = event.stats;
    } catch (e) {
      error = toOllamaError(e, signal);
    }
    batcher.flush();

    const notes = notesFor(fitted, stats);
    const state = error ? (error.kind === 'cancelled' ? 'stopped' : 'failed') : 'done';
    turn = {
      ...turn,
      text,
      state,
      stats: stats && { model: stats.model, promptTokens: stats.promptEvalCount ?? fitted?.promptTokens, answerTokens: stats.evalCount, timeToFirstTokenMs: stats.timeToFirstTokenMs, tokensPerSecond: stats.tokensPerSecond },
      notes,
      error: error && error.kind !== 'cancelled' ? { message: error.message, actions: error.actions } : undefined,
    };
    const at = conv.turns.findIndex((t) => t.id === turn.id);
    if (at >= 0) conv.turns[at] = turn;
    if (this.conversation === conv) this.deps.post({ type: 'answerEnded', turn });
    this.logOutcome(settings.model, fitted, stats, error, text.length);
    this.deps.onStatus?.(statusFor(error?.kind), error);
    await this.persist(conv);
    // The conversation list shows titles and order by last use; both may have changed.
    this.history = await this.deps.store.list();
    this.deps.post({ type: 'history', history: this.history, currentId: conv.id });
    return { turn, error };
  }

  private async persist(conv: Conversation): Promise<void> {
    try {
      await this.deps.store.save(conv);
    } catch (e) {
      this.deps.log.warn(`could not save the conversation: ${String(e)}`);
    }
  }

  private logOutcome(model: string, fitted: FittedPrompt | undefined, stats: AnswerStats | undefined, error: OllamaError | undefined, chars: number): void {
    const parts = [`model=${model}`, `promptTokens=${fitted?.promptTokens ?? '-'}`, `ollamaPromptTokens=${stats?.promptEvalCount ?? '-'}`, `answerTokens=${stats?.evalCount ?? '-'}`, `chars=${chars}`];
    if (stats) parts.push(`ttft=${stats.timeToFirstTokenMs ?? '-'}ms`, `tps=${stats.tokensPerSecond?.toFixed(1) ?? '-'}`, `total=${stats.totalMs}ms`, `done=${stats.doneReason ?? '-'}`);
    parts.push(`outcome=${error ? error.kind : 'ok'}`);
    (error && error.kind !== 'cancelled' ? this.deps.log.warn : this.deps.log.info).call(this.deps.log, `chat ${parts.join(' ')}`);
  }
}

function toOllamaError(e: unknown, signal: AbortSignal): OllamaError {
  if (e instanceof OllamaError) return e;
  if (e instanceof BudgetExceededError) return new OllamaError('badRequest', e.message, ['openSettings']);
  if (signal.aborted) return new OllamaError('cancelled', 'Stopped.', []);
  return new OllamaError('unknown', e instanceof Error ? e.message : String(e), ['showLog']);
}

function statusFor(kind: OllamaErrorKind | undefined): SessionStatus {
  if (kind === 'unreachable' || kind === 'timeout' || kind === 'invalidHost') return 'offline';
  if (kind === 'modelNotFound') return 'modelMissing';
  return 'ready';
}

/** Earlier turns as model messages: answers that failed with nothing written are left out. */
function historyOf(turns: readonly TurnView[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (let i = 0; i + 1 < turns.length; i += 2) {
    const [q, a] = [turns[i], turns[i + 1]];
    if (q.role !== 'user' || a.role !== 'assistant' || a.text.trim() === '') continue;
    out.push({ role: 'user', content: q.text }, { role: 'assistant', content: a.text });
  }
  return out;
}

function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || 'New chat';
}

function notesFor(fitted: FittedPrompt | undefined, stats: AnswerStats | undefined): string[] | undefined {
  const notes: string[] = [];
  if (fitted) {
    const { historyMessages, linesBefore, linesAfter } = fitted.dropped;
    if (historyMessages > 0) notes.push(`${historyMessages / 2 >= 1 ? Math.ceil(historyMessages / 2) : historyMessages} earlier exchange(s) left out to fit the context window.`);
    if (linesBefore + linesAfter > 0) notes.push(`${linesBefore + linesAfter} line(s) of surrounding code left out to fit the context window (${linesBefore} above, ${linesAfter} below).`);
  }
  if (fitted && stats && promptWasTruncated(fitted.promptTokens, stats.promptEvalCount)) {
    notes.push(`Ollama read only ${stats.promptEvalCount} of the ${fitted.promptTokens} prompt tokens sent — it cut the start of the prompt, so this answer may lack context. Lower phi4.contextWindow or check the model's context length.`);
  }
  if (stats?.doneReason === 'length') notes.push('The answer hit the phi4.maxAnswerTokens limit and may be cut off.');
  return notes.length > 0 ? notes : undefined;
}
