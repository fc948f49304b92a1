// Fits a prompt into the context window by priority, and reports exactly what had to be left out.
import * as l10n from '@vscode/l10n';
import type { ChatMessage } from '../chatml/renderChatML';
import type { GatheredContext } from '../context/EditorContext';
import type { ContextItem } from '../protocol/contextItems';
import { composeUserMessage, type Surroundings } from '../prompt/composeUserMessage';
import type { DefinitionForm } from '../prompt/definitionBlock';
import { GENERATION_PROMPT_TOKENS, countMessageTokens, countTokens } from '../tokens/countTokens';
import { trimHistory, type TrimPolicy, type TrimmedHistory } from './trimHistory';
import { packDefinitions } from './packDefinitions';
import { packMentions } from './packMentions';
import type { Mention } from '../context/mentions/Mention';
import { reportItems } from './reportItems';

export interface PromptParts {
  readonly system: string;
  /** Earlier turns, oldest first. */
  readonly history: readonly ChatMessage[];
  readonly question: string;
  readonly context?: GatheredContext;
  /** What the user added explicitly, in the order added; packed before definitions. */
  readonly mentions?: readonly Mention[];
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
  /** Every part of this turn's context and what became of it, for the "Context used" list. */
  readonly items: readonly ContextItem[];
}

export class BudgetExceededError extends Error {
  constructor(readonly required: number, readonly available: number) {
    super(l10n.t('The request needs {0} tokens but only {1} fit (context window minus the answer reserve) — {2} too many. Select less code, or raise phi4.contextWindow if the model and server allow a larger window.', required, available, required - available));
    this.name = 'BudgetExceededError';
  }
}

export const DEFAULT_MARGIN = 32;

/** The share of the prompt's room history leaves to this turn's optional context (more when history is short). */
export const CONTEXT_SHARE = 0.25;

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
  const fixed = countMessageTokens(parts.system) + GENERATION_PROMPT_TOKENS;
  const must = fixed + countMessageTokens(composeUserMessage(parts.question, context, { before: 0, after: 0 }));
  if (must > available) throw new BudgetExceededError(must, available);

  // History is cut against a room that does not depend on this turn's optional context, so the cut, and with
  // it the server's cached prefix, stays put from turn to turn; the context gets the rest, at least a share of
  // the window. When that is not enough, in this order: definitions give way to their signatures, then a
  // block of older history goes (one cache miss), then whatever still does not fit is left out.
  const stableRoom = available - Math.max(must, fixed + Math.floor(available * CONTEXT_SHARE));
  let plan = planTurn(parts, available, fixed, 'whole', limits.trim, stableRoom);
  if (plan.leftOut > 0) {
    const shorter = planTurn(parts, available, fixed, 'signature', limits.trim, stableRoom);
    if (shorter.leftOut < plan.leftOut) plan = shorter;
  }
  if (plan.leftOut > 0 && plan.history.messages.length > 0) {
    const roomier = planTurn(parts, available, fixed, 'signature', limits.trim, available - fixed - plan.wanted());
    if (roomier.leftOut < plan.leftOut) plan = roomier;
  }
  const { user, used, history, keep } = plan;
  const messages: ChatMessage[] = [{ role: 'system', content: parts.system }, ...history.messages, { role: 'user', content: user }];
  return {
    messages,
    promptTokens: used,
    available,
    answerTokens: answerReserve(limits),
    dropped: {
      historyMessages: history.dropped,
      linesBefore: (context?.before.length ?? 0) - keep.before,
      linesAfter: (context?.after.length ?? 0) - keep.after,
    },
    items: reportItems(parts, keep, history),
  };
}

interface TurnPlan {
  readonly user: string;
  readonly used: number;
  readonly history: TrimmedHistory;
  readonly forms: DefinitionForm[];
  readonly keep: Surroundings;
  /** Definitions and mentions left out: what a roomier plan could save (surrounding code only fills what is left). */
  readonly leftOut: number;
  /** Tokens this turn's user message takes with every definition (as its signature) and mention, no surrounding code. */
  readonly wanted: () => number;
}

/** History trimmed to `historyRoom`, then this turn's user message with as much optional context as still fits (definitions at most `largest`). */
function planTurn(parts: PromptParts, available: number, fixed: number, largest: 'whole' | 'signature', trim: TrimPolicy | undefined, historyRoom: number): TurnPlan {
  const context = parts.context;
  const userFor = (keep: Surroundings): string => composeUserMessage(parts.question, context, keep, parts.mentions);
  // History is trimmed in large blocks so the prompt's start survives many turns.
  const history = trimHistory(parts.history, Math.max(0, historyRoom), trim);
  const room = available - history.tokens;
  let left = room - fixed - countMessageTokens(userFor({ before: 0, after: 0 }));
  const mentions = packMentions(parts.mentions ?? [], left);
  left -= mentions.used;
  const forms = packDefinitions(context?.definitions ?? [], left, largest);
  left -= forms.used;
  const { before, after } = packSurroundings(context, left);
  let keep: Surroundings = { before, after, definitions: forms.forms, mentions: mentions.forms };

  let user = userFor(keep);
  let used = fixed + countMessageTokens(user);
  // The estimates are per part; the exact count decides. Surroundings give way first, then definitions from the last.
  while (used > room) {
    const next = shrink(keep, parts.mentions ?? []);
    if (!next) break;
    keep = next;
    user = userFor(keep);
    used = fixed + countMessageTokens(user);
  }
  const all: Surroundings = { before: 0, after: 0, definitions: (context?.definitions ?? []).map(() => 'signature'), mentions: (parts.mentions ?? []).map(() => 'whole') };
  const leftOut = [...(keep.definitions ?? []), ...(keep.mentions ?? [])].filter((f) => f === 'omit').length;
  return { user, used: used + history.tokens, history, forms: [...(keep.definitions ?? [])], keep, leftOut, wanted: () => countMessageTokens(userFor(all)) };
}

/** Lines of surrounding code, nearest first on both sides, estimated per line (the exact check follows). */
function packSurroundings(context: GatheredContext | undefined, budget: number): { before: number; after: number } {
  let before = 0;
  let after = 0;
  let left = budget;
  if (!context) return { before, after };
  const headerCost = 24; // the "Code before/after it in … (lines a–b):" line and fences
  // Counted with its newline, as the line appears in the message: the exact check then reuses it.
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
  return { before, after };
}

/** One step smaller: a line of surroundings, else the last definition still sent goes to its signature or out, else the last mention to its outline or out. */
function shrink(keep: Surroundings, mentionList: readonly Mention[]): Surroundings | undefined {
  if (keep.before > 0 || keep.after > 0) return keep.before >= keep.after ? { ...keep, before: keep.before - 1 } : { ...keep, after: keep.after - 1 };
  const forms = [...(keep.definitions ?? [])];
  let last = forms.length - 1;
  while (last >= 0 && forms[last] === 'omit') last--;
  if (last >= 0) {
    forms[last] = forms[last] === 'whole' ? 'signature' : 'omit';
    return { ...keep, definitions: forms };
  }
  // Mentions give way last: the user asked for them.
  const mentions = [...(keep.mentions ?? [])];
  let m = mentions.length - 1;
  while (m >= 0 && mentions[m] === 'omit') m--;
  if (m < 0) return undefined;
  mentions[m] = mentions[m] === 'whole' && mentionList[m]?.reduced ? 'reduced' : 'omit';
  return { ...keep, mentions };
}
