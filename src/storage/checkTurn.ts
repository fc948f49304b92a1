// A stored turn is untrusted input: it may be damaged, or hand-edited. Only a turn with the fields every view
// relies on is accepted; an optional field of the wrong shape is dropped rather than the whole turn.
import { isContextItem } from '../protocol/contextItems';
import { ACTION_LABELS, type ActionId, type ContextChip, type StatsView, type TurnState, type TurnView } from '../protocol/messages';

type Fields = Readonly<Record<string, unknown>>;

export const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

const TURN_STATES: readonly unknown[] = ['streaming', 'done', 'stopped', 'failed'] satisfies TurnState[];
const ACTIONS: readonly unknown[] = Object.keys(ACTION_LABELS);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The turn, or undefined when it lacks an id, a role or its text. */
export function checkTurn(raw: unknown): TurnView | undefined {
  if (!isRecord(raw)) return undefined;
  const { id, role, text } = raw;
  if (typeof id !== 'string' || id === '' || (role !== 'user' && role !== 'assistant') || typeof text !== 'string') return undefined;
  const turn: { -readonly [K in keyof TurnView]: TurnView[K] } = { id, role, text };
  const context = checkChip(raw.context);
  if (context) turn.context = context;
  if (typeof raw.sent === 'string') turn.sent = raw.sent;
  if (Array.isArray(raw.contextUsed)) turn.contextUsed = raw.contextUsed.filter(isContextItem).slice(0, 500);
  if (TURN_STATES.includes(raw.state)) turn.state = raw.state as TurnState;
  const stats = checkStats(raw.stats);
  if (stats) turn.stats = stats;
  if (Array.isArray(raw.notes) && raw.notes.every((n) => typeof n === 'string')) turn.notes = raw.notes as string[];
  if (isRecord(raw.error) && typeof raw.error.message === 'string') {
    const actions = Array.isArray(raw.error.actions) ? raw.error.actions.filter((a): a is ActionId => ACTIONS.includes(a)) : [];
    turn.error = { message: raw.error.message, actions };
  }
  return turn;
}

function checkChip(raw: unknown): ContextChip | undefined {
  if (!isRecord(raw) || typeof raw.label !== 'string' || typeof raw.languageId !== 'string' || !isNumber(raw.lineCount)) return undefined;
  return { label: raw.label, languageId: raw.languageId, lineCount: raw.lineCount };
}

function checkStats(raw: unknown): StatsView | undefined {
  if (!isRecord(raw) || typeof raw.model !== 'string') return undefined;
  const stats: { -readonly [K in keyof StatsView]: StatsView[K] } = { model: raw.model };
  for (const key of ['promptTokens', 'answerTokens', 'timeToFirstTokenMs', 'tokensPerSecond', 'cachedPromptTokens', 'promptEvalMs', 'loadMs'] as const) {
    const value = raw[key];
    if (isNumber(value)) stats[key] = value;
  }
  if (typeof raw.format === 'string') stats.format = raw.format;
  return stats;
}
