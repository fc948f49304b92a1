// Asks Phi-4 for a corrected version of exactly one region and streams it into an inline preview.
import * as vscode from 'vscode';
import { gatherContext } from '../../context/gatherContext';
import { buildLineIndex } from '../../context/lineIndex';
import { findFocus } from '../../context/findFocus';
import { FIX_SYSTEM_PROMPT, fixQuestion } from '../../prompt/systemPrompts';
import type { Services } from '../createServices';
import { addDefinitions } from '../context/addDefinitions';
import { snapshotEditor } from '../snapshotEditor';
import type { FixPreviewManager } from './FixPreviewManager';
import { replacementJob } from './replacementJob';
import { runInlinePreview } from './runInlinePreview';

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
  const region = fixRegion(editor, range, hints);
  if (editor.document.getText(region).trim() === '') return void vscode.window.showInformationMessage(vscode.l10n.t('There is no code here to fix. Select the code you want Phi-4 to fix.'));
  const { context, notes, cancelled } = await addDefinitions(services, editor.document, region, gatherContext(snapshotEditor(editor, region)));
  if (cancelled) return;
  const question = fixQuestion(hints.map((h) => `line ${h.line + 1}: ${h.message}`).join('; ') || undefined);
  await runInlinePreview(services, manager, {
    ...replacementJob(editor, region, context),
    kind: 'fix',
    noun: 'fix',
    system: FIX_SYSTEM_PROMPT,
    question,
    notes,
    retry: () => runFix(services, manager, editor, region, hints),
  });
}
