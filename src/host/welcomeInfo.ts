// What the empty chat's welcome says: where prompts go, judged as the status bar judges it, and the default
// keys as this extension's package.json binds them (read from the installed manifest, never copied).
import * as vscode from 'vscode';
import { isLoopbackHost } from '../ollama/resolveHost';
import type { WelcomeInfo } from '../protocol/messages';
import { welcomeKeys, type WelcomeKeys } from '../protocol/welcomeKeys';
import type { Settings } from './settings';

const EXTENSION_ID = 'phi4-local.phi4-local';
let keys: WelcomeKeys | undefined;

/** Read once: the installed manifest does not change while the extension runs. */
function manifestKeys(): WelcomeKeys {
  if (keys) return keys;
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes?: { keybindings?: unknown } } | undefined;
  return manifest ? (keys = welcomeKeys(manifest.contributes?.keybindings)) : {};
}

export function welcomeInfo(settings: Pick<Settings, 'provider' | 'host'>): WelcomeInfo {
  const { provider, host } = settings;
  return { destination: { provider, host, local: host !== '' && isLoopbackHost(host) }, keys: manifestKeys() };
}
