// Edit Selection: the instruction applied to the selected code, or, with nothing selected, new code
// written at the cursor; either way the answer streams into the inline preview Fix uses.
import * as vscode from 'vscode';
import { gatherContext } from '../../context/gatherContext';
import { gatherInsertionContext } from '../../context/gatherInsertionContext';
import { shapeInsertion } from '../../fix/matchIndentation';
import { planInsertion } from '../../fix/planInsertion';
import { EDIT_SYSTEM_PROMPT, GENERATE_SYSTEM_PROMPT, editQuestion, generateQuestion } from '../../prompt/systemPrompts';
import type { Services } from '../createServices';
import type { FixPreviewManager } from '../fix/FixPreviewManager';
import { replacementJob, type PlacementOf } from '../fix/replacementJob';
import { eolOf, indentUnitOf, runInlinePreview } from '../fix/runInlinePreview';
import { addDefinitions } from '../context/addDefinitions';
import { snapshotEditor } from '../snapshotEditor';

export async function runEdit(services: Services, manager: FixPreviewManager, editor: vscode.TextEditor, instruction: string, selection: vscode.Selection = editor.selection): Promise<void> {
  const generating = selection.isEmpty || editor.document.getText(selection).trim() === '';
  const found = generating ? undefined : await addDefinitions(services, editor.document, selection, gatherContext(snapshotEditor(editor, selection)));
  if (found?.cancelled) return;
  const placement = found ? replacementJob(editor, selection, found.context) : insertionAt(editor, selection.active.line, selection.active.character);
  await runInlinePreview(services, manager, {
    ...placement,
    kind: 'edit',
    noun: 'edit',
    system: generating ? GENERATE_SYSTEM_PROMPT : EDIT_SYSTEM_PROMPT,
    question: generating ? generateQuestion(instruction) : editQuestion(instruction),
    notes: found?.notes,
    noCodeMessage: generating ? vscode.l10n.t('Phi-4 did not answer with any code, so nothing was inserted.') : undefined,
    retry: () => runEdit(services, manager, editor, instruction, selection),
  });
}

/** New whole lines at the cursor, shown as an insertion: an empty region the accepted code fills. */
export function insertionAt(editor: vscode.TextEditor, line: number, character: number): PlacementOf {
  const plan = planInsertion(editor.document.getText().split(/\r\n|\r|\n/), line, character);
  return insertionPlacement(editor, plan.line, plan.indent);
}

/**
 * An insertion before `line` (after the last line when it is the line count) at `indent`. The prompt shows
 * the place itself unless `context` puts other code in focus (a doc comment's declaration).
 */
export function insertionPlacement(editor: vscode.TextEditor, line: number, indent: string, context?: PlacementOf['context']): PlacementOf {
  const document = editor.document;
  const afterLastLine = line >= document.lineCount;
  const at = afterLastLine ? document.lineAt(document.lineCount - 1).range.end : new vscode.Position(line, 0);
  const insertion = gatherInsertionContext(snapshotEditor(editor), line);
  return {
    editor,
    region: new vscode.Range(at, at),
    context: context ?? insertion,
    surroundings: { before: insertion.before, after: insertion.after },
    shape: (code) => shapeInsertion(code, { indent, eol: eolOf(document), unit: indentUnitOf(editor), afterLastLine }),
  };
}
