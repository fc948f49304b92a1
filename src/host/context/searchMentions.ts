// The entries of the @-mention list for what the user typed after "@": files (fuzzy, honouring files.exclude
// and search.exclude), workspace symbols from the language servers, @problems and @selection.
import * as vscode from 'vscode';
import { fuzzyFilter } from '../../context/mentions/fuzzyMatch';
import type { MentionOption } from '../../protocol/messages';
import { workspacePath } from './workspacePath';

/** How long the @ list waits for workspace symbols before showing what it has. */
const SYMBOLS_TIMEOUT_MS = 1000;

export type MentionChoice =
  | { readonly kind: 'file'; readonly uri: vscode.Uri }
  | { readonly kind: 'symbol'; readonly uri: vscode.Uri; readonly range: vscode.Range; readonly name: string }
  | { readonly kind: 'problems' }
  | { readonly kind: 'selection' };

const FILE_LIMIT = 5000;
const CACHE_MS = 15_000;
let cached: { at: number; files: { path: string; uri: vscode.Uri }[] } | undefined;

/** files.exclude and search.exclude as one glob: findFiles applies only files.exclude unless given its own. */
export function excludeGlob(): string | undefined {
  const patterns = new Set<string>();
  for (const section of ['files', 'search']) {
    const exclude = vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude') ?? {};
    for (const [glob, on] of Object.entries(exclude)) if (on === true) patterns.add(glob);
  }
  return patterns.size === 0 ? undefined : `{${[...patterns].join(',')}}`;
}

async function workspaceFiles(): Promise<{ path: string; uri: vscode.Uri }[]> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.files;
  const uris = await vscode.workspace.findFiles('**/*', excludeGlob() ?? null, FILE_LIMIT);
  cached = { at: Date.now(), files: uris.map((uri) => ({ path: workspacePath(uri), uri })) };
  return cached.files;
}

export async function searchMentions(query: string, editor: vscode.TextEditor | undefined): Promise<{ option: MentionOption; choice: MentionChoice }[]> {
  const out: { option: Omit<MentionOption, 'id'>; choice: MentionChoice }[] = [];
  const q = query.toLowerCase();
  if (editor && 'problems'.startsWith(q)) out.push({ option: { kind: 'problems', label: vscode.l10n.t('@problems'), detail: vscode.l10n.t('Problems in {0}', workspacePath(editor.document.uri)) }, choice: { kind: 'problems' } });
  if (editor && !editor.selection.isEmpty && 'selection'.startsWith(q)) out.push({ option: { kind: 'selection', label: vscode.l10n.t('@selection'), detail: vscode.l10n.t('Lines {0}–{1} of {2}', editor.selection.start.line + 1, editor.selection.end.line + 1, workspacePath(editor.document.uri)) }, choice: { kind: 'selection' } });
  const files = await workspaceFiles();
  const byPath = new Map(files.map((f) => [f.path, f.uri]));
  for (const path of fuzzyFilter([...byPath.keys()], query, 12)) out.push({ option: { kind: 'file', label: path.split('/').pop() ?? path, detail: path }, choice: { kind: 'file', uri: byPath.get(path)! } });
  if (query.length >= 2) {
    // A language server still loading the project must not hold back the files already found.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const asked = vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', query).then((s) => s, () => undefined);
    const symbols = (await Promise.race([asked, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), SYMBOLS_TIMEOUT_MS)))]).finally(() => clearTimeout(timer))) ?? [];
    for (const s of symbols.filter((s) => vscode.workspace.getWorkspaceFolder(s.location.uri)).slice(0, 10)) {
      out.push({
        option: { kind: 'symbol', label: s.name, detail: `${vscode.SymbolKind[s.kind] ?? vscode.l10n.t('Symbol')} · ${workspacePath(s.location.uri)}:${s.location.range.start.line + 1}` },
        choice: { kind: 'symbol', uri: s.location.uri, range: s.location.range, name: s.name },
      });
    }
  }
  return out.map((o, i) => ({ option: { ...o.option, id: `m${i}` }, choice: o.choice }));
}
