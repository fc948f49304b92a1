// Reads what an @-mention or "Add File to Phi-4 Chat" names, when the message is sent: a file (whole, or its
// outline and nearest part when large), a symbol's declaration, a file's problems. Files are read through
// VS Code (workspace.fs), never node:fs, so this works under Remote-SSH and WSL too.
import * as vscode from 'vscode';
import type { MentionResult } from '../../context/mentions/Mention';
import { looksLikeSecret, unsendableReason } from '../../context/mentions/fileChecks';
import { needsReduction, reduceFile } from '../../context/mentions/reduceFile';
import type { SelectionAt } from '../../chat/PendingContext';
import { diagnosticsOf } from '../snapshotEditor';
import { documentSymbols } from './documentSymbols';
import { workspacePath } from './workspacePath';


/** Larger files are read no further: even their outline would not be what the user meant to send. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** The language VS Code would give the file, without keeping it open. */
async function languageOf(uri: vscode.Uri): Promise<string> {
  return vscode.workspace.openTextDocument(uri).then((d) => d.languageId, () => 'plaintext');
}

/** Reads a mentioned file; a large one is cut around `selection` when the question's selection is in it. */
export async function fileMention(uri: vscode.Uri, question: string, selection?: SelectionAt): Promise<MentionResult> {
  const path = workspacePath(uri);
  const anchor = selection?.relativePath === path ? selection.line : 0;
  // An open document is read as the user sees it, unsaved edits and untitled files included.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return textMention(uri, path, open.getText(), open.languageId, question, anchor);
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { note: vscode.l10n.t('{0} is a folder; mention the files in it instead.', path) };
    if (stat.size > MAX_FILE_BYTES) return { note: vscode.l10n.t('{0} was not sent: at {1} MB it is far too large.', path, (stat.size / 1048576).toFixed(1)) };
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return { note: vscode.l10n.t('{0} was not sent: it no longer exists or cannot be read.', path) };
  }
  return textMention(uri, path, new TextDecoder('utf-8').decode(bytes), await languageOf(uri), question, anchor);
}

/** Sending waits at most this long for a big file's outline; without one, the part nearest the question is sent. */
const OUTLINE_TIMEOUT_MS = 2000;

async function textMention(uri: vscode.Uri, path: string, text: string, languageId: string, question: string, anchorLine: number): Promise<MentionResult> {
  const unsendable = unsendableReason(text);
  if (unsendable) return { note: vscode.l10n.t('{0} was not sent: {1}.', path, unsendable) };
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const reduced = needsReduction(lines) ? reduceFile(lines, await documentSymbols(uri, OUTLINE_TIMEOUT_MS).catch(() => []), question, anchorLine) : undefined;
  return { mention: { kind: 'file', relativePath: path, languageId, startLine: 0, endLine: Math.max(0, lines.length - 1), text: lines.join('\n'), reduced } };
}

export async function rangeMention(uri: vscode.Uri, range: vscode.Range, kind: 'symbol' | 'selection'): Promise<MentionResult> {
  const path = workspacePath(uri);
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const end = Math.min(range.end.line, doc.lineCount - 1);
    const text = doc.getText(new vscode.Range(range.start.line, 0, end, doc.lineAt(end).text.length));
    const unsendable = unsendableReason(text);
    if (unsendable) return { note: vscode.l10n.t('{0} was not sent: {1}.', path, unsendable) };
    return { mention: { kind, relativePath: path, languageId: doc.languageId, startLine: range.start.line, endLine: end, text } };
  } catch {
    return { note: vscode.l10n.t('{0} was not sent: it no longer exists or cannot be read.', path) };
  }
}

export function problemsMention(uri: vscode.Uri): MentionResult {
  const path = workspacePath(uri);
  const problems = diagnosticsOf(uri);
  // eslint-disable-next-line phi4/no-raw-ui-string -- the model reads this, in English like the rest of the prompt
  const text = problems.length === 0 ? 'No problems reported.' : problems.map((d) => `- line ${d.line + 1}, ${d.severity}: ${d.message}${d.source ? ` (${d.source})` : ''}`).join('\n');
  return { mention: { kind: 'problems', relativePath: path, languageId: 'text', startLine: 0, endLine: 0, text } };
}

/** Asks before a file that usually holds credentials goes into a prompt; true when it may be sent. */
export async function confirmSecret(uri: vscode.Uri): Promise<boolean> {
  if (!looksLikeSecret(uri.path)) return true;
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} looks like it may hold secrets (keys, passwords, tokens). Add it to the Phi-4 chat anyway?', workspacePath(uri)),
    { modal: true, detail: vscode.l10n.t('The file would be sent to the model server and stored in the conversation.') },
    vscode.l10n.t('Add Anyway'),
  );
  return choice === vscode.l10n.t('Add Anyway');
}
