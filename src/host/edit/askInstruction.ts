// Asks for an Edit Selection instruction in a QuickPick that lists recent instructions (showInputBox has
// no history); what the user types becomes an item of its own. Undefined when cancelled or left empty.
import * as vscode from 'vscode';

export function askInstruction(recent: readonly string[], generating: boolean): Promise<string | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick();
    pick.title = generating ? vscode.l10n.t('Phi-4: Generate Code at the Cursor') : vscode.l10n.t('Phi-4: Edit Selection');
    pick.placeholder = generating ? vscode.l10n.t('What should Phi-4 write here? (Enter to send, Escape to cancel)') : vscode.l10n.t('How should Phi-4 change the selected code? (Enter to send, Escape to cancel)');
    // A typed instruction is the user's work: it stays when focus moves (to re-read the code, or when the
    // walkthrough that ran this command takes focus back) and goes only on Enter or Escape.
    pick.ignoreFocusOut = true;
    const recentItems: vscode.QuickPickItem[] = recent.map((label) => ({ label, description: vscode.l10n.t('recent'), iconPath: new vscode.ThemeIcon('history') }));
    pick.items = recentItems;
    // The typed entry's label can lag behind fast typing (items travel to the workbench after each key), so
    // accepting it sends what is in the box, never a stale label.
    const typedItems = new WeakSet<vscode.QuickPickItem>();
    pick.onDidChangeValue((value) => {
      const typed = value.trim();
      const item: vscode.QuickPickItem = { label: typed, description: vscode.l10n.t('new instruction'), alwaysShow: true };
      typedItems.add(item);
      pick.items = typed && !recent.includes(typed) ? [item, ...recentItems] : recentItems;
    });
    let accepted = false;
    pick.onDidAccept(() => {
      accepted = true;
      const active = pick.activeItems[0];
      const chosen = !active || typedItems.has(active) ? pick.value : active.label;
      resolve(chosen.trim() || undefined);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!accepted) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
