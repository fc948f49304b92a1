// Loads the model before the first answer needs it (the chat view shown, Explain, Fix or Edit invoked), with
// the num_ctx every request carries, so the load is not paid again or twice. Skipped when /api/ps shows the
// model already loaded with that num_ctx; a model another client loaded differently costs one reload, once.
import type { Logger } from '../log/Logger';
import type { OllamaClient } from '../ollama/OllamaClient';
import type { ModelResolver } from './ModelResolver';
import type { RequestSettings } from './RequestSettings';

/** Only Ollama loads models on demand; a shared server keeps its model loaded. */
export interface PreloadServices {
  readonly settings: () => RequestSettings;
  readonly ollama: () => OllamaClient;
  readonly resolver: ModelResolver;
  readonly log: Logger;
}

export class ModelPreloader {
  private readonly done = new Set<string>();
  private running: { key: string; controller: AbortController; promise: Promise<void> } | undefined;
  private readonly listeners = new Set<(loading: boolean) => void>();
  private loading = false;

  /** `allowed`: false while the host may not be contacted yet (not valid, or not this machine and not agreed to). */
  constructor(
    private readonly services: PreloadServices,
    private readonly allowed: (settings: RequestSettings) => boolean,
  ) {}

  /** Told true while a load is under way, false when it ended, failed or was stopped. */
  onLoading(listener: (loading: boolean) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Once per host, model and window; a failure is logged, and the next trigger tries again. */
  ensure(): Promise<void> {
    const settings = this.services.settings();
    // A shared server keeps its model loaded, and Ollama's load call means nothing there.
    if (settings.provider !== 'ollama' || !this.allowed(settings)) return Promise.resolve();
    const key = `${settings.host}|${settings.model}|${settings.contextWindow}|${settings.promptFormat}`;
    if (this.done.has(key)) return Promise.resolve();
    if (this.running?.key === key) return this.running.promise;
    const controller = new AbortController();
    const promise = this.load(settings, controller.signal)
      .then(
        () => void this.done.add(key),
        (e: unknown) => this.services.log.warn(`preloading ${settings.model} failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        if (this.running?.controller !== controller) return;
        this.running = undefined;
        this.emit(false);
      });
    this.running = { key, controller, promise };
    return promise;
  }

  /** Stop: the load's request is closed (Ollama may finish loading on its own). */
  stop(): void {
    this.running?.controller.abort();
  }

  private async load(settings: RequestSettings, signal: AbortSignal): Promise<void> {
    const client = this.services.ollama();
    const resolved = await this.services.resolver.resolve(client, settings, signal);
    const name = settings.model.includes(':') ? settings.model : `${settings.model}:latest`;
    const loaded = await client.loadedModels(signal);
    if (loaded.some((m) => m.name === name && (m.contextLength === undefined || m.contextLength === resolved.numCtx))) return;
    this.emit(true);
    await client.preload(settings.model, resolved.numCtx, settings.keepAlive, signal);
    this.services.log.info(`preloaded ${settings.model} (num_ctx ${resolved.numCtx})`);
  }

  private emit(loading: boolean): void {
    if (loading === this.loading) return;
    this.loading = loading;
    for (const listener of this.listeners) listener(loading);
  }
}
