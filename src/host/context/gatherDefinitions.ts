// Asks the language server where the identifiers in the focus code are defined and cuts those declarations
// out of their files. Resolution goes only through the provider commands, never a search by name, so a
// same-named symbol in a file the code does not import is never sent. Lookups run most important first, at
// most MAX_LOOKUPS at a time, and nothing waits past the timeout or a cancellation (executeCommand takes no
// cancellation token: we can only stop waiting).
import * as vscode from 'vscode';
import { assembleDefinitions, type DefinitionHit } from '../../context/definitions/assembleDefinitions';
import type { ContextDefinition, DefinitionRank } from '../../context/definitions/ContextDefinition';
import { cutDeclaration, WHOLE_CONTAINER_LINES, type DeclarationCut } from '../../context/definitions/cutDeclaration';
import { findIdentifiers, type IdentifierRole, type IdentifierUse } from '../../context/definitions/findIdentifiers';
import { LookupQueue } from '../../context/definitions/LookupQueue';
import { runLimited } from '../../context/definitions/runLimited';
import { SourceFiles } from './SourceFiles';
import { workspacePath } from './workspacePath';
import { looksLikeSecret } from '../../context/mentions/fileChecks';
import type { SkipReason, SkippedDefinition } from '../../context/definitions/DefinitionsLeftOut';

// A slot stays taken while a large file's symbols are fetched (up to a second), so fewer slots would let those
// waits hold back the queue; the queue's order, not fewer slots, keeps the important lookups first.
export const MAX_LOOKUPS = 8;
/** Lookups one level further out, after everything the focus itself uses. */
const MAX_FURTHER = 12;
/** Languages whose comments start with `#`, so the identifier scanner skips them. */
const HASH_COMMENTS = new Set(['python', 'ruby', 'shellscript', 'perl', 'r', 'yaml', 'coffeescript', 'elixir']);
const RANK: Record<IdentifierRole, DefinitionRank> = { call: 0, value: 0, type: 1, member: 2 };
/** An import or re-export line: the definition is one step further, in the module it names. */
const FORWARDING = /^\s*(?:import\b|export\s*(?:\*|\{[^}]*\}|type\s*\{[^}]*\})\s*(?:as\s+\w+\s*)?from\b|export\s+\*\s+from\b)/;

export interface DefinitionsResult {
  readonly definitions: ContextDefinition[];
  /** The language server did not answer every lookup within the time bound. */
  readonly timedOut: boolean;
  /** The request was stopped while its definitions were being gathered. */
  readonly cancelled: boolean;
  readonly lookups: number;
  readonly ms: number;
  /** Definitions found but not sent, and why: for the "Context used" list. */
  readonly skipped: readonly SkippedDefinition[];
}

type Target = vscode.Location | vscode.LocationLink;

export async function gatherDefinitions(document: vscode.TextDocument, focus: vscode.Range, timeoutMs: number, signal?: AbortSignal): Promise<DefinitionsResult> {
  const started = performance.now();
  const uses = findIdentifiers(document.getText(focus), focus.start.line, focus.start.character, { hashComments: HASH_COMMENTS.has(document.languageId) });
  const hits: DefinitionHit[] = [];
  const files = new SourceFiles();
  const skipped: SkippedDefinition[] = [];
  const skip = (name: string, uri: vscode.Uri, reason: SkipReason): void => void skipped.push({ name, reason, file: reason === 'outsideWorkspace' ? (uri.path.split('/').pop() ?? uri.path) : workspacePath(uri) });
  const queue = new LookupQueue();
  const lookup = (command: string, uri: vscode.Uri, position: vscode.Position, name: string, rank: DefinitionRank, depth: number): void => {
    const key = `${command}|${uri.toString()}|${position.line}:${position.character}`;
    queue.add({ key, rank, run: () => resolve(command, uri, position, name, rank, depth) });
  };

  const resolve = async (command: string, uri: vscode.Uri, position: vscode.Position, name: string, rank: DefinitionRank, depth: number): Promise<void> => {
    const targets = (await vscode.commands.executeCommand<Target[] | undefined>(command, uri, position)) ?? [];
    for (const target of targets.slice(0, 2)) {
      const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
      const at = ('targetSelectionRange' in target ? target.targetSelectionRange : undefined) ?? ('targetRange' in target ? target.targetRange : target.range);
      const range = 'targetRange' in target ? target.targetRange : target.range;
      // Files outside the workspace (the language's own library, other folders) are not the user's code.
      if (!vscode.workspace.getWorkspaceFolder(targetUri)) {
        skip(name, targetUri, 'outsideWorkspace');
        continue;
      }
      // A file that usually holds credentials is sent only when the user mentions it (and confirms).
      if (looksLikeSecret(targetUri.path)) {
        skip(name, targetUri, 'secret');
        continue;
      }
      const file = await files.read(targetUri);
      if (!file) continue;
      const lineText = file.lines[Math.min(at.start.line, file.lines.length - 1)] ?? '';
      if (FORWARDING.test(lineText)) {
        const same = targetUri.toString() === uri.toString() && at.start.isEqual(position);
        if (depth < 3 && !same) lookup('vscode.executeDefinitionProvider', targetUri, at.start, name, rank, depth + 1);
        continue;
      }
      const lines = file.lines;
      // The module itself (`import * as ns`): nothing to cut; the members used are looked up on their own.
      if (isWholeFile(at, range, lines.length)) continue;
      // Generated or minified code is never sent.
      if (lines.some((l) => l.length > 1000 || l.includes('\0'))) {
        skip(name, targetUri, 'minified');
        continue;
      }
      const path = workspacePath(targetUri);
      const signatureOnly = /(^|[/\\])node_modules[/\\]/.test(targetUri.path) || targetUri.path.endsWith('.d.ts');
      const where = { uri: targetUri.toString(), line: at.start.line, character: at.start.character };
      const hit = (cut: DeclarationCut): DefinitionHit => ({ name, rank, relativePath: path, languageId: file.languageId, lines, cut, signatureOnly, at: where });
      const spanned = 'targetRange' in target && range.end.line > range.start.line && range.end.line - range.start.line < WHOLE_CONTAINER_LINES;
      // A top-level declaration the server gave whole needs no symbols; a member or a long class does (its container).
      const given = spanned && !/^\s/.test(lineText);
      // Symbols of a large file the language server has not opened yet can take longer than the whole time
      // bound: until they arrive, the member as the server gave it stands in for the cut with its container.
      const standIn = !given && spanned ? hits.push(hit({ startLine: range.start.line, endLine: range.end.line })) - 1 : -1;
      const symbols = given ? [] : await files.symbols(targetUri, file);
      const cut = cutDeclaration(symbols, at.start.line, { startLine: range.start.line, endLine: range.end.line });
      if (standIn >= 0) hits[standIn] = hit(cut);
      else hits.push(hit(cut));
      if (rank < 2 && depth === 0 && !signatureOnly) furtherOut(targetUri, lines, cut.startLine);
    }
  };

  // One level further out: the types named in a direct definition's head (its parameters and result), packed last.
  let further = 0;
  const furtherOut = (uri: vscode.Uri, lines: readonly string[], line: number): void => {
    for (const use of findIdentifiers(lines[line] ?? '', line, 0, { limit: 8 }).filter((u) => u.role === 'type')) {
      if (further++ >= MAX_FURTHER) return;
      lookup('vscode.executeDefinitionProvider', uri, positionOf(use), use.name, 3, 1);
    }
  };

  // A name the focus declares itself is defined right there: at most the type of a variable whose type is not written.
  for (const use of uses) if (!use.declared) lookup('vscode.executeDefinitionProvider', document.uri, positionOf(use), use.name, RANK[use.role], 0);
  for (const use of uses) if (use.role === 'value' && (!use.declared || use.declared === 'inferred')) lookup('vscode.executeTypeDefinitionProvider', document.uri, positionOf(use), use.name, 1, 0);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)));
  const run = await runLimited(queue, MAX_LOOKUPS, deadline, signal);
  clearTimeout(timer);
  const focusRange = { relativePath: workspacePath(document.uri), startLine: focus.start.line, endLine: focus.end.line };
  const definitions = run.cancelled ? [] : assembleDefinitions([...hits], focusRange);
  return { definitions, timedOut: run.timedOut, cancelled: run.cancelled, lookups: queue.total, ms: performance.now() - started, skipped: [...skipped] };
}

/** A definition that is a whole file (a module), not a declaration in it. */
function isWholeFile(at: vscode.Range, range: vscode.Range, lineCount: number): boolean {
  return at.start.line === 0 && at.start.character === 0 && range.start.line === 0 && (range.isEmpty || range.end.line >= lineCount - 1);
}

function positionOf(use: IdentifierUse): vscode.Position {
  return new vscode.Position(use.line, use.character);
}
