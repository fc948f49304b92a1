// Adds the language server's definitions to a request's context, within phi4.context.timeoutMs, and says
// when the language server was too slow for them (a TypeScript server still loading the project). Stop, or the
// caller's own cancellation, ends the wait at once, and the caller then sends nothing.
import * as vscode from 'vscode';
import type { GatheredContext } from '../../context/EditorContext';
import type { Services } from '../createServices';
import { gatherDefinitions } from './gatherDefinitions';

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
    const found = await gatherDefinitions(document, focus, settings.contextTimeoutMs, run.signal);
    services.log.info(`definitions file=${context.relativePath.replace(/\s/g, '_')} found=${found.definitions.length} lookups=${found.lookups} ms=${found.ms.toFixed(0)}${found.timedOut ? ' timedOut' : ''}${found.cancelled ? ' cancelled' : ''}`);
    if (found.cancelled) return { context, notes: [], cancelled: true };
    const notes: string[] = [];
    const ms = settings.contextTimeoutMs;
    if (found.timedOut && found.definitions.length === 0) notes.push(`Sent without definitions from other files: the language server did not answer within ${ms} ms (it may still be loading the project). Ask again in a moment, or raise phi4.context.timeoutMs.`);
    else if (found.timedOut) notes.push(`Some definitions may be missing: the language server took longer than ${ms} ms (phi4.context.timeoutMs).`);
    return { context: found.definitions.length > 0 ? { ...context, definitions: found.definitions } : context, notes };
  } catch (e) {
    services.log.warn(`definitions: the language server failed: ${e instanceof Error ? e.message : String(e)}`);
    return { context, notes: [] };
  } finally {
    run.end();
  }
}
