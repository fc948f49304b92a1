// Converts the VS Code editor state into the plain EditorSnapshot that context gathering works on.
import * as vscode from 'vscode';
import type { DiagnosticInfo, EditorSnapshot, GatheredContext, Severity } from '../context/EditorContext';
import type { ContextChip } from '../protocol/messages';
import { workspacePath } from './context/workspacePath';

const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function diagnosticsOf(uri: vscode.Uri): DiagnosticInfo[] {
  return vscode.languages.getDiagnostics(uri).map((d) => ({ severity: SEVERITY[d.severity], message: d.message, line: d.range.start.line, source: d.source }));
}

export function snapshotEditor(editor: vscode.TextEditor, range: vscode.Range = editor.selection): EditorSnapshot {
  const document = editor.document;
  return {
    text: document.getText(),
    languageId: document.languageId,
    relativePath: workspacePath(document.uri),
    selectionStart: document.offsetAt(range.start),
    selectionEnd: document.offsetAt(range.end),
    diagnostics: diagnosticsOf(document.uri),
  };
}

export function chipFor(context: GatheredContext): ContextChip {
  const lines = context.endLine - context.startLine + 1;
  const where = lines === 1 ? `${context.startLine + 1}` : `${context.startLine + 1}-${context.endLine + 1}`;
  return { label: `${context.relativePath}:${where}`, languageId: context.languageId, lineCount: lines };
}
