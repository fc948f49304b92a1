// Decides, once per model and settings, the prompt format and the num_ctx every request will carry.
import type { OllamaClient, WireFormat } from '../ollama/OllamaClient';
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
      pending = this.lookup(client, settings, signal);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return pending;
  }

  invalidate(): void {
    this.cache.clear();
  }

  private async lookup(client: OllamaClient, settings: RequestSettings, signal?: AbortSignal): Promise<ResolvedModel> {
    const info = await client.showModel(settings.model, signal);
    const trained = info.contextLength ?? PHI4_CONTEXT;
    // Ollama caps num_ctx at the trained length; budgeting above it would silently overflow.
    const numCtx = settings.contextWindow > 0 ? Math.min(settings.contextWindow, trained) : trained;
    const format = settings.promptFormat === 'auto' ? info.detectedFormat : settings.promptFormat;
    return { format, numCtx };
  }
}
