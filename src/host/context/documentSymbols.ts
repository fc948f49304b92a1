// A document's symbols from its language server, as plain DeclarationSymbols for the pure cutting logic.
import * as vscode from 'vscode';
import type { DeclarationKind, DeclarationSymbol } from '../../context/definitions/DeclarationSymbol';

const KINDS: Partial<Record<vscode.SymbolKind, DeclarationKind>> = {
  [vscode.SymbolKind.Class]: 'class',
  [vscode.SymbolKind.Interface]: 'interface',
  [vscode.SymbolKind.Enum]: 'enum',
  [vscode.SymbolKind.Function]: 'function',
  [vscode.SymbolKind.Method]: 'method',
  [vscode.SymbolKind.Constructor]: 'constructor',
  [vscode.SymbolKind.Property]: 'property',
  [vscode.SymbolKind.Field]: 'field',
  [vscode.SymbolKind.Variable]: 'variable',
  [vscode.SymbolKind.Constant]: 'constant',
  [vscode.SymbolKind.EnumMember]: 'enumMember',
  [vscode.SymbolKind.TypeParameter]: 'typeParameter',
  [vscode.SymbolKind.Module]: 'module',
  [vscode.SymbolKind.Namespace]: 'module',
  [vscode.SymbolKind.Struct]: 'struct',
};

type Provided = vscode.DocumentSymbol | vscode.SymbolInformation;

function toPlain(symbol: Provided): DeclarationSymbol {
  const range = 'range' in symbol ? symbol.range : symbol.location.range;
  const children = 'children' in symbol && Array.isArray(symbol.children) ? symbol.children.map(toPlain) : [];
  return { name: symbol.name, kind: KINDS[symbol.kind] ?? 'other', startLine: range.start.line, endLine: range.end.line, children };
}

/** `timeoutMs`: a language server still loading the project can take minutes; past this, no symbols. */
export async function documentSymbols(uri: vscode.Uri, timeoutMs?: number): Promise<DeclarationSymbol[]> {
  const asked = Promise.resolve(vscode.commands.executeCommand<Provided[] | undefined>('vscode.executeDocumentSymbolProvider', uri));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const found = timeoutMs === undefined ? await asked : await Promise.race([asked, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), timeoutMs)))]).finally(() => clearTimeout(timer));
  return (found ?? []).map(toPlain);
}
