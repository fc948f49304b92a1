// The webview's strings: English in the source, looked up through @vscode/l10n (as the other layers do, so
// `npm run l10n` finds them) in the bundle the host hands over (vscode.l10n.bundle, keyed by the English text).
import { config } from '@vscode/l10n';

/** Reads the bundle the host wrote into the page; a missing or damaged one leaves English. */
export function loadL10nBundle(json: string | undefined): void {
  let bundle: Record<string, string> = {};
  try {
    const parsed: unknown = json ? JSON.parse(json) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) bundle = parsed as Record<string, string>;
  } catch {
    bundle = {};
  }
  config({ contents: bundle });
}
