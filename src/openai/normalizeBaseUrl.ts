// Checks phi4.openaiCompatible.baseUrl: an http(s) URL, kept as written (its /v1 included), without a trailing slash.

import * as l10n from '@vscode/l10n';
export class InvalidBaseUrlError extends Error {
  /** `problem`: a whole sentence naming the setting and what is wrong with it. */
  constructor(readonly value: string, problem: string) {
    super(l10n.t("{0}. Set it to your server's OpenAI-compatible base URL, such as http://gpu-box:8000/v1.", problem));
    this.name = 'InvalidBaseUrlError';
  }
}

export function normalizeBaseUrl(raw: string): string {
  const value = raw.trim();
  if (value === '') throw new InvalidBaseUrlError(raw, l10n.t('phi4.openaiCompatible.baseUrl is empty, but phi4.provider is "openai-compatible"'));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidBaseUrlError(raw, l10n.t('phi4.openaiCompatible.baseUrl ("{0}") is not a URL', value));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidBaseUrlError(raw, l10n.t('phi4.openaiCompatible.baseUrl must use http or https, not {0}', url.protocol));
  // A key in the URL would end up in logs and messages; it belongs in secret storage (Set API Key…).
  if (url.username || url.password) throw new InvalidBaseUrlError(raw, l10n.t('phi4.openaiCompatible.baseUrl must not contain a user name or password; use "Phi-4: Set API Key…" instead'));
  if (url.search || url.hash) throw new InvalidBaseUrlError(raw, l10n.t('phi4.openaiCompatible.baseUrl must not contain a query or fragment'));
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** llama-server serves /props beside /v1, at the server's root. */
export function serverRoot(baseUrl: string): string {
  return baseUrl.replace(/\/v1$/, '');
}
