// What /api/show tells us about a model, reduced to what prompting needs.
import type { ShowResponse } from 'ollama/browser';
import { detectFormat } from './detectFormat';

export interface ModelInfo {
  /** Trained context length, if the server reports it. */
  readonly contextLength?: number;
  readonly template: string;
  readonly stop: readonly string[];
  /** Which prompt dialect `promptFormat: auto` should use. */
  readonly detectedFormat: 'phi4' | 'chatml' | 'ollama-template';
}

export function parseModelInfo(model: string, show: Pick<ShowResponse, 'template' | 'parameters' | 'model_info'>): ModelInfo {
  const info = (show.model_info ?? {}) as unknown as Record<string, unknown>;
  let contextLength: number | undefined;
  for (const [key, value] of Object.entries(info)) {
    if (key.endsWith('.context_length') && typeof value === 'number') contextLength = value;
  }
  const stop: string[] = [];
  for (const line of (show.parameters ?? '').split('\n')) {
    const m = /^\s*stop\s+"?(.*?)"?\s*$/.exec(line);
    if (m) stop.push(m[1]);
  }
  const template = show.template ?? '';
  return { contextLength, template, stop, detectedFormat: detectFormat(model, template) };
}
