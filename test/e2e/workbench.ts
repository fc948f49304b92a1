// Playwright helpers for the VS Code workbench: commands, files, the chat webview. They wait on state,
// never on fixed sleeps, and hover menu entries before clicking (a bare click is sometimes ignored).
import * as fs from 'node:fs';
import type { Dialog, Frame, Page } from 'playwright-core';

export const EXTENSION_ID = 'phi4-local.phi4-local';

/**
 * The workbench is up and the extension has activated: its status bar item is there (it is created on
 * activation, at startup). The activity bar's Phi-4 icon is not enough: the workbench draws it from its cache
 * before the extension host has read the extension, whose commands are then not in the palette yet.
 */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar-item[id*="phi4"]').first().waitFor({ timeout: 90_000 });
}

/**
 * Reloads the page as a user pressing F5 would. The workbench may ask "leave this page?" (a beforeunload
 * dialog, e.g. while it backs up unsaved files); Playwright dismisses dialogs by default, which cancels the
 * reload and leaves it waiting forever, so this one is accepted.
 */
export async function reloadPage(page: Page): Promise<void> {
  const leave = (dialog: Dialog): void => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss());
  page.on('dialog', leave);
  try {
    // Readiness is the workbench itself: a webview resource still loading must not hold the reload up.
    await page.reload({ waitUntil: 'domcontentloaded' });
  } finally {
    page.off('dialog', leave);
  }
  await waitForWorkbench(page);
}

/**
 * Changes user settings.json on disk and reloads the window, which reads it again (the workbench does not
 * notice the file changing behind its back). Undefined removes a key.
 */
export async function editSettings(page: Page, file: string, patch: Record<string, unknown>): Promise<void> {
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete settings[key];
    else settings[key] = value;
  }
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
  await reloadPage(page);
}

/**
 * Runs a command by its exact title (its category may be left out). The palette also lists longer titles that contain it ("View: Close Editor
 * Group" for "View: Close Editor"), and recently used ones come first, so the exact row is clicked, not Enter.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^(?:[^:]+: )?${escapeRegExp(title)}$`) }) }).first();
  await row.waitFor();
  await row.click();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor();
}

/** Selects whole lines [from, to) (0-based) in the active editor with the keyboard. */
export async function selectLines(page: Page, from: number, to: number): Promise<void> {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < from; i++) await page.keyboard.press('ArrowDown');
  for (let i = from; i < to; i++) await page.keyboard.press('Shift+ArrowDown');
}

/**
 * Opens the editor's context menu by right-clicking inside the current selection. Clicking a line by its index
 * in the DOM is not enough: Monaco recycles line elements out of order, and a click outside the selection
 * collapses it, so the command would see a different range.
 */
export async function rightClickSelection(page: Page): Promise<void> {
  const highlight = page.locator('.editor-instance .monaco-editor .view-overlays .selected-text');
  await highlight.first().waitFor();
  const boxes = (await highlight.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }))))
    .filter((box) => box.width > 4);
  boxes.sort((a, b) => a.y - b.y);
  const box = boxes[Math.floor(boxes.length / 2)];
  if (!box) throw new Error('no visible selection to right-click');
  await page.mouse.click(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2, { button: 'right' });
}

/**
 * Picks an entry of the open context menu. A click that lands while the menu is still settling is sometimes
 * dropped by the workbench (the menu stays open and blocks every later click), so it looks again and retries.
 */
export async function pickMenuItem(page: Page, entry: RegExp): Promise<void> {
  const item = page.locator('.context-view .action-menu-item').filter({ hasText: entry });
  for (let attempt = 0; ; attempt++) {
    await item.hover();
    await item.click();
    const closed = await item.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
    if (closed) return;
    if (attempt === 2) throw new Error(`the context menu stayed open after choosing ${entry}`);
  }
}

/** Shows the chat view (without toggling it closed when it is already showing). */
export async function openChat(page: Page): Promise<Frame> {
  const tab = page.getByRole('tab', { name: 'Phi-4' }).first();
  await tab.waitFor();
  // Clicking the tab of the container already shown collapses the side bar, and right after a reload the
  // workbench may still be restoring the chat while we look. So click only when it is not the open one,
  // and if a click raced the restore (toggling it shut), look again and click again after a pause.
  const expanded = async (): Promise<boolean> => (await tab.getAttribute('aria-expanded')) === 'true';
  let lastClick = 0;
  for (const deadline = Date.now() + 30_000; ; ) {
    // Open twice in a row, half a second apart: a restore still in flight would have flipped it by then.
    if ((await expanded()) && (await page.waitForTimeout(500), await expanded())) break;
    if (Date.now() > deadline) throw new Error('the Phi-4 view container did not open');
    if (!(await expanded()) && Date.now() - lastClick > 2_000) {
      await tab.click();
      lastClick = Date.now();
    }
    await page.waitForTimeout(100);
  }
  return chatFrame(page);
}

/**
 * Webviews live in an overlay laid over the part that shows them, and a view restored by a reload has the same
 * URL as an editor tab's, so a chat in an editor tab is told apart by where it is drawn.
 */
async function inEditorPart(page: Page, outer: Frame): Promise<boolean> {
  const box = await (await outer.frameElement()).boundingBox();
  const editor = await page.locator('.part.editor').boundingBox();
  if (!box || !editor) return false;
  const x = box.x + box.width / 2;
  return box.width > 0 && x > editor.x && x < editor.x + editor.width;
}

async function findChatFrame(page: Page, where: 'view' | 'editor'): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    const parent = frame.parentFrame();
    if (!parent?.url().includes(`extensionId=${EXTENSION_ID}`)) continue;
    if (!(await frame.$('body[data-ready="true"]').catch(() => null))) continue;
    if ((await inEditorPart(page, parent).catch(() => false)) === (where === 'editor')) return frame;
  }
  return undefined;
}

/** The inner frame of our webview view, or of the chat in an editor tab (two nested iframes; the outer one is found by extension id). */
export async function chatFrame(page: Page, where: 'view' | 'editor' = 'view'): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const frame = await findChatFrame(page, where);
    if (frame) return frame;
    if (Date.now() > deadline) {
      const seen = page.frames().filter((f) => f.parentFrame()?.url().includes(`extensionId=${EXTENSION_ID}`)).map((f) => f.parentFrame()!.url().replace(/^.*\?/, '?'));
      throw new Error(`the Phi-4 chat webview did not appear (${where}); our webview frames: ${JSON.stringify(seen)}`);
    }
    await page.waitForTimeout(100);
  }
}

/** Types a message and presses Enter; returns how many answers were on screen before, for `answerAfter`. */
export async function sendMessage(frame: Frame, text: string): Promise<number> {
  const before = await frame.locator('.turn-assistant').count();
  await frame.locator('#prompt').fill(text);
  await frame.locator('#prompt').press('Enter');
  return before;
}

/** Waits for the answer to the message sent when `before` answers were shown, and returns its text. */
export async function answerAfter(frame: Frame, before: number, timeout = 30_000): Promise<string> {
  const answer = frame.locator('.turn-assistant').nth(before);
  await answer.waitFor({ timeout });
  await frame.locator(`.turn-assistant:nth-child(${2 * before + 2}):not(.streaming)`).waitFor({ timeout });
  return (await answer.innerText()).trim();
}

export async function ask(frame: Frame, text: string, timeout?: number): Promise<string> {
  return answerAfter(frame, await sendMessage(frame, text), timeout);
}
