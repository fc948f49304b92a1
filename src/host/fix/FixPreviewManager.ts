// Keeps at most one inline preview (fix, edit, generated code) per document, routes document edits to it, drives the CodeLens and the
// `phi4.fixPreviewVisible` context key, and closes previews that can no longer be applied safely.
import * as vscode from 'vscode';
import { FixPreview, type PreviewLook } from './FixPreview';
import { previewTexts, type PreviewNoun } from './previewTexts';

export class FixPreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, FixPreview>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly accepted = new vscode.EventEmitter<PreviewNoun>();
  /** A change from a preview was applied to its document; carries the preview's noun ("fix", "edit"…). */
  readonly onDidAccept = this.accepted.event;
  private lookCache: PreviewLook | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.accepted];
  private statusCache: vscode.StatusBarItem | undefined;
  private listening = false;

  /** The status item is made on the first fix, not at activation. */
  private get status(): vscode.StatusBarItem {
    if (this.statusCache) return this.statusCache;
    const status = vscode.window.createStatusBarItem('phi4.fixStatus', vscode.StatusBarAlignment.Right, 99);
    status.name = vscode.l10n.t('Phi-4 Fix');
    this.disposables.push(status);
    this.statusCache = status;
    return status;
  }

  /** Follows edits, closed files and editor switches from the first fix on; before it, none concerns a preview. */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc.uri, previewTexts(this.get(doc.uri)?.noun ?? 'fix').fileClosed())),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.redraw()),
    );
  }

  /** Decorations and the comment controller are created on the first fix, not at activation. */
  private get look(): PreviewLook {
    if (this.lookCache) return this.lookCache;
    this.lookCache = {
      removed: vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor('diffEditor.removedLineBackground'),
        overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.deletedForeground'),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        textDecoration: 'line-through',
      }),
      pending: vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor('editor.findRangeHighlightBackground'),
      }),
      comments: vscode.comments.createCommentController('phi4.fixPreview', vscode.l10n.t('Phi-4 Fix Preview')),
    };
    this.disposables.push(this.lookCache.removed, this.lookCache.pending, this.lookCache.comments);
    return this.lookCache;
  }

  noteAccepted(preview: FixPreview): void {
    this.accepted.fire(preview.noun);
  }

  get(uri: vscode.Uri): FixPreview | undefined {
    return this.previews.get(uri.toString());
  }

  forActiveEditor(): FixPreview | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor ? this.get(editor.document.uri) : undefined;
  }

  /** False once the preview was closed or replaced, e.g. while a decision on it was being applied. */
  isCurrent(preview: FixPreview): boolean {
    return this.get(preview.document.uri) === preview;
  }

  all(): FixPreview[] {
    return [...this.previews.values()];
  }

  /**
   * Starts a preview; an existing one in the same document is replaced (two never overlap). Callers ask the
   * user first (see confirmReplace).
   */
  start(document: vscode.TextDocument, region: vscode.Range, languageId: string, noun: PreviewNoun = 'fix'): FixPreview {
    this.close(document.uri);
    const preview = new FixPreview(document, region, document.getText(region), languageId, this.look, noun);
    this.listen();
    this.previews.set(document.uri.toString(), preview);
    this.notify();
    return preview;
  }

  editorsOf(preview: FixPreview): vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((e) => e.document === preview.document);
  }

  /** Removes a preview, leaving the document as it is; `reason` is shown when it was not the user's choice. */
  close(uri: vscode.Uri, reason?: string): void {
    const preview = this.get(uri);
    if (!preview) return;
    this.previews.delete(uri.toString());
    preview.clear(this.editorsOf(preview));
    this.notify();
    if (reason) void vscode.window.showWarningMessage(reason);
  }

  notify(): void {
    this.changed.fire();
    this.updateContext();
    const streaming = this.all().filter((p) => p.phase === 'streaming');
    this.status.command = streaming.length === 1 ? { title: vscode.l10n.t('Cancel'), command: 'phi4.fixCancel', arguments: [streaming[0].document.uri] } : 'phi4.fixCancel';
    if (streaming.length > 0) {
      this.status.text = `$(loading~spin) ${previewTexts(streaming[0].noun).writing()}`;
      this.status.tooltip = previewTexts(streaming[0].noun).cancelTooltip();
      this.status.show();
    }
    else this.status.hide();
  }

  /** Paints previews into editors that just became visible; the comment zones already show in every editor. */
  redraw(): void {
    for (const preview of this.previews.values()) preview.decorate(this.editorsOf(preview));
    this.updateContext();
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const preview = this.get(event.document.uri);
    if (!preview || event.contentChanges.length === 0) return;
    if (!preview.follow(event)) {
      const why =
        event.reason === vscode.TextDocumentChangeReason.Undo || event.reason === vscode.TextDocumentChangeReason.Redo
          ? previewTexts(preview.noun).undoneUnder()
          : previewTexts(preview.noun).editedUnder();
      this.close(event.document.uri, why);
      return;
    }
    this.notify();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'phi4.fixPreviewVisible', this.forActiveEditor() !== undefined);
  }

  dispose(): void {
    for (const uri of [...this.previews.keys()]) this.close(vscode.Uri.parse(uri));
    for (const d of this.disposables) d.dispose();
  }
}
