// The one place that reads phi4.* settings. Keys are typed so a typo cannot silently read nothing.
import * as vscode from 'vscode';
import type { RequestSettings, PromptFormatSetting, Provider } from '../request/RequestSettings';
import { normalizeBaseUrl } from '../openai/normalizeBaseUrl';
import { NUMERIC_SETTING_BOUNDS, clampSetting, type NumericSettingKey } from '../settings/clampSetting';
import type { Logger } from '../log/Logger';
import { DEFAULT_OLLAMA_HOST, resolveHost } from '../ollama/resolveHost';

export const SETTING_KEYS = [
  'provider',
  'openaiCompatible.baseUrl',
  'ollamaHost',
  'model',
  'contextWindow',
  'maxAnswerTokens',
  'temperature',
  'keepAlive',
  'promptFormat',
  'loadTimeoutSeconds',
  'maxConversations',
  'stallTimeoutSeconds',
  'instructions',
  'context.definitions',
  'context.timeoutMs',
  'announceWhileStreaming',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface Settings extends RequestSettings {
  /** Set when phi4.ollamaHost is unusable; requests then fail with this message instead of going anywhere. */
  readonly hostError?: string;
  readonly loadTimeoutMs: number;
  /** Longest silence once an answer has started; then it is stopped as stalled. */
  readonly stallTimeoutMs: number;
  readonly maxConversations: number;
  /** phi4.instructions: application-scoped, so no repository can set it. */
  readonly instructions: string;
  /** phi4.context.definitions: send the definitions the focus code uses, found by the language server. */
  readonly contextDefinitions: boolean;
  /** phi4.context.timeoutMs: the longest a request waits for the language server. */
  readonly contextTimeoutMs: number;
  /** Screen readers hear an answer sentence by sentence as it streams, instead of once at its end. */
  readonly announceWhileStreaming: boolean;
}

// No trust check here: for the settings in package.json's restrictedConfigurations, VS Code itself
// leaves workspace values out of both get() and inspect() while the workspace is untrusted
// (docs/SETTINGS-SCOPES.md), and application-scoped settings are never read from a workspace.

/** A string setting; a settings file can hold any JSON there, and a number must not crash the reader. */
function text(config: vscode.WorkspaceConfiguration, key: SettingKey, fallback: string): string {
  const value = config.get<unknown>(key);
  return typeof value === 'string' ? value : fallback;
}

/** The value the user wrote anywhere (the package default not counted), if it is a string. */
function userSetText(config: vscode.WorkspaceConfiguration, key: SettingKey): string | undefined {
  const inspected = config.inspect<unknown>(key);
  const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  return typeof value === 'string' ? value : undefined;
}

/** Reads a numeric setting clamped to its usable range; `log` hears about every value that was replaced. */
function numeric(config: vscode.WorkspaceConfiguration, key: NumericSettingKey, log: Pick<Logger, 'warn'> | undefined): number {
  const { value, note } = clampSetting(key, config.get<unknown>(key), NUMERIC_SETTING_BOUNDS[key]);
  if (note) log?.warn(note);
  return value;
}

export function readSettings(log?: Pick<Logger, 'warn'>, env: NodeJS.ProcessEnv = process.env): Settings {
  const config = vscode.workspace.getConfiguration('phi4');
  const provider: Provider = text(config, 'provider', 'ollama') === 'openai-compatible' ? 'openai-compatible' : 'ollama';
  let host = DEFAULT_OLLAMA_HOST;
  let hostError: string | undefined;
  try {
    host = provider === 'ollama' ? resolveHost(userSetText(config, 'ollamaHost'), env) : normalizeBaseUrl(text(config, 'openaiCompatible.baseUrl', ''));
  } catch (e) {
    hostError = e instanceof Error ? e.message : String(e);
    if (provider === 'openai-compatible') host = '';
  }
  // A shared server names its models freely (microsoft/phi-4, a --served-model-name); unset, its only model is used.
  const model = provider === 'ollama' ? text(config, 'model', 'phi4').trim() || 'phi4' : (userSetText(config, 'model') ?? '').trim();
  const format = text(config, 'promptFormat', 'auto');
  // keepAlive is a duration string, but a plain number of seconds is what people often write.
  const rawKeepAlive = config.get<unknown>('keepAlive');
  const keepAlive = (typeof rawKeepAlive === 'number' && Number.isFinite(rawKeepAlive) ? String(rawKeepAlive) : text(config, 'keepAlive', '30m')).trim();
  return {
    provider,
    host,
    hostError,
    model,
    contextWindow: numeric(config, 'contextWindow', log),
    maxAnswerTokens: numeric(config, 'maxAnswerTokens', log),
    temperature: numeric(config, 'temperature', log),
    // Ollama rejects a bare number string ("10") with 400; a unit-less value means seconds.
    keepAlive: /^-?\d+$/.test(keepAlive) ? `${keepAlive}s` : keepAlive || '30m',
    promptFormat: (['auto', 'phi4', 'chatml', 'ollama-template'].includes(format) ? format : 'auto') as PromptFormatSetting,
    loadTimeoutMs: numeric(config, 'loadTimeoutSeconds', log) * 1000,
    maxConversations: numeric(config, 'maxConversations', log),
    stallTimeoutMs: numeric(config, 'stallTimeoutSeconds', log) * 1000,
    instructions: text(config, 'instructions', ''),
    contextDefinitions: config.get<unknown>('context.definitions') !== false,
    contextTimeoutMs: numeric(config, 'context.timeoutMs', log),
    announceWhileStreaming: config.get<unknown>('announceWhileStreaming') === true,
  };
}

export async function updateSetting(key: SettingKey, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('phi4').update(key, value, vscode.ConfigurationTarget.Global);
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('phi4');
}
