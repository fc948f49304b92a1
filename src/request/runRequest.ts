// The one path every request travels: resolve the model and prompt format → fit the budget → stream from
// the server → one outcome (text, stats, notes, error). Chat, Explain, Fix and Edit differ only in the spec.
import * as l10n from '@vscode/l10n';
import { BudgetExceededError, fitToBudget, type FittedPrompt } from '../budget/fitToBudget';
import type { AnswerStats } from '../ollama/AnswerStats';
import { OllamaError } from '../ollama/OllamaError';
import { requestNotes } from './requestNotes';
import type { RequestOutcome, RequestServices, RequestSpec } from './RequestSpec';
import type { WireFormat } from '../ollama/OllamaClient';

/**
 * An answer longer than this many characters per requested token is the server ignoring num_predict
 * (or a stream that never ends); real code averages about four characters a token.
 */
export const MAX_CHARS_PER_TOKEN = 32;

export async function runRequest(services: RequestServices, spec: RequestSpec, signal: AbortSignal, onText?: (text: string) => void): Promise<RequestOutcome> {
  const settings = services.settings();
  const wanted = Math.max(settings.maxAnswerTokens, spec.minAnswerTokens ?? 0);
  let numPredict = wanted;
  // Our own abort, so an answer past its size cap can be ended without it counting as the user's Stop.
  const inner = new AbortController();
  const forward = (): void => inner.abort();
  if (signal.aborted) inner.abort();
  else signal.addEventListener('abort', forward, { once: true });

  const parts: string[] = [];
  let chars = 0;
  let capped = false;
  let fitted: FittedPrompt | undefined;
  let stats: AnswerStats | undefined;
  let error: OllamaError | undefined;
  let shared = 0;
  let format: WireFormat | undefined;
  let switched: string | undefined;
  const client = services.client();
  let model = settings.model;
  let promptKey = `${settings.host}|${settings.model}`;
  try {
    const refused = await services.mayContact?.(settings);
    if (refused) throw refused;
    const resolved = await services.resolver.resolve(client, settings, inner.signal);
    model = resolved.model;
    promptKey = `${settings.host}|${model}`;
    format = resolved.format;
    switched = spec.history.length > 0 ? switchNote(spec.continues, model, resolved.format) : undefined;
    fitted = fitToBudget({ system: spec.system, history: spec.history, question: spec.question, context: spec.context, mentions: spec.mentions }, { contextWindow: resolved.numCtx, maxAnswerTokens: wanted, trim: services.trimPolicy });
    // The budget may give the answer less than wanted (never more than half the window); ask for what it reserved.
    numPredict = fitted.answerTokens;
    const maxChars = numPredict * MAX_CHARS_PER_TOKEN;
    services.log.trace(`${spec.kind} prompt:\n${fitted.messages.map((m) => `[${m.role}] ${m.content}`).join('\n')}`);
    shared = services.lastPrompts?.sharedTokens(promptKey, fitted.messages) ?? 0;
    const request = { model, format: resolved.format, messages: fitted.messages, numCtx: resolved.numCtx, numPredict, promptTokens: fitted.promptTokens, temperature: settings.temperature, keepAlive: settings.keepAlive };
    const take = (text: string): void => {
      if (capped) return;
      parts.push(text);
      chars += text.length;
      onText?.(text);
      if (chars > maxChars) {
        capped = true;
        inner.abort();
      }
    };
    for await (const event of client.streamAnswer(request, inner.signal, take)) if (event.kind === 'done') stats = event.stats;
  } catch (e) {
    error = capped ? undefined : toRequestError(e, signal);
  } finally {
    signal.removeEventListener('abort', forward);
  }
  // What reached the server is now in its cache: the prompt and whatever was generated.
  if (fitted && (stats || parts.length > 0)) services.lastPrompts?.remember(promptKey, fitted.messages, parts.join(''));

  const notes = [...(spec.notes ?? []), ...(switched ? [switched] : []), ...requestNotes(fitted, stats, shared, settings.provider === 'ollama')];
  if (capped) notes.push(l10n.t('The answer was stopped after {0} characters, far more than the {1} tokens asked for: the server seems to ignore the length limit or repeat itself.', chars.toLocaleString('en-US'), numPredict));
  const outcome: RequestOutcome = { text: parts.join(''), model, fitted, stats, notes, error, cutOff: capped || stats?.doneReason === 'length', format };
  logOutcome(services, spec.kind, outcome);
  return outcome;
}

/**
 * Another model or prompt format than the conversation's last answer: nothing of the conversation can come from
 * the server's cache, and the user should know why this answer is slow to start.
 */
function switchNote(previous: RequestSpec['continues'], model: string, format: WireFormat): string | undefined {
  if (!previous) return undefined;
  const full = (name: string): string => (name.includes(':') ? name : `${name}:latest`);
  if (full(previous.model) !== full(model)) {
    return l10n.t("Mid-conversation, the model changed from {0} to {1}: the whole conversation is read again (nothing of it can come from the server's cache). The conversation keeps its own system text.", previous.model, model);
  }
  if (previous.format && previous.format !== format) {
    return l10n.t("Mid-conversation, the prompt format changed from {0} to {1}: the whole conversation is read again (nothing of it can come from the server's cache). The conversation keeps its own system text.", previous.format, format);
  }
  return undefined;
}

/** Every failure becomes an OllamaError the views know how to show. */
export function toRequestError(e: unknown, signal?: AbortSignal): OllamaError {
  if (e instanceof OllamaError) return e;
  if (e instanceof BudgetExceededError) return new OllamaError('badRequest', e.message, ['openSettings']);
  if (signal?.aborted) return new OllamaError('cancelled', l10n.t('Stopped.'), []);
  return new OllamaError('unknown', e instanceof Error ? e.message : String(e), ['showLog']);
}

function logOutcome(services: RequestServices, kind: string, o: RequestOutcome): void {
  const { fitted, stats, error } = o;
  const parts = [`model=${o.model}`, `promptTokens=${fitted?.promptTokens ?? '-'}`, `serverPromptTokens=${stats?.promptEvalCount ?? '-'}`, `cachedTokens=${stats?.promptEvalCachedCount ?? '-'}`, `answerTokens=${stats?.evalCount ?? '-'}`, `chars=${o.text.length}`];
  if (stats) parts.push(`ttft=${stats.timeToFirstTokenMs ?? '-'}ms`, `tps=${stats.tokensPerSecond?.toFixed(1) ?? '-'}`, `total=${stats.totalMs}ms`, `done=${stats.doneReason ?? '-'}`);
  parts.push(`outcome=${error ? error.kind : 'ok'}`);
  const log = services.log;
  (error && error.kind !== 'cancelled' ? log.warn : log.info).call(log, `${kind} ${parts.join(' ')}`);
}
