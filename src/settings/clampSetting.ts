// Keeps a numeric setting inside the range the extension works with. Values come from settings.json files,
// a repository's own .vscode/settings.json among them, so anything can arrive: huge numbers, strings, null.

import * as l10n from '@vscode/l10n';
export interface NumericBounds {
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
  /** Whole numbers only (token counts, seconds, conversations). */
  readonly integer: boolean;
  /** One value outside [min, max] with a meaning of its own, e.g. contextWindow 0 = automatic. */
  readonly special?: number;
}

export interface Clamped {
  readonly value: number;
  /** Set when the value was replaced, saying what was used instead; the caller logs it. */
  readonly note?: string;
}

/**
 * Ranges of the numeric phi4.* settings, mirrored by `minimum`/`maximum` in package.json (a unit test
 * keeps them equal). The upper ends keep a value usable: Node fires a timer longer than 2^31-1 ms at once,
 * and an answer reserve larger than any model's window would make every prompt "too long".
 */
export const NUMERIC_SETTING_BOUNDS = {
  contextWindow: { min: 512, max: 131072, fallback: 0, integer: true, special: 0 },
  maxAnswerTokens: { min: 64, max: 8192, fallback: 2048, integer: true },
  temperature: { min: 0, max: 2, fallback: 0.2, integer: false },
  loadTimeoutSeconds: { min: 5, max: 3600, fallback: 300, integer: true },
  maxConversations: { min: 1, max: 500, fallback: 50, integer: true },
  stallTimeoutSeconds: { min: 10, max: 3600, fallback: 120, integer: true },
  'context.timeoutMs': { min: 50, max: 2000, fallback: 300, integer: true },
} as const satisfies Record<string, NumericBounds>;

export type NumericSettingKey = keyof typeof NUMERIC_SETTING_BOUNDS;

export function clampSetting(key: string, raw: unknown, bounds: NumericBounds): Clamped {
  if (raw === undefined) return { value: bounds.fallback };
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    const shown = typeof raw === 'number' ? String(raw) : (JSON.stringify(raw) ?? String(raw));
    return { value: bounds.fallback, note: l10n.t('phi4.{0} is {1}, which is not a usable number; using the default {2}.', key, shown, bounds.fallback) };
  }
  const value = bounds.integer ? Math.floor(raw) : raw;
  if (value === bounds.special) return { value };
  if (value < bounds.min) return { value: bounds.min, note: l10n.t('phi4.{0} is {1}, below the smallest usable value; using {2}.', key, raw, bounds.min) };
  if (value > bounds.max) return { value: bounds.max, note: l10n.t('phi4.{0} is {1}, above the largest usable value; using {2}.', key, raw, bounds.max) };
  return { value };
}
