// Registers "Edit Selection…" and "Write Doc Comment", which answer in the inline preview that Fix owns.
import * as vscode from 'vscode';
import type { Services } from '../createServices';
import type { FixPreviewManager } from '../fix/FixPreviewManager';
import type { ChatFeature } from '../registerChat';
import { revealTarget } from '../fix/revealTarget';
import { askInstruction } from './askInstruction';
import { RecentInstructions } from './RecentInstructions';
import { runEdit } from './runEdit';
import { writeDocComment } from './writeDocComment';

export interface EditFeature {
  /** True while the instruction input is open (for the extension-host tests). */
  readonly asking: () => boolean;
}

export function registerEdit(context: vscode.ExtensionContext, services: Services, chat: ChatFeature, manager: FixPreviewManager): EditFeature {
  const recent = new RecentInstructions(context.globalState);
  let asking = false;
  // From the chat (`/edit`, `/doc`) no text editor is active when the chat is an editor tab: use the last one.
  const editorFor = (): vscode.TextEditor | undefined => vscode.window.activeTextEditor ?? chat.lastEditor();
  context.subscriptions.push(
    // An instruction passed as the argument (the chat's `/edit <instruction>`) skips the question.
    vscode.commands.registerCommand('phi4.editSelection', async (instruction?: unknown) => {
      const editor = editorFor();
      if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a file, then select the code you want Phi-4 to edit or put the cursor where new code should go.'));
      // The selection the user started from: while the instruction box is open they may click into the code.
      const selection = editor.selection;
      const given = typeof instruction === 'string' ? instruction.trim() : '';
      let text = given;
      if (!text) {
        asking = true;
        void services.preloader.ensure(); // while the user types the instruction
        text = (await askInstruction(recent.list(), selection.isEmpty).finally(() => (asking = false))) ?? '';
      }
      if (!text) return; // cancelled or empty: nothing is sent
      await recent.remember(text);
      await runEdit(services, manager, await revealTarget(editor), text, selection);
    }),
    vscode.commands.registerCommand('phi4.writeDocComment', async () => {
      const editor = editorFor();
      if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and put the cursor in the function, class or other declaration to document.'));
      await writeDocComment(services, manager, await revealTarget(editor));
    }),
  );
  return { asking: () => asking };
}
