// Asks Phi-4 for a corrected version of exactly one region and streams it into an inline preview.
import * as vscode from 'vscode';
import { BudgetExceededError, fitToBudget } from '../../budget/fitToBudget';
import { gatherContext } from '../../context/gatherContext';
import { buildLineIndex } from '../../context/lineIndex';
import { findFocus } from '../../context/findFocus';
import { extractFix } from '../../fix/extractFix';
import { FixProposal } from '../../fix/FixProposal';
import { matchIndentation } from '../../fix/matchIndentation';
import { OllamaError } from '../../ollama/OllamaError';
import { ACTION_LABELS } from '../../protocol/messages';
import { ACTION_COMMANDS } from '../actionCommands';
import { FIX_SYSTEM_PROMPT, fixQuestion } from '../../prompt/systemPrompts';
import { countTokens } from '../../tokens/countTokens';
import type { ChatFeature } from '../registerChat';
import { snapshotEditor } from '../snapshotEditor';
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

export async function runFix(chat: ChatFeature, manager: FixPreviewManager, editor: vscode.TextEditor, range: vscode.Range | undefined, hints: readonly FixHint[]): Promise<void> {
  const document = editor.document;
  const region = fixRegion(editor, range, hints);
  if (document.getText(region).trim() === '') return void vscode.window.showInformationMessage('There is no code here to fix. Select the code you want Phi-4 to fix.');
  const settings = chat.settings();
  if (settings.hostError) return void vscode.window.showErrorMessage(settings.hostError, 'Open Settings').then((c) => c && vscode.commands.executeCommand('phi4.openSettings'));
  if (!(await chat.confirmHost())) return;

  const preview = manager.start(document, region, document.languageId);
  const context = gatherContext(snapshotEditor(editor, region));
  const regionTokens = countTokens(preview.original);
  const client = chat.client();
  const started = Date.now();
  let answer = '';
  let lastDraw = 0;
  try {
    const resolved = await chat.resolver.resolve(client, settings, preview.abort.signal);
    // The answer must have room for the whole corrected region.
    const numPredict = Math.max(settings.maxAnswerTokens, Math.ceil(regionTokens * 1.5) + 256);
    const fitted = fitToBudget({ system: FIX_SYSTEM_PROMPT, history: [], question: fixQuestion(hints.map((h) => `line ${h.line + 1}: ${h.message}`).join('; ') || undefined), context }, { contextWindow: resolved.numCtx, maxAnswerTokens: numPredict });
    const stream = client.streamAnswer(
      { model: settings.model, format: resolved.format, messages: fitted.messages, numCtx: resolved.numCtx, numPredict: fitted.answerTokens, temperature: settings.temperature, keepAlive: settings.keepAlive },
      preview.abort.signal,
    );
    const source = { original: preview.original, before: context.before, after: context.after };
    for await (const event of stream) {
      if (event.kind !== 'text') continue;
      answer += event.text;
      if (Date.now() - lastDraw > 100 && manager.get(document.uri) === preview) {
        lastDraw = Date.now();
        const partial = extractFix(answer, source);
        preview.showStreaming(partial.ok ? partial.code : '', manager.editorsOf(preview));
      }
    }
    if (manager.get(document.uri) !== preview) return; // cancelled or replaced meanwhile
    const extracted = extractFix(answer, source);
    if (!extracted.ok) {
      manager.close(document.uri);
      chat.log.warn(`fix model=${settings.model} outcome=no-code chars=${answer.length}`);
      return void vscode.window.showWarningMessage(extracted.reason);
    }
    const startsMidLine = region.start.character > 0 && document.lineAt(region.start.line).text.slice(0, region.start.character).trim() !== '';
    const unit = editor.options.insertSpaces ? ' '.repeat(Number(editor.options.tabSize) || 4) : '\t';
    const fixed = matchIndentation(extracted.code, { original: preview.original, eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n', unit, startsMidLine, linePrefix: document.lineAt(region.start.line).text.slice(0, region.start.character) });
    preview.proposal = new FixProposal(preview.original, fixed);
    chat.log.info(`fix model=${settings.model} promptTokens=${fitted.promptTokens} hunks=${preview.proposal.hunks.length} total=${Date.now() - started}ms outcome=ok`);
    if (preview.proposal.hunks.length === 0) {
      manager.close(document.uri);
      return void vscode.window.showInformationMessage('Phi-4 proposes no change to this code.');
    }
    if (!preview.regionIsIntact()) return manager.close(document.uri, 'The code changed while Phi-4 was writing, so the fix was cancelled. Nothing was applied.');
    preview.showProposal(manager.editorsOf(preview));
    manager.notify();
  } catch (error) {
    const cancelled = (error instanceof OllamaError && error.kind === 'cancelled') || preview.abort.signal.aborted;
    if (manager.get(document.uri) === preview) manager.close(document.uri);
    if (cancelled) return;
    const err = error instanceof OllamaError ? error : error instanceof BudgetExceededError ? new OllamaError('badRequest', error.message, ['openSettings']) : new OllamaError('unknown', String(error), ['showLog']);
    chat.log.warn(`fix model=${settings.model} outcome=${err.kind}`);
    const choice = await vscode.window.showErrorMessage(`Phi-4 could not fix this code: ${err.message}`, ...err.actions.map((a) => ACTION_LABELS[a]));
    const action = err.actions.find((a) => ACTION_LABELS[a] === choice);
    // Retry means this fix again, not the chat's retry.
    if (action === 'retry') await runFix(chat, manager, editor, region, hints);
    else if (action) await vscode.commands.executeCommand(ACTION_COMMANDS[action]);
  }
}
