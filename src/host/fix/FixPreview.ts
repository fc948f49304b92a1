// One inline preview (a fix, an edit, generated code) in one document: the anchored region (empty for an
// insertion), the streamed proposal shown under it, removed lines in red, proposed lines in a comment zone per hunk. It never edits the document itself;
// only accept() does, one WorkspaceEdit (one undo step) per decision, after checking the text is unchanged.
import * as vscode from 'vscode';
import { describeChange, previewTexts, type PreviewNoun } from './previewTexts';
import { type FixProposal } from '../../fix/FixProposal';
import { commonEnds } from '../../fix/commonEnds';
import type { Hunk } from '../../fix/diffLines';
import { fenced } from '../../prompt/fenceFor';

export type PreviewPhase = 'streaming' | 'preview';

export interface PreviewLook {
  readonly removed: vscode.TextEditorDecorationType;
  readonly pending: vscode.TextEditorDecorationType;
  readonly comments: vscode.CommentController;
}

/** An accept whose edit was sent; its change is recognised by document version, not by timing. */
interface OwnEdit {
  /** The document's version when the edit was made: the first change reported after it is ours. */
  readonly fromVersion: number;
  readonly ids: readonly number[];
  readonly landed: (applied: boolean) => void;
}

export class FixPreview {
  phase: PreviewPhase = 'streaming';
  proposal: FixProposal | undefined;
  /** What the user should know about the request (definitions left out), shown under the preview's code. */
  notes: readonly string[] = [];
  /** Offset of the region in the document; shifted when the user edits above it. */
  regionStart: number;
  private threads: vscode.CommentThread[] = [];
  private ownEdit: OwnEdit | undefined;
  /** Decisions run one after another, each against the text the previous one left. */
  private decisions: Promise<unknown> = Promise.resolve();
  readonly abort = new AbortController();

  constructor(
    readonly document: vscode.TextDocument,
    region: vscode.Range,
    readonly original: string,
    readonly languageId: string,
    private readonly look: PreviewLook,
    /** What the user asked for, which picks the preview's sentences (previewTexts). */
    readonly noun: PreviewNoun = 'fix',
  ) {
    this.regionStart = document.offsetAt(region.start);
  }

  /** The text the region must contain now for any decision to be applied. */
  expectedText(): string {
    return this.proposal ? this.proposal.currentText() : this.original;
  }

  regionRange(): vscode.Range {
    return new vscode.Range(this.document.positionAt(this.regionStart), this.document.positionAt(this.regionStart + this.expectedText().length));
  }

  regionIsIntact(): boolean {
    return this.document.getText(this.regionRange()) === this.expectedText();
  }

  /** Document line where a hunk's first (current) line sits. */
  hunkLine(hunk: Hunk): number {
    return this.document.positionAt(this.regionStart).line + this.proposal!.currentLine(hunk.id);
  }

  /**
   * Follows an edit made to the document. Returns false when it touched the region (or an undo changed
   * it): the preview can no longer be trusted and must be closed.
   */
  follow(event: vscode.TextDocumentChangeEvent): boolean {
    const own = this.ownEdit;
    if (own && event.document.version > own.fromVersion) {
      // Our accept's edit, which may be reported before or after applyEdit resolves: record the
      // decision now, so whatever follows is checked against the text the region holds from here on.
      this.ownEdit = undefined;
      for (const id of own.ids) this.proposal!.mark(id, 'accepted');
      own.landed(true);
      return this.regionIsIntact();
    }
    let start = this.regionStart;
    const end = this.regionStart + this.expectedText().length;
    for (const change of event.contentChanges) {
      const changeEnd = change.rangeOffset + change.rangeLength;
      if (changeEnd <= start) {
        start += change.text.length - change.rangeLength;
      } else if (change.rangeOffset >= end) {
        continue;
      } else {
        return false;
      }
    }
    this.regionStart = start;
    return this.regionIsIntact();
  }

  showStreaming(code: string, editors: readonly vscode.TextEditor[]): void {
    const range = this.regionRange();
    const body = new vscode.MarkdownString(fenced(code + ' …', this.languageId));
    const thread = this.threads[0] ?? this.createThread(new vscode.Range(range.end.line, 0, range.end.line, 0));
    thread.label = previewTexts(this.noun).writing();
    thread.comments = [comment(body), ...this.noteComments()];
    this.decorate(editors);
  }

  /** Replaces the comment zones with one per pending hunk; call only when the proposal or decisions change. */
  showProposal(editors: readonly vscode.TextEditor[]): void {
    this.phase = 'preview';
    this.disposeThreads();
    const pending = this.proposal!.pending();
    pending.forEach((hunk, index) => {
      const first = this.hunkLine(hunk);
      const anchorLine = hunk.removed.length > 0 ? first + hunk.removed.length - 1 : Math.max(0, first - 1);
      const thread = this.createThread(new vscode.Range(anchorLine, 0, anchorLine, 0));
      thread.label = previewTexts(this.noun).hunkLabel(index + 1, pending.length, describeChange(hunk.removed.length, hunk.added.length));
      const added = hunk.added.map((l) => '+ ' + l.replace(/\r?\n$|\r$/, '')).join('\n');
      const dropped = hunk.removed.map((l) => '- ' + l.replace(/\r?\n$|\r$/, '')).join('\n');
      thread.comments = [comment(new vscode.MarkdownString(fenced(hunk.added.length > 0 ? added : dropped, 'diff'))), ...(index === 0 ? this.noteComments() : [])];
    });
    this.decorate(editors);
  }

  /**
   * Paints the region (while streaming) or the lines each pending hunk removes. It leaves the comment
   * zones alone: each zone opens an editor of its own, so redrawing them whenever the visible editors
   * change would change them again, without end.
   */
  decorate(editors: readonly vscode.TextEditor[]): void {
    const removed: vscode.Range[] = [];
    if (this.phase === 'preview') {
      for (const hunk of this.proposal!.pending()) {
        const first = this.hunkLine(hunk);
        if (hunk.removed.length > 0) removed.push(new vscode.Range(first, 0, first + hunk.removed.length - 1, 0));
      }
    }
    const pending = this.phase === 'streaming' ? [this.regionRange()] : [];
    for (const editor of editors) {
      editor.setDecorations(this.look.pending, pending);
      editor.setDecorations(this.look.removed, removed);
    }
  }

  /**
   * Applies one hunk (or all pending ones) as a single edit; false when the region changed meanwhile
   * or the preview was closed. Hunks already decided by an earlier click are skipped.
   */
  accept(ids: readonly number[]): Promise<boolean> {
    return this.queue(() => this.applyAccept(ids));
  }

  reject(ids: readonly number[]): Promise<void> {
    return this.queue(() => {
      for (const id of ids) if (this.proposal!.state(id) === 'pending') this.proposal!.mark(id, 'rejected');
    });
  }

  clear(editors: readonly vscode.TextEditor[]): void {
    this.abort.abort();
    this.forgetOwnEdit();
    this.disposeThreads();
    for (const editor of editors) {
      editor.setDecorations(this.look.removed, []);
      editor.setDecorations(this.look.pending, []);
    }
  }

  private queue<T>(step: () => Promise<T> | T): Promise<T> {
    const run = this.decisions.then(step);
    this.decisions = run.catch(() => undefined);
    return run;
  }

  private async applyAccept(ids: readonly number[]): Promise<boolean> {
    const proposal = this.proposal!;
    const pending = ids.filter((id) => proposal.state(id) === 'pending');
    if (this.abort.signal.aborted) return false;
    if (pending.length === 0) return true;
    if (!this.regionIsIntact()) return false;
    const before = proposal.currentText();
    const edits = pending.map((id) => proposal.acceptEdit(id)).sort((a, b) => b.start - a.start);
    let after = before;
    for (const edit of edits) after = after.slice(0, edit.start) + edit.text + after.slice(edit.end);
    const workspaceEdit = new vscode.WorkspaceEdit();
    // The smallest replacement that turns `before` into `after`, so cursors and folding elsewhere survive.
    const { prefix, suffix } = commonEnds(before, after);
    const start = this.document.positionAt(this.regionStart + prefix);
    const end = this.document.positionAt(this.regionStart + before.length - suffix);
    workspaceEdit.replace(this.document.uri, new vscode.Range(start, end), after.slice(prefix, after.length - suffix));
    const landed = new Promise<boolean>((resolve) => (this.ownEdit = { fromVersion: this.document.version, ids: pending, landed: resolve }));
    let applied = false;
    try {
      applied = await vscode.workspace.applyEdit(workspaceEdit);
    } finally {
      if (!applied) this.forgetOwnEdit();
    }
    // The change event can arrive after applyEdit resolves; the region is only checked once it has.
    return applied && (await landed) && this.regionIsIntact();
  }

  private forgetOwnEdit(): void {
    this.ownEdit?.landed(false);
    this.ownEdit = undefined;
  }

  /** What the comment zones show, as text (for the extension-host tests). */
  shownText(): string[] {
    return this.threads.flatMap((t) => t.comments.map((c) => (typeof c.body === 'string' ? c.body : c.body.value)));
  }

  /** The notes as plain text (a string body is not markdown: they quote settings and paths). */
  private noteComments(): vscode.Comment[] {
    return this.notes.map((note) => comment(vscode.l10n.t('Note: {0}', note)));
  }

  private createThread(range: vscode.Range): vscode.CommentThread {
    const thread = this.look.comments.createCommentThread(this.document.uri, range, []);
    thread.canReply = false;
    thread.contextValue = 'phi4.fix';
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    this.threads.push(thread);
    return thread;
  }

  private disposeThreads(): void {
    for (const thread of this.threads) thread.dispose();
    this.threads = [];
  }
}

function comment(body: vscode.MarkdownString | string): vscode.Comment {
  return { body, mode: vscode.CommentMode.Preview, author: { name: vscode.l10n.t('Phi-4') } };
}
