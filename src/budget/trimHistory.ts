// Which earlier turns a prompt re-sends once they no longer all fit. Ollama reuses the cached start of the
// previous prompt (../shared/reference/ollama-kv-cache.md): dropping one old turn per request changes that
// start every time, so every turn re-evaluates the whole history. Dropping a large block at once costs one
// re-evaluation and leaves room for many turns that only append.
import type { ChatMessage } from '../chatml/renderChatML';
import { countMessageTokens } from '../tokens/countTokens';

export interface TrimPolicy {
  /** After an overflow, history is cut down to this share of its room (1 = just enough: a sliding window). */
  readonly keepShare: number;
  /** The conversation's first exchange stays when it costs at most this share of the room (0 = never). */
  readonly pinFirstShare: number;
}

/** Chosen with `npm run bench` (B8): see docs/PERFORMANCE.md. */
export const BLOCK_TRIM: TrimPolicy = { keepShare: 0.5, pinFirstShare: 0.25 };

export interface TrimmedHistory {
  readonly messages: ChatMessage[];
  readonly tokens: number;
  /** Messages left out. */
  readonly dropped: number;
}

/** Exchanges (a question with its answer, or a lone message) as [start, end) message ranges with their cost. */
function exchangesOf(history: readonly ChatMessage[]): { start: number; end: number; cost: number }[] {
  const out: { start: number; end: number; cost: number }[] = [];
  for (let i = 0; i < history.length; ) {
    const end = history[i].role === 'user' && history[i + 1]?.role === 'assistant' ? i + 2 : i + 1;
    let cost = 0;
    for (let j = i; j < end; j++) cost += countMessageTokens(history[j].content);
    out.push({ start: i, end, cost });
    i = end;
  }
  return out;
}

/**
 * Replays the conversation's growth with today's room: wherever the history would have overflowed, the oldest
 * exchanges go until it is down to `keepShare` of the room. The same conversation and room give the same cut,
 * so turn after turn the prompt keeps its start until the next overflow.
 */
export function trimHistory(history: readonly ChatMessage[], room: number, policy: TrimPolicy = BLOCK_TRIM): TrimmedHistory {
  const exchanges = exchangesOf(history);
  const pinned = exchanges.length > 1 && exchanges[0].cost <= room * policy.pinFirstShare ? exchanges[0] : undefined;
  const fixed = pinned?.cost ?? 0;
  let from = pinned ? 1 : 0;
  let sum = 0;
  for (let i = from; i < exchanges.length; i++) {
    sum += exchanges[i].cost;
    if (fixed + sum <= room) continue;
    while (from <= i && fixed + sum > room * policy.keepShare) sum -= exchanges[from++].cost;
  }
  const kept = exchanges.slice(from);
  if (pinned) kept.unshift(pinned);
  const messages = kept.flatMap((e) => history.slice(e.start, e.end));
  return { messages, tokens: kept.reduce((n, e) => n + e.cost, 0), dropped: history.length - messages.length };
}
