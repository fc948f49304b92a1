// The files definitions point into, read once per request: an open document as the editor has it (positions
// from the language server refer to its unsaved text), any other file through workspace.fs, so a lookup does
// not open documents the language server would then start checking. Document symbols are asked for only when
// the cut needs them, and kept across requests while the file's text is unchanged, since the same library
// files recur (keyed by text, not version: asking for symbols opens the file, which changes how it is read).
import * as vscode from 'vscode';
import type { DeclarationSymbol } from '../../context/definitions/DeclarationSymbol';
import { documentSymbols } from './documentSymbols';

export interface SourceFile {
  readonly lines: readonly string[];
  readonly languageId: string;
  /** The document version the lines come from (0 for a file read from disk). */
  readonly version: number;
}

const LANGUAGES: Readonly<Record<string, string>> = { ts: 'typescript', tsx: 'typescriptreact', mts: 'typescript', cts: 'typescript', js: 'javascript', jsx: 'javascriptreact', mjs: 'javascript', cjs: 'javascript', py: 'python', go: 'go', rs: 'rust', java: 'java', cs: 'csharp', cpp: 'cpp', cc: 'cpp', h: 'c', c: 'c', rb: 'ruby', php: 'php', kt: 'kotlin', swift: 'swift' };

const SYMBOL_CACHE_SIZE = 32;
const symbolCache = new Map<string, { text: string; symbols: Promise<DeclarationSymbol[]> }>();

export class SourceFiles {
  private readonly files = new Map<string, Promise<SourceFile | undefined>>();

  read(uri: vscode.Uri): Promise<SourceFile | undefined> {
    const key = uri.toString();
    let found = this.files.get(key);
    if (!found) {
      found = readSource(uri).catch(() => undefined);
      this.files.set(key, found);
    }
    return found;
  }

  /** The file's symbols, from the cache when this text was seen before. */
  symbols(uri: vscode.Uri, file: SourceFile): Promise<DeclarationSymbol[]> {
    const key = uri.toString();
    const text = file.lines.join('\n');
    const cached = symbolCache.get(key);
    if (cached?.text === text) return cached.symbols;
    const symbols = documentSymbols(uri).catch(() => []);
    // None at all usually means a language server not ready yet: ask again next time.
    void symbols.then((found) => found.length === 0 && symbolCache.get(key)?.symbols === symbols && symbolCache.delete(key));
    symbolCache.delete(key);
    symbolCache.set(key, { text, symbols });
    if (symbolCache.size > SYMBOL_CACHE_SIZE) symbolCache.delete(symbolCache.keys().next().value!);
    return symbols;
  }
}

async function readSource(uri: vscode.Uri): Promise<SourceFile> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { lines: open.getText().split(/\r?\n/), languageId: open.languageId, version: open.version };
  const bytes = await vscode.workspace.fs.readFile(uri);
  const stat = await vscode.workspace.fs.stat(uri);
  const extension = /\.([^./\\]+)$/.exec(uri.path)?.[1]?.toLowerCase() ?? '';
  return { lines: new TextDecoder('utf-8').decode(bytes).split(/\r?\n/), languageId: LANGUAGES[extension] ?? extension ?? 'plaintext', version: -stat.mtime };
}
