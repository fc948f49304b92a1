// Decides which Ollama URL to talk to: the user's setting, else OLLAMA_HOST as Ollama itself reads it, else loopback.
import * as l10n from '@vscode/l10n';
import { isIP } from 'node:net';

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
const DEFAULT_PORT = '11434';

export class InvalidHostError extends Error {
  /** `why`: the reason, a clause shown in parentheses. */
  constructor(readonly value: string, why: string) {
    super(l10n.t('"{0}" is not a usable Ollama address ({1}). Use a URL such as {2}.', value, why, DEFAULT_OLLAMA_HOST));
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
  if (value === '') throw new InvalidHostError(raw, l10n.t('it is empty'));
  const withScheme = value.includes('://') ? value : `http://${value.startsWith(':') ? `127.0.0.1${value}` : value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InvalidHostError(raw, l10n.t('it cannot be parsed as a URL'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidHostError(raw, l10n.t('the scheme must be http or https, not {0}', url.protocol));
  if (url.hostname === '') throw new InvalidHostError(raw, l10n.t('it has no host name'));
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

/** The eight 16-bit groups of an IPv6 literal (without brackets), a trailing dotted IPv4 part included. */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = dotted ? address.slice(0, dotted.index) + (((+dotted[1] << 8) | +dotted[2]).toString(16) + ':' + ((+dotted[3] << 8) | +dotted[4]).toString(16)) : address;
  const [head, tail] = hex.includes('::') ? hex.split('::') : [hex, undefined];
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * True when requests to this host stay on this machine: exactly the name `localhost` (trailing dot
 * allowed) or a loopback IP literal — 127.0.0.0/8, ::1, or 127.x mapped into IPv6 (::ffff:7f00:1). A name
 * is never judged by how it looks: `127.evil.example` resolves wherever its owner wants. The URL parser
 * has already turned decimal and hex IPv4 forms (2130706433, 0x7f.1) into dotted quads.
 */
export function isLoopbackHost(host: string): boolean {
  let name: string;
  try {
    name = new URL(host).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (name === 'localhost' || name === 'localhost.') return true;
  // URL keeps the brackets around an IPv6 host; isIP does not accept them.
  const address = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  const family = isIP(address);
  if (family === 4) return address.startsWith('127.');
  if (family !== 6) return false;
  const g = ipv6Groups(address);
  const zeroUpTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  return (zeroUpTo(7) && g[7] === 1) || (zeroUpTo(5) && g[5] === 0xffff && g[6] >> 8 === 127);
}
