// Decides, once per model and settings, the prompt format and the num_ctx every request will carry.
import type { OllamaClient, WireFormat } from '../ollama/OllamaClient';
import { OllamaError } from '../ollama/OllamaError';
import type { RequestSettings } from './RequestSettings';

export interface ResolvedModel {
  readonly format: WireFormat;
  /** Constant for a model: a different num_ctx would make Ollama reload it. */
  readonly numCtx: number;
}

/** Phi-4's trained context, used when the server does not say. */
export const PHI4_CONTEXT = 16384;

export class ModelResolver {
  private cache = new Map<string, Promise<ResolvedModel>>();

  async resolve(client: OllamaClient, settings: RequestSettings, signal?: AbortSignal): Promise<ResolvedModel> {
    const key = `${settings.host}|${settings.model}|${settings.contextWindow}|${settings.promptFormat}`;
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

  private async lookup(client: OllamaClient, settings: RequestSettings): Promise<ResolvedModel> {
    const info = await client.showModel(settings.model);
    const trained = info.contextLength ?? PHI4_CONTEXT;
    // Ollama caps num_ctx at the trained length; budgeting above it would silently overflow.
    const numCtx = settings.contextWindow > 0 ? Math.min(settings.contextWindow, trained) : trained;
    const format = settings.promptFormat === 'auto' ? info.detectedFormat : settings.promptFormat;
    return { format, numCtx };
  }
}

/** The shared lookup for one caller: it stops waiting when that caller stops, the lookup goes on for the others. */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new OllamaError('cancelled', 'Stopped.', []));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new OllamaError('cancelled', 'Stopped.', []));
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
