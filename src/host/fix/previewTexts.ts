// What the inline preview says about the request it shows. Each kind has its own whole sentences: gluing a
// noun ("fix", "an edit") into shared English sentences could never be translated (articles, gender, case).
import * as vscode from 'vscode';

/** What the user asked the inline preview for; also what onDidAccept reports. */
export type PreviewNoun = 'fix' | 'edit' | 'doc comment';

export interface PreviewTexts {
  /** While the answer streams: the comment zone, the CodeLens and the status item. */
  writing(): string;
  /** First sentence of the question before a new request replaces this open preview. */
  stillWriting(): string;
  previewOpen(): string;
  /** Second sentence of that question, naming the request that would replace it. */
  replaceWithThis(): string;
  cancelTooltip(): string;
  /** A pending change's comment zone: "Phi-4 fix 1/2: remove 3 lines". */
  hunkLabel(index: number, total: number, change: string): string;
  acceptAllTooltip(key: string): string;
  rejectAllTooltip(key: string): string;
  applied(undoKey: string): string;
  diffTitle(file: string): string;
  notApplied(): string;
  cutOff(): string;
  changedWhileWriting(): string;
  fileClosed(): string;
  editedUnder(): string;
  undoneUnder(): string;
  notes(notes: string): string;
  failed(reason: string): string;
}

const FIX: PreviewTexts = {
  writing: () => vscode.l10n.t('Phi-4 is writing a fix…'),
  stillWriting: () => vscode.l10n.t('Phi-4 is still writing a fix in this file.'),
  previewOpen: () => vscode.l10n.t('A Phi-4 fix preview is open in this file.'),
  replaceWithThis: () => vscode.l10n.t('Replace it with a fix?'),
  cancelTooltip: () => vscode.l10n.t('Click to cancel the fix (Escape in the editor)'),
  hunkLabel: (index, total, change) => vscode.l10n.t('Phi-4 fix {0}/{1}: {2}', index, total, change),
  acceptAllTooltip: (key) => vscode.l10n.t('Apply the whole fix ({0})', key),
  rejectAllTooltip: (key) => vscode.l10n.t('Discard the fix ({0})', key),
  applied: (undoKey) => vscode.l10n.t('Phi-4 fix applied — Undo ({0}) reverts it', undoKey),
  diffTitle: (file) => vscode.l10n.t('{0} ↔ Phi-4 fix', file),
  notApplied: () => vscode.l10n.t('The code changed under the preview, so the fix was not applied.'),
  cutOff: () => vscode.l10n.t("Phi-4's fix was cut off at its length limit before the code was complete, so nothing was proposed. Select less code, or raise phi4.maxAnswerTokens."),
  changedWhileWriting: () => vscode.l10n.t('The code changed while Phi-4 was writing, so the fix was cancelled. Nothing was applied.'),
  fileClosed: () => vscode.l10n.t('The file was closed, so the fix was cancelled. Nothing was changed.'),
  editedUnder: () => vscode.l10n.t('You edited the code under the Phi-4 fix, so it was cancelled. Nothing was applied.'),
  undoneUnder: () => vscode.l10n.t('Undo changed the code under the Phi-4 fix preview, so the preview was closed.'),
  notes: (notes) => vscode.l10n.t('Phi-4 fix: {0}', notes),
  failed: (reason) => vscode.l10n.t('Phi-4 could not write the fix: {0}', reason),
};

const EDIT: PreviewTexts = {
  writing: () => vscode.l10n.t('Phi-4 is writing an edit…'),
  stillWriting: () => vscode.l10n.t('Phi-4 is still writing an edit in this file.'),
  previewOpen: () => vscode.l10n.t('A Phi-4 edit preview is open in this file.'),
  replaceWithThis: () => vscode.l10n.t('Replace it with an edit?'),
  cancelTooltip: () => vscode.l10n.t('Click to cancel the edit (Escape in the editor)'),
  hunkLabel: (index, total, change) => vscode.l10n.t('Phi-4 edit {0}/{1}: {2}', index, total, change),
  acceptAllTooltip: (key) => vscode.l10n.t('Apply the whole edit ({0})', key),
  rejectAllTooltip: (key) => vscode.l10n.t('Discard the edit ({0})', key),
  applied: (undoKey) => vscode.l10n.t('Phi-4 edit applied — Undo ({0}) reverts it', undoKey),
  diffTitle: (file) => vscode.l10n.t('{0} ↔ Phi-4 edit', file),
  notApplied: () => vscode.l10n.t('The code changed under the preview, so the edit was not applied.'),
  cutOff: () => vscode.l10n.t("Phi-4's edit was cut off at its length limit before the code was complete, so nothing was proposed. Select less code, or raise phi4.maxAnswerTokens."),
  changedWhileWriting: () => vscode.l10n.t('The code changed while Phi-4 was writing, so the edit was cancelled. Nothing was applied.'),
  fileClosed: () => vscode.l10n.t('The file was closed, so the edit was cancelled. Nothing was changed.'),
  editedUnder: () => vscode.l10n.t('You edited the code under the Phi-4 edit, so it was cancelled. Nothing was applied.'),
  undoneUnder: () => vscode.l10n.t('Undo changed the code under the Phi-4 edit preview, so the preview was closed.'),
  notes: (notes) => vscode.l10n.t('Phi-4 edit: {0}', notes),
  failed: (reason) => vscode.l10n.t('Phi-4 could not write the edit: {0}', reason),
};

const DOC_COMMENT: PreviewTexts = {
  writing: () => vscode.l10n.t('Phi-4 is writing a doc comment…'),
  stillWriting: () => vscode.l10n.t('Phi-4 is still writing a doc comment in this file.'),
  previewOpen: () => vscode.l10n.t('A Phi-4 doc comment preview is open in this file.'),
  replaceWithThis: () => vscode.l10n.t('Replace it with a doc comment?'),
  cancelTooltip: () => vscode.l10n.t('Click to cancel the doc comment (Escape in the editor)'),
  hunkLabel: (index, total, change) => vscode.l10n.t('Phi-4 doc comment {0}/{1}: {2}', index, total, change),
  acceptAllTooltip: (key) => vscode.l10n.t('Apply the whole doc comment ({0})', key),
  rejectAllTooltip: (key) => vscode.l10n.t('Discard the doc comment ({0})', key),
  applied: (undoKey) => vscode.l10n.t('Phi-4 doc comment applied — Undo ({0}) reverts it', undoKey),
  diffTitle: (file) => vscode.l10n.t('{0} ↔ Phi-4 doc comment', file),
  notApplied: () => vscode.l10n.t('The code changed under the preview, so the doc comment was not applied.'),
  cutOff: () => vscode.l10n.t("Phi-4's doc comment was cut off at its length limit before it was complete, so nothing was proposed. Raise phi4.maxAnswerTokens."),
  changedWhileWriting: () => vscode.l10n.t('The code changed while Phi-4 was writing, so the doc comment was cancelled. Nothing was applied.'),
  fileClosed: () => vscode.l10n.t('The file was closed, so the doc comment was cancelled. Nothing was changed.'),
  editedUnder: () => vscode.l10n.t('You edited the code under the Phi-4 doc comment, so it was cancelled. Nothing was applied.'),
  undoneUnder: () => vscode.l10n.t('Undo changed the code under the Phi-4 doc comment preview, so the preview was closed.'),
  notes: (notes) => vscode.l10n.t('Phi-4 doc comment: {0}', notes),
  failed: (reason) => vscode.l10n.t('Phi-4 could not write the doc comment: {0}', reason),
};

const TEXTS: Readonly<Record<PreviewNoun, PreviewTexts>> = { fix: FIX, edit: EDIT, 'doc comment': DOC_COMMENT };

export function previewTexts(noun: PreviewNoun): PreviewTexts {
  return TEXTS[noun];
}

/** What one pending change does, for its comment zone. */
export function describeChange(removed: number, added: number): string {
  if (added === 0) return removed === 1 ? vscode.l10n.t('remove 1 line') : vscode.l10n.t('remove {0} lines', removed);
  if (removed > 0) return added === 1 ? vscode.l10n.t('replace with 1 line') : vscode.l10n.t('replace with {0} lines', added);
  return added === 1 ? vscode.l10n.t('insert 1 line') : vscode.l10n.t('insert {0} lines', added);
}
