// Decides, once per model and settings, the prompt format and the num_ctx every request will carry.
import * as l10n from '@vscode/l10n';
import type { WireFormat } from '../ollama/OllamaClient';
import { OllamaError } from '../ollama/OllamaError';
import type { AnswerClient } from './AnswerClient';
import type { RequestSettings } from './RequestSettings';

export interface ResolvedModel {
  /** The model to name in requests: phi4.model, or the one model a shared server serves when it is unset. */
  readonly model: string;
  readonly format: WireFormat;
  /** Constant for a model: a different num_ctx would make Ollama reload it. */
  readonly numCtx: number;
}

/** Phi-4's trained context, used when the server does not say. */
export const PHI4_CONTEXT = 16384;

export class ModelResolver {
  private cache = new Map<string, Promise<ResolvedModel>>();

  async resolve(client: AnswerClient, settings: RequestSettings, signal?: AbortSignal): Promise<ResolvedModel> {
    const key = `${settings.provider}|${settings.host}|${settings.model}|${settings.contextWindow}|${settings.promptFormat}`;
    let pending = this.cache.get(key);
    if (!pending) {
      // Shared by every request waiting on it, so no one caller's Stop may cancel it; it has its own time limit.
      pending = this.lookup(client, settings);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return signal ? untilAborted(pending, signal) : pending;
  }

  invalidate(): void {
    this.cache.clear();
  }

  private async lookup(client: AnswerClient, settings: RequestSettings): Promise<ResolvedModel> {
    const model = settings.model || (await onlyServedModel(client));
    const info = await client.showModel(model);
    const trained = info.contextLength ?? PHI4_CONTEXT;
    // Ollama caps num_ctx at the trained length, and a shared server rejects every prompt over its own
    // limit: budgeting above either would fail or silently overflow.
    const numCtx = settings.contextWindow > 0 ? Math.min(settings.contextWindow, trained) : trained;
    let format = settings.promptFormat === 'auto' ? info.detectedFormat : settings.promptFormat;
    // A completions endpoint has no template of its own to apply: Phi-4's ChatML is sent raw.
    if (settings.provider === 'openai-compatible' && format === 'ollama-template') format = 'phi4';
    return { model, format, numCtx };
  }
}

/** With phi4.model unset, a server that serves exactly one model answers with that one. */
async function onlyServedModel(client: AnswerClient): Promise<string> {
  const models = await client.listModels();
  if (models.length === 1) return models[0].name;
  const names = models.map((m) => m.name).join(', ');
  const message =
    models.length === 0
      ? l10n.t('phi4.model is not set and the server at {0} serves no model: choose the model to use.', client.host)
      : l10n.t('phi4.model is not set and the server at {0} serves {1} models ({2}): choose the model to use.', client.host, models.length, names);
  return Promise.reject(new OllamaError('modelNotFound', message, ['selectModel', 'openSettings']));
}

/** The shared lookup for one caller: it stops waiting when that caller stops, the lookup goes on for the others. */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new OllamaError('cancelled', l10n.t('Stopped.'), []));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new OllamaError('cancelled', l10n.t('Stopped.'), []));
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
