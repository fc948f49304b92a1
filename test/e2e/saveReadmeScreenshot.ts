// The README's screenshots, made from the running product by the UI scenarios so they never go stale.
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO } from './codeServer';

export async function saveReadmeScreenshot(page: Page, name: string): Promise<void> {
  // Earlier scenarios may leave a terminal open, which would show this machine's prompt and paths.
  if (await page.locator('.part.panel').isVisible()) {
    await page.keyboard.press('Control+J');
    // Best effort: a panel left showing spoils only the picture, not what this scenario checks.
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  }
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(REPO, 'media', name) });
}
