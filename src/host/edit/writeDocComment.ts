// "Write Doc Comment": a doc comment for the declaration at the selection or cursor, in the language's
// convention, previewed as an insertion above it (a Python docstring: first in its body), or in place of
// the doc comment it already has.
import * as vscode from 'vscode';
import { gatherContext } from '../../context/gatherContext';
import { findDocComment, findDocstring } from '../../fix/findDocComment';
import { keepDocComment, placeDocComment } from '../../fix/placeDocComment';
import { DOC_COMMENT_QUESTION, DOC_COMMENT_REPLACE_QUESTION, DOC_COMMENT_SYSTEM_PROMPT } from '../../prompt/systemPrompts';
import type { Services } from '../createServices';
import type { FixPreviewManager } from '../fix/FixPreviewManager';
import { indentUnitOf, runInlinePreview } from '../fix/runInlinePreview';
import { snapshotEditor } from '../snapshotEditor';
import { insertionPlacement } from './runEdit';

type Symbols = readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined;

const K = vscode.SymbolKind;
/** Declarations that open a body: what a cursor inside that body means to document. */
const BODIES = new Set([K.Class, K.Method, K.Function, K.Constructor, K.Interface, K.Enum, K.Struct, K.Module, K.Namespace, K.Package]);
/** Values documented where they are declared, but not as locals inside a function (which providers also list). */
const VALUES = new Set([K.Variable, K.Constant, K.Property, K.Field, K.EnumMember, K.Event, K.Operator, K.TypeParameter, K.Object, K.Key]);

/** The innermost documentable symbol containing `position`, from the language's symbol provider when it has one. */
async function symbolAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Range | undefined> {
  let symbols: Symbols;
  try {
    symbols = await vscode.commands.executeCommand<Symbols>('vscode.executeDocumentSymbolProvider', document.uri);
  } catch {
    return undefined; // no provider for this language, or it failed: fall back to the selection
  }
  let best: vscode.Range | undefined;
  const visit = (list: Symbols, inFunction: boolean): void => {
    for (const symbol of list ?? []) {
      const range = 'location' in symbol ? symbol.location.range : symbol.range;
      const documentable = BODIES.has(symbol.kind) || (!inFunction && VALUES.has(symbol.kind));
      if (documentable && range.contains(position) && (!best || best.contains(range))) best = range;
      const callable = symbol.kind === K.Function || symbol.kind === K.Method || symbol.kind === K.Constructor;
      if ('children' in symbol) visit(symbol.children, inFunction || callable);
    }
  };
  visit(symbols, false);
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
  if (document.getText(declaration).trim() === '') return void vscode.window.showInformationMessage(vscode.l10n.t('There is no declaration here to document. Put the cursor in a function, class or other declaration.'));
  const lines = document.getText().split(/\r\n|\r|\n/);
  const place = placeDocComment(lines, start, document.languageId, indentUnitOf(editor));
  if (!place) return void vscode.window.showInformationMessage(vscode.l10n.t('A docstring needs the function\'s body on its own line. Move the code after the colon to the next line, then try again.'));
  const existing = place.inside ? findDocstring(lines, place.line) : findDocComment(lines, start, document.languageId);
  const placement = insertionPlacement(editor, existing?.start ?? place.line, place.indent, gatherContext(snapshotEditor(editor, declaration)));
  // The comment replaces whole lines and ends with a line ending as they did; at the file's end, without one.
  const atEnd = existing !== undefined && existing.end + 1 >= document.lineCount;
  const region = !existing ? placement.region : atEnd ? new vscode.Range(existing.start, 0, existing.end, document.lineAt(existing.end).text.length) : new vscode.Range(existing.start, 0, existing.end + 1, 0);
  await runInlinePreview(services, manager, {
    ...placement,
    region,
    shape: (code, original) => {
      const shaped = placement.shape(keepDocComment(code, lines[start], place.inside), original);
      return atEnd ? shaped.replace(/\r?\n$/, '') : shaped;
    },
    kind: 'edit',
    noun: 'doc comment',
    system: DOC_COMMENT_SYSTEM_PROMPT,
    question: existing ? DOC_COMMENT_REPLACE_QUESTION : DOC_COMMENT_QUESTION,
    noCodeMessage: vscode.l10n.t('Phi-4 did not answer with a comment in a code block, so nothing was inserted.'),
    retry: () => writeDocComment(services, manager, editor),
  });
}
