// The webview's strings: English in the source, translated by the bundle the host hands over
// (vscode.l10n.bundle, keyed by the English text as vscode.l10n.t is), read once from the page.
// The shared protocol code translates through @vscode/l10n, which gets the same bundle.
import { config } from '@vscode/l10n';

let bundle: Readonly<Record<string, string>> = {};

/** Reads the bundle the host wrote into the page; a missing or damaged one leaves English. */
export function loadL10nBundle(json: string | undefined): void {
  try {
    const parsed: unknown = json ? JSON.parse(json) : {};
    if (parsed && typeof parsed === 'object') bundle = parsed as Record<string, string>;
  } catch {
    bundle = {};
  }
  config({ contents: bundle });
}

/** Like vscode.l10n.t: the translation of `message` (or `message` itself), with {0}, {1}… filled in. */
function t(message: string, ...args: (string | number)[]): string {
  const text = typeof bundle[message] === 'string' ? bundle[message] : message;
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

export const l10n = { t };
