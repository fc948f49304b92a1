// "Write Doc Comment": a doc comment for the declaration at the selection or cursor, in the language's
// convention, previewed as an insertion above it (a Python docstring: first in its body).
import * as vscode from 'vscode';
import { gatherContext } from '../../context/gatherContext';
import { keepDocComment, placeDocComment } from '../../fix/placeDocComment';
import { DOC_COMMENT_QUESTION, DOC_COMMENT_SYSTEM_PROMPT } from '../../prompt/systemPrompts';
import type { Services } from '../createServices';
import type { FixPreviewManager } from '../fix/FixPreviewManager';
import { indentUnitOf, runInlinePreview } from '../fix/runInlinePreview';
import { snapshotEditor } from '../snapshotEditor';
import { insertionPlacement } from './runEdit';

type Symbols = readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined;

/** The innermost symbol containing `position`, from the language's symbol provider when it has one. */
async function symbolAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Range | undefined> {
  let symbols: Symbols;
  try {
    symbols = await vscode.commands.executeCommand<Symbols>('vscode.executeDocumentSymbolProvider', document.uri);
  } catch {
    return undefined; // no provider for this language, or it failed: fall back to the selection
  }
  let best: vscode.Range | undefined;
  const visit = (list: Symbols): void => {
    for (const symbol of list ?? []) {
      const range = 'location' in symbol ? symbol.location.range : symbol.range;
      if (range.contains(position) && (!best || best.contains(range))) best = range;
      if ('children' in symbol) visit(symbol.children);
    }
  };
  visit(symbols);
  return best;
}

/** Where the declaration starts and ends: the symbol's lines, else the selection, else the block at the cursor. */
async function declarationLines(editor: vscode.TextEditor): Promise<{ start: number; end: number }> {
  const document = editor.document;
  const selection = editor.selection;
  // The first code in the selection, so a selection starting on a blank line still finds the declaration below it.
  let line = selection.start.line;
  while (line < selection.end.line && document.lineAt(line).isEmptyOrWhitespace) line++;
  const at = selection.isEmpty ? selection.active : new vscode.Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex);
  const symbol = await symbolAt(document, at);
  if (symbol) return { start: symbol.start.line, end: symbol.end.line };
  if (!selection.isEmpty) return { start: line, end: selection.end.character === 0 && selection.end.line > line ? selection.end.line - 1 : selection.end.line };
  const focus = gatherContext(snapshotEditor(editor, selection));
  return { start: focus.startLine, end: focus.endLine };
}

export async function writeDocComment(services: Services, manager: FixPreviewManager, editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  const { start, end } = await declarationLines(editor);
  const declaration = new vscode.Range(start, 0, end, document.lineAt(end).text.length);
  if (document.getText(declaration).trim() === '') return void vscode.window.showInformationMessage('There is no declaration here to document. Put the cursor in a function, class or other declaration.');
  const lines = document.getText().split(/\r\n|\r|\n/);
  const place = placeDocComment(lines, start, document.languageId, indentUnitOf(editor));
  const placement = insertionPlacement(editor, place.line, place.indent, gatherContext(snapshotEditor(editor, declaration)));
  await runInlinePreview(services, manager, {
    ...placement,
    shape: (code, original) => placement.shape(keepDocComment(code, lines[start], place.inside), original),
    kind: 'edit',
    noun: 'doc comment',
    system: DOC_COMMENT_SYSTEM_PROMPT,
    question: DOC_COMMENT_QUESTION,
    noCodeMessage: 'Phi-4 did not answer with a comment in a code block, so nothing was inserted.',
    retry: () => writeDocComment(services, manager, editor),
  });
}
