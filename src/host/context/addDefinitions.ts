// Adds the language server's definitions to a request's context, within phi4.context.timeoutMs, and says
// when the language server was too slow for them (a TypeScript server still loading the project). Stop, or the
// caller's own cancellation, ends the wait at once, and the caller then sends nothing.
import * as vscode from 'vscode';
import type { GatheredContext } from '../../context/EditorContext';
import type { Services } from '../createServices';
import { gatherDefinitions } from './gatherDefinitions';
import { withHoverSignatures } from './hoverSignatures';

export interface WithDefinitions {
  readonly context: GatheredContext;
  /** What the user should know about the definitions (left out because the language server was slow). */
  readonly notes: string[];
  /** The user stopped the request while its definitions were gathered: send nothing. */
  readonly cancelled?: boolean;
}

export async function addDefinitions(services: Pick<Services, 'settings' | 'log' | 'gathering'>, document: vscode.TextDocument, range: vscode.Range, context: GatheredContext, signal?: AbortSignal): Promise<WithDefinitions> {
  const settings = services.settings();
  if (!settings.contextDefinitions || context.focusKind === 'insertion') return { context, notes: [] };
  // The focus the prompt shows: the selection itself, or the whole lines of the block or line at the cursor.
  const focus = context.focusKind === 'selection' ? range : new vscode.Range(context.startLine, 0, context.endLine, document.lineAt(context.endLine).text.length);
  const run = services.gathering.begin(signal);
  try {
    const gathered = await gatherDefinitions(document, focus, settings.contextTimeoutMs, run.signal);
    if (gathered.cancelled) {
      services.log.info(`definitions file=${context.relativePath.replace(/\s/g, '_')} cancelled`);
      return { context, notes: [], cancelled: true };
    }
    // Hover signatures for library functions, in whatever is left of the time bound.
    const found = { ...gathered, definitions: await withHoverSignatures(gathered.definitions, settings.contextTimeoutMs - gathered.ms, run.signal) };
    if (run.signal.aborted) {
      services.log.info(`definitions file=${context.relativePath.replace(/\s/g, '_')} cancelled`);
      return { context, notes: [], cancelled: true };
    }
    services.log.info(`definitions file=${context.relativePath.replace(/\s/g, '_')} found=${found.definitions.length} lookups=${found.lookups} ms=${found.ms.toFixed(0)}${found.timedOut ? ' timedOut' : ''}`);
    const notes: string[] = [];
    const ms = settings.contextTimeoutMs;
    if (found.timedOut && found.definitions.length === 0) notes.push(vscode.l10n.t('Sent without definitions from other files: the language server did not answer within {0} ms (it may still be loading the project). Ask again in a moment, or raise phi4.context.timeoutMs.', ms));
    else if (found.timedOut) notes.push(vscode.l10n.t('Some definitions may be missing: the language server took longer than {0} ms (phi4.context.timeoutMs).', ms));
    const timedOut = found.timedOut ? { ms, nothingFound: found.definitions.length === 0 } : undefined;
    // What was found but not sent, and lookups cut short, go to the "Context used" list.
    const definitionsLeftOut = timedOut || found.skipped.length > 0 ? { skipped: found.skipped, timedOut } : undefined;
    return { context: { ...context, ...(found.definitions.length > 0 && { definitions: found.definitions }), ...(definitionsLeftOut && { definitionsLeftOut }) }, notes };
  } catch (e) {
    services.log.warn(`definitions: the language server failed: ${e instanceof Error ? e.message : String(e)}`);
    return { context, notes: [] };
  } finally {
    run.end();
  }
}
