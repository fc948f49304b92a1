// Decides which Ollama URL to talk to: the user's setting, else OLLAMA_HOST as Ollama itself reads it, else loopback.

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
const DEFAULT_PORT = '11434';

export class InvalidHostError extends Error {
  constructor(readonly value: string, why: string) {
    super(`"${value}" is not a usable Ollama address (${why}). Use a URL such as ${DEFAULT_OLLAMA_HOST}.`);
    this.name = 'InvalidHostError';
  }
}

/**
 * Normalizes a host the way Ollama's envconfig does: scheme defaults to http, port to 11434,
 * and the bind-all addresses 0.0.0.0 / :: mean "this machine" for a client.
 */
export function normalizeHost(raw: string): string {
  let value = raw.trim();
  if (value === '::') value = '[::1]';
  if (value === '') throw new InvalidHostError(raw, 'it is empty');
  const withScheme = value.includes('://') ? value : `http://${value.startsWith(':') ? `127.0.0.1${value}` : value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InvalidHostError(raw, 'it cannot be parsed as a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidHostError(raw, `the scheme must be http or https, not ${url.protocol}`);
  if (url.hostname === '') throw new InvalidHostError(raw, 'it has no host name');
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  const explicitScheme = value.includes('://');
  const port = url.port || (explicitScheme ? (url.protocol === 'https:' ? '443' : '80') : DEFAULT_PORT);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.hostname}:${port}${path}`;
}

/** Setting wins when the user set it; otherwise OLLAMA_HOST from the environment; otherwise loopback. */
export function resolveHost(setting: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  if (setting !== undefined && setting.trim() !== '') return normalizeHost(setting);
  const fromEnv = env.OLLAMA_HOST;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return normalizeHost(fromEnv);
  return DEFAULT_OLLAMA_HOST;
}

/** True when requests to this host stay on this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = new URL(host).hostname;
  return name === 'localhost' || name === '[::1]' || /^127\./.test(name);
}
