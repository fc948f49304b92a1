// The one place that reads phi4.* settings. Keys are typed so a typo cannot silently read nothing.
import * as vscode from 'vscode';
import type { ChatSettings, PromptFormatSetting } from '../chat/ChatSettings';
import { DEFAULT_OLLAMA_HOST, resolveHost } from '../ollama/resolveHost';

export const SETTING_KEYS = [
  'ollamaHost',
  'model',
  'contextWindow',
  'maxAnswerTokens',
  'temperature',
  'keepAlive',
  'promptFormat',
  'loadTimeoutSeconds',
  'maxConversations',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface Settings extends ChatSettings {
  /** Set when phi4.ollamaHost is unusable; requests then fail with this message instead of going anywhere. */
  readonly hostError?: string;
  readonly loadTimeoutMs: number;
  readonly maxConversations: number;
}

function get<T>(config: vscode.WorkspaceConfiguration, key: SettingKey, fallback: T): T {
  return config.get<T>(key, fallback);
}

function userSetHost(config: vscode.WorkspaceConfiguration): string | undefined {
  const inspected = config.inspect<string>('ollamaHost');
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const config = vscode.workspace.getConfiguration('phi4');
  let host = DEFAULT_OLLAMA_HOST;
  let hostError: string | undefined;
  try {
    host = resolveHost(userSetHost(config), env);
  } catch (e) {
    hostError = e instanceof Error ? e.message : String(e);
  }
  const format = get<string>(config, 'promptFormat', 'auto');
  const keepAlive = String(get<string | number>(config, 'keepAlive', '30m')).trim();
  return {
    host,
    hostError,
    model: get(config, 'model', 'phi4').trim() || 'phi4',
    contextWindow: Math.max(0, Math.floor(get(config, 'contextWindow', 0))),
    maxAnswerTokens: Math.max(64, Math.floor(get(config, 'maxAnswerTokens', 2048))),
    temperature: Math.min(2, Math.max(0, get(config, 'temperature', 0.2))),
    // Ollama rejects a bare number string ("10") with 400; a unit-less value means seconds.
    keepAlive: /^-?\d+$/.test(keepAlive) ? `${keepAlive}s` : keepAlive || '30m',
    promptFormat: (['auto', 'phi4', 'chatml', 'ollama-template'].includes(format) ? format : 'auto') as PromptFormatSetting,
    loadTimeoutMs: Math.max(5, get(config, 'loadTimeoutSeconds', 300)) * 1000,
    maxConversations: clampConversations(get<unknown>(config, 'maxConversations', 50)),
  };
}

/** The manifest's bounds, enforced here too: settings.json accepts any value, and 0 or 1e9 must not reach the store. */
function clampConversations(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(500, Math.max(1, Math.floor(value))) : 50;
}

export async function updateSetting(key: SettingKey, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('phi4').update(key, value, vscode.ConfigurationTarget.Global);
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('phi4');
}
