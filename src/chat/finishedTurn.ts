// What a finished request means for the conversation: the answer's turn as the views show it, the session's
// status, and a title for a new conversation.
import * as l10n from '@vscode/l10n';
import type { OllamaErrorKind } from '../ollama/OllamaError';
import type { TurnView } from '../protocol/messages';
import type { RequestOutcome } from '../request/RequestSpec';
import type { SessionStatus } from './ChatSession';

export function finishedTurn(turn: TurnView, outcome: RequestOutcome): TurnView {
  const { error, stats, fitted } = outcome;
  return {
    ...turn,
    text: outcome.text,
    state: error ? (error.kind === 'cancelled' ? 'stopped' : 'failed') : 'done',
    stats: stats && {
      model: stats.model,
      promptTokens: stats.promptEvalCount ?? fitted?.promptTokens,
      answerTokens: stats.evalCount,
      timeToFirstTokenMs: stats.timeToFirstTokenMs,
      tokensPerSecond: stats.tokensPerSecond,
      cachedPromptTokens: stats.promptEvalCachedCount,
      promptEvalMs: stats.promptEvalMs,
      loadMs: stats.loadMs,
      format: outcome.format,
    },
    notes: outcome.notes.length > 0 ? outcome.notes : undefined,
    error: error && error.kind !== 'cancelled' ? { message: error.message, actions: error.actions } : undefined,
  };
}

export function statusFor(kind: OllamaErrorKind | undefined): SessionStatus {
  if (kind === 'unreachable' || kind === 'timeout' || kind === 'invalidHost') return 'offline';
  if (kind === 'modelNotFound') return 'modelMissing';
  return 'ready';
}

export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || l10n.t('New chat');
}
