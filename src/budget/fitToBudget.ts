// Fits a prompt into the context window by priority, and reports exactly what had to be left out.
import type { ChatMessage } from '../chatml/renderChatML';
import type { GatheredContext } from '../context/EditorContext';
import { composeUserMessage } from '../prompt/composeUserMessage';
import { GENERATION_PROMPT_TOKENS, countMessageTokens, countTokens } from '../tokens/countTokens';
import { trimHistory, type TrimPolicy } from './trimHistory';

export interface PromptParts {
  readonly system: string;
  /** Earlier turns, oldest first. */
  readonly history: readonly ChatMessage[];
  readonly question: string;
  readonly context?: GatheredContext;
}

export interface BudgetLimits {
  readonly contextWindow: number;
  readonly maxAnswerTokens: number;
  /** Reserve for tokenizer differences between our count and the server's. */
  readonly margin?: number;
  /** How earlier turns are left out when they do not all fit (BLOCK_TRIM unless given). */
  readonly trim?: TrimPolicy;
}

export interface DroppedContext {
  readonly historyMessages: number;
  readonly linesBefore: number;
  readonly linesAfter: number;
}

export interface FittedPrompt {
  readonly messages: ChatMessage[];
  /** Exact count of the rendered prompt, including the generation prompt. */
  readonly promptTokens: number;
  readonly available: number;
  /** Tokens reserved for the answer: send this as num_predict, so the answer always fits beside the prompt. */
  readonly answerTokens: number;
  readonly dropped: DroppedContext;
}

export class BudgetExceededError extends Error {
  constructor(readonly required: number, readonly available: number) {
    super(`The request needs ${required} tokens but only ${available} fit (context window minus the answer reserve) — ${required - available} too many. Select less code or raise phi4.contextWindow.`);
    this.name = 'BudgetExceededError';
  }
}

export const DEFAULT_MARGIN = 32;

/** At most half the window goes to the answer: a long phi4.maxAnswerTokens must not leave a small model's window no room for any prompt. */
export function answerReserve(limits: BudgetLimits): number {
  return Math.max(0, Math.min(limits.maxAnswerTokens, Math.floor(limits.contextWindow / 2)));
}

export function availableForPrompt(limits: BudgetLimits): number {
  return limits.contextWindow - answerReserve(limits) - (limits.margin ?? DEFAULT_MARGIN);
}

export function fitToBudget(parts: PromptParts, limits: BudgetLimits): FittedPrompt {
  const available = availableForPrompt(limits);
  const context = parts.context;
  const userFor = (before: number, after: number): string => composeUserMessage(parts.question, context, { before, after });

  const fixed = countMessageTokens(parts.system) + GENERATION_PROMPT_TOKENS;
  const must = fixed + countMessageTokens(userFor(0, 0));
  if (must > available) throw new BudgetExceededError(must, available);

  // Surrounding code comes before history in priority; estimate per line, then verify exactly.
  let before = 0;
  let after = 0;
  let left = available - must;
  if (context) {
    const headerCost = 24; // the "Code before/after it in … (lines a–b):" line and fences
    // Counted with its newline, as the line appears in the message: the exact check below then reuses it.
    const cost = (line: string): number => countTokens(`${line}\n`);
    let beforeOpen = context.before.length > 0 && left > headerCost;
    let afterOpen = context.after.length > 0 && left > headerCost * 2;
    if (beforeOpen) left -= headerCost;
    if (afterOpen) left -= headerCost;
    while (beforeOpen || afterOpen) {
      if (beforeOpen) {
        const c = cost(context.before[context.before.length - 1 - before]);
        if (c <= left) { left -= c; before++; } else beforeOpen = false;
        if (before === context.before.length) beforeOpen = false;
      }
      if (afterOpen) {
        const c = cost(context.after[after]);
        if (c <= left) { left -= c; after++; } else afterOpen = false;
        if (after === context.after.length) afterOpen = false;
      }
    }
  }

  let user = userFor(before, after);
  let used = fixed + countMessageTokens(user);
  while (used > available && (before > 0 || after > 0)) {
    if (before >= after) before--; else after--;
    user = userFor(before, after);
    used = fixed + countMessageTokens(user);
  }

  // History gets the room left, trimmed in large blocks so the prompt's start survives many turns.
  const history = trimHistory(parts.history, available - used, limits.trim);
  used += history.tokens;

  const messages: ChatMessage[] = [{ role: 'system', content: parts.system }, ...history.messages, { role: 'user', content: user }];
  return {
    messages,
    promptTokens: used,
    available,
    answerTokens: answerReserve(limits),
    dropped: {
      historyMessages: history.dropped,
      linesBefore: (context?.before.length ?? 0) - before,
      linesAfter: (context?.after.length ?? 0) - after,
    },
  };
}
