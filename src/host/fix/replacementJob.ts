// What Fix and Edit share when the answer replaces a selected region: where its code goes and how it is
// fitted there (the document's indentation and line endings, the selection's blank edges).
import type * as vscode from 'vscode';
import type { GatheredContext } from '../../context/EditorContext';
import { matchIndentation } from '../../fix/matchIndentation';
import { countTokens } from '../../tokens/countTokens';
import { eolOf, indentUnitOf, type InlineJob } from './runInlinePreview';

export type PlacementOf = Pick<InlineJob, 'editor' | 'region' | 'context' | 'surroundings' | 'shape' | 'minAnswerTokens'>;

export function replacementJob(editor: vscode.TextEditor, region: vscode.Range, context: GatheredContext): PlacementOf {
  const document = editor.document;
  const linePrefix = document.lineAt(region.start.line).text.slice(0, region.start.character);
  const startsMidLine = region.start.character > 0 && linePrefix.trim() !== '';
  return {
    editor,
    region,
    context,
    surroundings: { before: context.before, after: context.after },
    // The answer must have room for the whole rewritten region.
    minAnswerTokens: Math.ceil(countTokens(document.getText(region)) * 1.5) + 256,
    shape: (code, original) => matchIndentation(code, { original, eol: eolOf(document), unit: indentUnitOf(editor), startsMidLine, linePrefix }),
  };
}
