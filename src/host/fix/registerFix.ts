// Registers "Fix Selection", the inline preview's decisions, the diff view and the lightbulb actions.
import * as vscode from 'vscode';
import { formatKey, keybindingLabel } from '../../keybindings/keybindingLabel';
import type { Services } from '../createServices';
import type { ChatFeature } from '../registerChat';
import { FixCodeActionProvider } from './FixCodeActionProvider';
import { FixCodeLensProvider } from './FixCodeLensProvider';
import { FixPreviewManager } from './FixPreviewManager';
import { previewTexts } from './previewTexts';
import { PROPOSED_SCHEME, ProposedFixDocument } from './ProposedFixDocument';
import { runFix, type FixHint } from './runFix';
import { revealTarget } from './revealTarget';

export function registerFix(context: vscode.ExtensionContext, services: Services, chat: ChatFeature): FixPreviewManager {
  const manager = new FixPreviewManager();
  const proposed = new ProposedFixDocument(manager);
  const keybindings = (context.extension.packageJSON as { contributes?: { keybindings?: unknown } }).contributes?.keybindings;
  const keyOf = (command: string): string => keybindingLabel(keybindings, command, process.platform) ?? vscode.l10n.t('no key bound');
  const previewFor = (uri?: unknown) => (uri instanceof vscode.Uri ? manager.get(uri) : manager.forActiveEditor());

  // A decision may finish after the preview was closed or replaced (a second click on Accept all, Reject
  // all meanwhile); then it has nothing left to close or redraw.
  const acceptAll = async (uri?: unknown): Promise<void> => {
    const preview = previewFor(uri);
    if (!preview?.proposal || preview.phase !== 'preview') return;
    const ok = await preview.accept(preview.proposal.pending().map((h) => h.id));
    if (ok) manager.noteAccepted(preview);
    if (!manager.isCurrent(preview)) return;
    manager.close(preview.document.uri, ok ? undefined : previewTexts(preview.noun).notApplied());
    // Undo is VS Code's own binding, not in our manifest.
    if (ok) vscode.window.setStatusBarMessage(previewTexts(preview.noun).applied(formatKey(process.platform === 'darwin' ? 'cmd+z' : 'ctrl+z', process.platform)), 5000);
  };
  const decideHunk = async (uri: unknown, id: unknown, accept: boolean): Promise<void> => {
    const preview = previewFor(uri);
    if (!preview?.proposal || preview.phase !== 'preview' || typeof id !== 'number' || preview.proposal.state(id) !== 'pending') return;
    let ok = true;
    if (accept) ok = await preview.accept([id]);
    else await preview.reject([id]);
    if (accept && ok) manager.noteAccepted(preview);
    if (!manager.isCurrent(preview)) return;
    if (!ok) return manager.close(preview.document.uri, vscode.l10n.t('The code changed under the preview, so the change was not applied.'));
    if (preview.proposal.settled) manager.close(preview.document.uri);
    else {
      preview.showProposal(manager.editorsOf(preview));
      manager.notify();
      proposed.refresh(preview.document.uri);
    }
  };

  context.subscriptions.push(
    manager,
    proposed,
    vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, proposed),
    vscode.languages.registerCodeLensProvider({ scheme: '*' }, new FixCodeLensProvider(manager, keyOf)),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new FixCodeActionProvider(), { providedCodeActionKinds: FixCodeActionProvider.kinds }),
    vscode.commands.registerCommand('phi4.fixSelection', async (uri?: unknown, range?: unknown, hints?: unknown) => {
      let editor = vscode.window.activeTextEditor ?? chat.lastEditor();
      if (uri instanceof vscode.Uri && editor?.document.uri.toString() !== uri.toString()) {
        editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
      }
      if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select the code you want Phi-4 to fix.'));
      await runFix(services, manager, await revealTarget(editor), range instanceof vscode.Range ? range : undefined, Array.isArray(hints) ? (hints as FixHint[]) : []);
    }),
    vscode.commands.registerCommand('phi4.fixAcceptAll', acceptAll),
    vscode.commands.registerCommand('phi4.fixRejectAll', (uri?: unknown) => {
      const preview = previewFor(uri);
      if (preview) manager.close(preview.document.uri);
    }),
    vscode.commands.registerCommand('phi4.fixCancel', (uri?: unknown) => {
      // A fix still gathering its definitions has no preview yet; cancelling stops it before it is sent.
      services.gathering.stop();
      const preview = previewFor(uri);
      if (preview) manager.close(preview.document.uri);
    }),
    vscode.commands.registerCommand('phi4.fixAcceptHunk', (uri: unknown, id: unknown) => decideHunk(uri, id, true)),
    vscode.commands.registerCommand('phi4.fixRejectHunk', (uri: unknown, id: unknown) => decideHunk(uri, id, false)),
    vscode.commands.registerCommand('phi4.fixShowDiff', async (uri?: unknown) => {
      const preview = previewFor(uri);
      if (!preview?.proposal) return;
      proposed.refresh(preview.document.uri);
      const name = vscode.workspace.asRelativePath(preview.document.uri, false);
      await vscode.commands.executeCommand('vscode.diff', preview.document.uri, ProposedFixDocument.uriFor(preview.document.uri), previewTexts(preview.noun).diffTitle(name), { preview: true, preserveFocus: true });
    }),
  );
  return manager;
}
