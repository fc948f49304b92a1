// The time limits and clock both providers' clients use, with the defaults filled in once.
import type { ClientOptions } from './OllamaClient';

export interface ClientLimits {
  readonly loadTimeoutMs: number;
  readonly quickTimeoutMs: number;
  readonly stallTimeoutMs: number;
  readonly now: () => number;
}

export function clientLimits(options: ClientOptions): ClientLimits {
  return {
    loadTimeoutMs: options.loadTimeoutMs ?? 300_000,
    quickTimeoutMs: options.quickTimeoutMs ?? 10_000,
    stallTimeoutMs: options.stallTimeoutMs ?? 120_000,
    now: options.now ?? (() => performance.now()),
  };
}
