// The one path of every request answered in the inline preview (Fix, Edit Selection, code generated at the
// cursor, doc comments): ask before replacing an open preview, stream into it, extract the code, shape it
// for its place, and show the proposal. Callers only say what to ask and where the answer goes.
import * as vscode from 'vscode';
import type { GatheredContext } from '../../context/EditorContext';
import { extractFix } from '../../fix/extractFix';
import { FixProposal } from '../../fix/FixProposal';
import { FixStreamReader, redrawGapMs } from '../../fix/FixStreamReader';
import type { OllamaError } from '../../ollama/OllamaError';
import type { RequestKind } from '../../request/RequestSpec';
import { runRequest } from '../../request/runRequest';
import { showRequestError } from '../showRequestError';
import type { Services } from '../createServices';
import type { FixPreview } from './FixPreview';
import type { FixPreviewManager } from './FixPreviewManager';
import { previewTexts, type PreviewNoun } from './previewTexts';

export interface InlineJob {
  readonly kind: RequestKind;
  /** What the user asked for, which picks the preview's sentences. */
  readonly noun: PreviewNoun;
  readonly editor: vscode.TextEditor;
  /** The text the answer replaces; an empty range for an insertion. */
  readonly region: vscode.Range;
  readonly system: string;
  readonly question: string;
  readonly context: GatheredContext;
  /** Document lines just above and below the region, which models tend to repeat around their code. */
  readonly surroundings: { readonly before: readonly string[]; readonly after: readonly string[] };
  readonly minAnswerTokens?: number;
  /** What the user should know about the request before the answer (definitions left out: the language server was slow). */
  readonly notes?: readonly string[];
  /** Turns the extracted code into the region's new text (indentation, line endings, edges). */
  readonly shape: (code: string, original: string) => string;
  /** Shown instead of the generic message when the answer holds no code. */
  readonly noCodeMessage?: string;
  readonly retry: () => Promise<void>;
}

/** Asks before a new request replaces the preview open in the same file; true when there is none or the user agrees. */
export async function confirmReplace(manager: FixPreviewManager, document: vscode.TextDocument, noun: PreviewNoun): Promise<boolean> {
  const open = manager.get(document.uri);
  if (!open) return true;
  const what = open.phase === 'streaming' ? previewTexts(open.noun).stillWriting() : previewTexts(open.noun).previewOpen();
  // Two whole sentences, each translated on its own.
  const choice = await vscode.window.showWarningMessage(
    `${what} ${previewTexts(noun).replaceWithThis()}`,
    { modal: true, detail: vscode.l10n.t('The open preview is discarded; nothing it proposed is applied.') },
    vscode.l10n.t('Replace'),
  );
  return choice === vscode.l10n.t('Replace');
}

export async function runInlinePreview(services: Services, manager: FixPreviewManager, job: InlineJob): Promise<void> {
  const { editor, region, noun } = job;
  const document = editor.document;
  const settings = services.settings();
  if (settings.hostError) return void vscode.window.showErrorMessage(settings.hostError, vscode.l10n.t('Open Settings')).then((c) => c && vscode.commands.executeCommand('phi4.openSettings'));
  void services.preloader.ensure();
  if (!(await confirmReplace(manager, document, noun))) return;
  if (!(await services.consent.confirm(settings.host))) return;

  const preview = manager.start(document, region, document.languageId, noun);
  // Shown in the preview from its first line on, and again with the answer's own notes when it is done.
  preview.notes = job.notes ?? [];
  const reader = new FixStreamReader();
  let lastDraw = 0;
  // The user's and the repository's instructions join the rules of Fix, Edit and Doc Comment too.
  const system = await services.instructions.systemFor(job.system);
  const spec = { kind: job.kind, ...system, notes: [...(system.notes ?? []), ...(job.notes ?? [])], history: [], question: job.question, context: job.context, minAnswerTokens: job.minAnswerTokens };
  const outcome = await runRequest(services, spec, preview.abort.signal, (text) => {
    reader.push(text);
    if (Date.now() - lastDraw > redrawGapMs(reader.codeLength) && manager.get(document.uri) === preview) {
      lastDraw = Date.now();
      preview.showStreaming(reader.code(job.surroundings.before), manager.editorsOf(preview));
    }
  });
  if (outcome.error) return failed(manager, preview, outcome.error, job);
  if (manager.get(document.uri) !== preview) return; // cancelled or replaced meanwhile
  const extracted = extractFix(outcome.text, { original: preview.original, ...job.surroundings });
  if (!extracted.ok) {
    manager.close(document.uri);
    services.log.warn(`${job.kind} outcome=no-code chars=${outcome.text.length}`);
    return void vscode.window.showWarningMessage(job.noCodeMessage ?? extracted.reason);
  }
  // Code that ran into the length limit would read as if its end had been deleted: propose none of it.
  if (outcome.cutOff && !extracted.complete) {
    manager.close(document.uri);
    return void vscode.window.showWarningMessage(previewTexts(noun).cutOff());
  }
  preview.proposal = new FixProposal(preview.original, job.shape(extracted.code, preview.original));
  services.log.info(`${job.kind} hunks=${preview.proposal.hunks.length}`);
  if (preview.proposal.hunks.length === 0) {
    manager.close(document.uri);
    return void vscode.window.showInformationMessage(vscode.l10n.t('Phi-4 proposes no change to this code.'));
  }
  if (!preview.regionIsIntact()) return manager.close(document.uri, previewTexts(noun).changedWhileWriting());
  preview.showProposal(manager.editorsOf(preview));
  manager.notify();
  // What chat shows under an answer (context left out, a prompt the server cut, a length limit hit).
  if (outcome.notes.length > 0) void vscode.window.showWarningMessage(previewTexts(noun).notes(outcome.notes.join(' ')));
}

/** The editor's indent unit: a tab, or its tab size in spaces. */
export function indentUnitOf(editor: vscode.TextEditor): string {
  return editor.options.insertSpaces ? ' '.repeat(Number(editor.options.tabSize) || 4) : '\t';
}

export function eolOf(document: vscode.TextDocument): '\n' | '\r\n' {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

async function failed(manager: FixPreviewManager, preview: FixPreview, error: OllamaError, job: InlineJob): Promise<void> {
  const uri = preview.document.uri;
  if (manager.get(uri) === preview) manager.close(uri);
  if (error.kind === 'cancelled' || preview.abort.signal.aborted) return;
  await showRequestError(previewTexts(job.noun).failed, error, job.retry);
}
