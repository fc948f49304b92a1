// What must never be sent as a mention (binary or minified content) and what deserves a warning first (secrets).
import * as l10n from '@vscode/l10n';

/** Binary (NUL bytes) or minified/generated (a line over 1,000 characters): useless to the model and costly. */
export function unsendableReason(text: string): string | undefined {
  if (text.includes('\0')) return l10n.t('it looks binary');
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > 1000) return l10n.t('it looks minified or generated (a line over 1,000 characters)');
    start = stop + 1;
  }
  return undefined;
}

const SECRET_NAMES = [/^\.env(\..*)?$/i, /\.(pem|key|p12|pfx|keystore|jks|kdbx)$/i, /^id_(rsa|dsa|ecdsa|ed25519)(\.pub)?$/i, /^\.?(npmrc|pypirc|netrc|htpasswd)$/i, /^credentials(\.\w+)?$/i, /^secrets?\.\w+$/i];

/** A file name that usually holds credentials: the user is asked before it is sent. */
export function looksLikeSecret(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? path;
  return SECRET_NAMES.some((re) => re.test(name));
}
