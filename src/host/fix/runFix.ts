// Asks Phi-4 for a corrected version of exactly one region and streams it into an inline preview.
import * as vscode from 'vscode';
import { gatherContext } from '../../context/gatherContext';
import { buildLineIndex } from '../../context/lineIndex';
import { findFocus } from '../../context/findFocus';
import { extractFix } from '../../fix/extractFix';
import { FixProposal } from '../../fix/FixProposal';
import { FixStreamReader, redrawGapMs } from '../../fix/FixStreamReader';
import { matchIndentation } from '../../fix/matchIndentation';
import type { OllamaError } from '../../ollama/OllamaError';
import { ACTION_LABELS } from '../../protocol/messages';
import { runRequest } from '../../request/runRequest';
import { ACTION_COMMANDS } from '../actionCommands';
import { FIX_SYSTEM_PROMPT, fixQuestion } from '../../prompt/systemPrompts';
import { countTokens } from '../../tokens/countTokens';
import type { Services } from '../createServices';
import { snapshotEditor } from '../snapshotEditor';
import type { FixPreview } from './FixPreview';
import type { FixPreviewManager } from './FixPreviewManager';

export interface FixHint {
  readonly line: number;
  readonly message: string;
}

/** The region to fix: the selection, else the block around the diagnostic or cursor. */
export function fixRegion(editor: vscode.TextEditor, range: vscode.Range | undefined, hints: readonly FixHint[]): vscode.Range {
  const document = editor.document;
  if (range && !range.isEmpty) return range;
  if (!editor.selection.isEmpty && !hints.length) return editor.selection;
  const line = hints[0]?.line ?? editor.selection.active.line;
  const focus = findFocus(buildLineIndex(document.getText()), line);
  return new vscode.Range(focus.startLine, 0, focus.endLine, document.lineAt(focus.endLine).text.length);
}

export async function runFix(services: Services, manager: FixPreviewManager, editor: vscode.TextEditor, range: vscode.Range | undefined, hints: readonly FixHint[]): Promise<void> {
  const document = editor.document;
  const region = fixRegion(editor, range, hints);
  if (document.getText(region).trim() === '') return void vscode.window.showInformationMessage('There is no code here to fix. Select the code you want Phi-4 to fix.');
  const settings = services.settings();
  if (settings.hostError) return void vscode.window.showErrorMessage(settings.hostError, 'Open Settings').then((c) => c && vscode.commands.executeCommand('phi4.openSettings'));
  if (!(await services.consent.confirm(settings.host))) return;

  const preview = manager.start(document, region, document.languageId);
  const context = gatherContext(snapshotEditor(editor, region));
  const reader = new FixStreamReader();
  let lastDraw = 0;
  const question = fixQuestion(hints.map((h) => `line ${h.line + 1}: ${h.message}`).join('; ') || undefined);
  // The answer must have room for the whole corrected region.
  const minAnswerTokens = Math.ceil(countTokens(preview.original) * 1.5) + 256;
  const system = await services.instructions.systemFor(FIX_SYSTEM_PROMPT);
  const outcome = await runRequest(services, { kind: 'fix', ...system, history: [], question, context, minAnswerTokens }, preview.abort.signal, (text) => {
    reader.push(text);
    if (Date.now() - lastDraw > redrawGapMs(reader.codeLength) && manager.get(document.uri) === preview) {
      lastDraw = Date.now();
      preview.showStreaming(reader.code(context.before), manager.editorsOf(preview));
    }
  });
  if (outcome.error) return failed(manager, preview, outcome.error, () => runFix(services, manager, editor, region, hints));
  if (manager.get(document.uri) !== preview) return; // cancelled or replaced meanwhile
  const extracted = extractFix(outcome.text, { original: preview.original, before: context.before, after: context.after });
  if (!extracted.ok) {
    manager.close(document.uri);
    services.log.warn(`fix outcome=no-code chars=${outcome.text.length}`);
    return void vscode.window.showWarningMessage(extracted.reason);
  }
  const startsMidLine = region.start.character > 0 && document.lineAt(region.start.line).text.slice(0, region.start.character).trim() !== '';
  const unit = editor.options.insertSpaces ? ' '.repeat(Number(editor.options.tabSize) || 4) : '\t';
  const fixed = matchIndentation(extracted.code, { original: preview.original, eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n', unit, startsMidLine, linePrefix: document.lineAt(region.start.line).text.slice(0, region.start.character) });
  preview.proposal = new FixProposal(preview.original, fixed);
  services.log.info(`fix hunks=${preview.proposal.hunks.length}`);
  if (preview.proposal.hunks.length === 0) {
    manager.close(document.uri);
    return void vscode.window.showInformationMessage('Phi-4 proposes no change to this code.');
  }
  if (!preview.regionIsIntact()) return manager.close(document.uri, 'The code changed while Phi-4 was writing, so the fix was cancelled. Nothing was applied.');
  preview.showProposal(manager.editorsOf(preview));
  manager.notify();
  // What chat shows under an answer (context left out, a prompt the server cut, a length limit hit).
  if (outcome.notes.length > 0) void vscode.window.showWarningMessage(`Phi-4 fix: ${outcome.notes.join(' ')}`);
}

async function failed(manager: FixPreviewManager, preview: FixPreview, error: OllamaError, retry: () => Promise<void>): Promise<void> {
  const uri = preview.document.uri;
  if (manager.get(uri) === preview) manager.close(uri);
  if (error.kind === 'cancelled' || preview.abort.signal.aborted) return;
  const choice = await vscode.window.showErrorMessage(`Phi-4 could not fix this code: ${error.message}`, ...error.actions.map((a) => ACTION_LABELS[a]));
  const action = error.actions.find((a) => ACTION_LABELS[a] === choice);
  // Retry means this fix again, not the chat's retry.
  if (action === 'retry') await retry();
  else if (action) await vscode.commands.executeCommand(ACTION_COMMANDS[action]);
}
