// The user-visible flows, one function each, driven through the real workbench.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { OllamaTestServer } from '../support/ollamaTestServer';
import { OpenAiTestServer } from '../support/openAiTestServer';
import { A11Y_SCENARIOS } from './a11yScenarios';
import { saveReadmeScreenshot } from './saveReadmeScreenshot';
import { WALKTHROUGH_SCENARIO } from './walkthroughScenario';
import { answerAfter, ask, chatFrame, editSettings, openChat, openFile, pickMenuItem, reloadPage, rightClickSelection, runCommand, selectLines, sendMessage, waitForWorkbench } from './workbench';

export interface ScenarioContext {
  readonly page: Page;
  readonly ollama: OllamaTestServer;
  readonly workspace: string;
  readonly url: string;
  /** The user settings.json of this VS Code; the workbench applies edits to it at once. */
  readonly settingsFile: string;
}

async function waitUntil(probe: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !probe(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) throw new Error('timed out');
  }
}

export interface Scenario {
  readonly name: string;
  run(ctx: ScenarioContext): Promise<void>;
}

const CODE_ANSWER = 'Here is a **typed** helper:\n\n```typescript\nexport function clamp(value: number, min: number, max: number): number {\n  return Math.min(max, Math.max(min, value));\n}\n```\n\n1. It takes a value\n2. It returns it clamped\n';

/**
 * Opens average.js (tab-indented, a blank line after the function) and selects lines 1-7 the way people
 * select whole lines: Shift+Down from column 1, ending at column 1 of line 8. `fixed` is the file as
 * AVERAGE_ANSWER's two changed lines make it.
 */
async function selectAverageWholeLines(page: Page, workspace: string): Promise<{ file: string; original: string; fixed: string }> {
  const file = path.join(workspace, 'src', 'average.js');
  const original = fs.readFileSync(file, 'utf8');
  const fixed = original.replace('i <= xs.length', 'i < xs.length').replace('return total / xs.length;', 'return xs.length === 0 ? 0 : total / xs.length;');
  await openFile(page, 'average.js');
  await selectLines(page, 0, 7);
  return { file, original, fixed };
}

async function until<T>(what: string, probe: () => T | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const AVERAGE_ANSWER = 'Two problems: the loop reads past the end, and an empty list divides by zero.\n\n```javascript\nfunction average(xs) {\n    let total = 0;\n    for (let i = 0; i < xs.length; i++) {\n        total += xs[i];\n    }\n    return xs.length === 0 ? 0 : total / xs.length;\n}\n```\n';

const SHARED_KEY = 'sk-team-7f3e9a1c2b';

/** Starts a new conversation and waits until the view shows it empty, so answers are counted from zero. */
async function newChat(page: Page, frame: Frame): Promise<void> {
  await runCommand(page, 'Phi-4: New Chat');
  await frame.locator('.turn-assistant').first().waitFor({ state: 'detached' });
}

/** Files under `dir` whose bytes contain `needle` (as UTF-8 or UTF-16LE, as some stores write). */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = fs.readFileSync(file);
    if (patterns.some((p) => bytes.includes(p))) found.push(file);
  }
  return found;
}

const SHOT_DIR = path.join(__dirname, '../../../test-results/screenshots');

async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
}

/**
 * Answers VS Code's own save dialog (the path box code-server shows). It lists the typed folder as the path
 * changes and ignores Enter while busy doing so, so Enter is pressed again until the box closes.
 */
async function saveAs(page: Page, file: string): Promise<void> {
  const pathBox = page.locator('.quick-input-widget .quick-input-box input');
  await pathBox.waitFor();
  // The dialog fills in its default path once it has read that folder; typing before then is overwritten.
  for (const end = Date.now() + 15_000; (await pathBox.inputValue()) === ''; await page.waitForTimeout(100)) {
    if (Date.now() > end) throw new Error('the save dialog showed no default path');
  }
  for (const end = Date.now() + 15_000; await pathBox.isVisible(); await page.waitForTimeout(500)) {
    if (Date.now() > end) throw new Error(`the save dialog did not take ${file}`);
    if ((await pathBox.inputValue()) !== file) await pathBox.fill(file);
    // Only while the box has focus: once it closes, a key would go to the editor behind it.
    else if (await pathBox.evaluate((e) => e === document.activeElement)) await page.keyboard.press('Enter');
  }
}

/** Opens a context-menu submenu and picks an entry; submenus nest inside their parent item, so match anchors. */
async function clickMenu(page: Page, submenu: string, entry: string): Promise<void> {
  const parent = page.locator('.context-view .action-menu-item').filter({ hasText: new RegExp(`^${submenu}$`) });
  await parent.hover();
  await parent.click();
  await pickMenuItem(page, new RegExp(`^${entry}`));
}

export const SCENARIOS: Scenario[] = [
  WALKTHROUGH_SCENARIO,
  {
    name: '01-chat-streams-markdown',
    async run({ page, ollama }) {
      const frame = await openChat(page);
      ollama.enqueue({ answer: CODE_ANSWER, chunkDelayMs: 25 });
      await frame.evaluate(() => {
        const w = window as unknown as { __states: number };
        w.__states = 0;
        new MutationObserver(() => w.__states++).observe(document.getElementById('transcript')!, { childList: true, subtree: true, characterData: true });
      });
      const text = await ask(frame, 'Write a clamp function');
      const states = await frame.evaluate(() => (window as unknown as { __states: number }).__states);
      assert.ok(states >= 5, `answer streamed in ${states} DOM states`);
      assert.ok(text.includes('Here is a typed helper'));
      assert.ok(await frame.locator('.turn-assistant .code-block .hljs-keyword').count() > 0, 'code highlighted');
      assert.equal(await frame.locator('.turn-assistant strong').first().innerText(), 'typed');
      assert.match(await frame.locator('.turn-assistant .turn-stats').last().innerText(), /phi4:latest · \d+ prompt → \d+ answer tokens · first token .* tok\/s/);
      const [request] = ollama.answerRequests();
      assert.equal(request.body?.raw, true);
      assert.match(String(request.body?.prompt), /<\|im_start\|>user<\|im_sep\|>\nWrite a clamp function<\|im_end\|>\n<\|im_start\|>assistant<\|im_sep\|>\n$/);
      assert.equal((request.body?.options as { num_ctx: number }).num_ctx, 16384);
    },
  },
  {
    name: '02-stop-keeps-partial-answer',
    async run({ page, ollama }) {
      const frame = await openChat(page);
      ollama.enqueue({ answer: 'This answer is long. '.repeat(200), chunkDelayMs: 30 });
      await sendMessage(frame, 'Tell me a long story');
      await frame.locator('.turn-assistant.streaming .answer p').first().waitFor();
      // While the user is at the end, the view follows the answer as it grows past the view's height...
      const atEnd = (): boolean => {
        const s = document.getElementById('scroller')!;
        return s.scrollHeight > s.clientHeight + 200 && s.scrollHeight - s.scrollTop - s.clientHeight < 4;
      };
      await frame.waitForFunction(atEnd, undefined, { timeout: 30_000, polling: 100 });
      // ...and once they scroll up to read, it stays where they are while text keeps arriving.
      const before = await frame.evaluate(() => {
        const s = document.getElementById('scroller')!;
        s.scrollTop = 100;
        return s.scrollHeight;
      });
      await frame.waitForFunction((h) => document.getElementById('scroller')!.scrollHeight > h + 100, before, { timeout: 15_000, polling: 100 });
      assert.equal(await frame.evaluate(() => document.getElementById('scroller')!.scrollTop), 100, 'the view stayed where the user scrolled');
      await frame.locator('#stop').click();
      await frame.locator('.turn-assistant .turn-mark.stopped').last().waitFor();
      const text = await frame.locator('.turn-assistant').last().innerText();
      assert.ok(text.includes('This answer is long.'), 'partial text kept');
      assert.ok(text.includes('Stopped — partial answer'));
      await until('the server to see the connection close', () => ollama.answerRequests()[0]?.closedByClient);
      await frame.locator('#stop').waitFor({ state: 'hidden' });
    },
  },
  {
    name: '03-reload-restores-conversation',
    async run({ page }) {
      await runCommand(page, 'Developer: Reload Window');
      await page.waitForLoadState('load');
      await waitForWorkbench(page);
      const frame = await openChat(page);
      await frame.locator('.turn-user', { hasText: 'Write a clamp function' }).waitFor();
      await frame.locator('.turn-user', { hasText: 'Tell me a long story' }).waitFor();
      assert.ok((await frame.locator('.turn-assistant .code-block').count()) > 0, 'answer re-rendered with its code block');
      assert.ok((await frame.locator('.turn-mark.stopped').count()) > 0, 'stopped answer still marked');
    },
  },
  {
    name: '04-explain-from-context-menu',
    async run({ page, ollama }) {
      await openFile(page, 'math.ts');
      await selectLines(page, 5, 10);
      ollama.enqueue({ answer: 'This computes the **average**, but the loop reads one element too many.', chunkDelayMs: 10 });
      await rightClickSelection(page);
      // Submenus nest inside their parent item, so match the item's own anchor, not the whole item.
      await clickMenu(page, 'Phi-4', 'Explain Selection');
      const frame = await openChat(page);
      await frame.locator('.turn-user', { hasText: 'Explain src/math.ts:6-10' }).waitFor().catch(async (err: Error) => {
        throw new Error(`${err.message}\nquestions shown: ${JSON.stringify(await frame.locator('.turn-user').allInnerTexts())}`);
      });
      const text = await answerAfter(frame, (await frame.locator('.turn-assistant').count()) - 1);
      assert.ok(text.includes('loop reads one element too many'));
      const prompt = String(ollama.answerRequests()[0].body?.prompt);
      assert.ok(prompt.includes('for (let i = 0; i <= values.length; i++) {'), 'selection in prompt');
      assert.ok(prompt.includes('`src/math.ts`'), 'path in prompt');
    },
  },
  {
    name: '05-fix-inline-preview-accept-reject-undo',
    async run({ page, ollama, workspace }) {
      const file = path.join(workspace, 'src', 'stats.ts');
      const original = fs.readFileSync(file, 'utf8');
      const fixed = original.replace('i <= values.length', 'i < values.length');
      const answer = 'Fixed:\n```ts\nlet total = 0;\nfor (let i = 0; i < values.length; i++) {\n    total += values[i];\n}\nreturn total;\n```';
      await openFile(page, 'stats.ts');
      await selectLines(page, 1, 6);
      // Slow enough (~3 s) that the streaming state is on screen long enough to be seen.
      ollama.enqueue({ answer, chunkDelayMs: 150 });
      await rightClickSelection(page);
      await clickMenu(page, 'Phi-4', 'Fix Selection');
      await page.locator('.contentWidgets .codelens-decoration', { hasText: 'writing a fix' }).waitFor();
      await page.locator('.zone-widget, .review-widget', { hasText: 'Phi-4 is writing a fix' }).first().waitFor();
      const acceptAll = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Accept all' });
      await acceptAll.waitFor();
      await page.locator('.review-widget, .comment-thread-widget, .zone-widget', { hasText: 'i < values.length' }).first().waitFor();
      await page.screenshot({ path: path.join(SHOT_DIR, '05-fix-preview.png') });
      await saveReadmeScreenshot(page, 'screenshot-fix.png');
      assert.equal(await page.locator('.tab.active.dirty').count(), 0, 'the preview does not edit the document');
      await acceptAll.click();
      await acceptAll.waitFor({ state: 'detached' });
      await save(page);
      assert.equal(fs.readFileSync(file, 'utf8'), fixed, 'Accept all writes exactly the fix, tab-indented');

      await selectLines(page, 1, 6);
      ollama.enqueue({ answer: answer.replace('return total;', 'return total + 0;') });
      await runCommand(page, 'Phi-4: Fix Selection');
      const rejectAll = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Reject all' });
      await rejectAll.waitFor();
      await rejectAll.click();
      await rejectAll.waitFor({ state: 'detached' });
      assert.equal(await page.locator('.tab.active.dirty').count(), 0, 'Reject leaves the document untouched');
      assert.equal(fs.readFileSync(file, 'utf8'), fixed);

      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Z');
      await save(page);
      assert.equal(fs.readFileSync(file, 'utf8'), original, 'undo restores the original bytes');
    },
  },
  {
    name: '05b-fix-accept-all-keyboard-whole-lines',
    async run({ page, ollama, workspace }) {
      // Whole lines picked the way people do: Shift+Down from line 1 column 1, so the selection ends at
      // column 1 of line 8 and the region carries its final newline; the model's fix changes two lines.
      const { file, original, fixed } = await selectAverageWholeLines(page, workspace);
      ollama.enqueue({ answer: AVERAGE_ANSWER, chunkDelayMs: 40 });
      await page.evaluate(() => {
        const w = window as unknown as { __zonesDrawn: number };
        w.__zonesDrawn = 0;
        new MutationObserver((records) => {
          // A zone's element is inserted first and gets its `review-widget` class afterwards.
          for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && n.matches('.zone-widget')) w.__zonesDrawn++;
        }).observe(document.querySelector('.part.editor')!, { childList: true, subtree: true });
      });
      await runCommand(page, 'Phi-4: Fix Selection');
      await page.locator('.review-widget', { hasText: 'Phi-4 is writing a fix' }).first().waitFor();
      const acceptAll = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Accept all' });
      await acceptAll.click();
      await page.locator('.tab.active.dirty').waitFor({ timeout: 10_000 }).catch(() => assert.fail('Accept all left the document unchanged'));
      await save(page);
      assert.equal(fs.readFileSync(file, 'utf8'), fixed, 'Accept all writes exactly the fix, tab-indented');
      await acceptAll.waitFor({ state: 'detached' });
      assert.equal(await page.locator('.contentWidgets .codelens-decoration', { hasText: /Accept|Reject/ }).count(), 0, 'no lens is left behind');
      assert.equal(await page.locator('.review-widget').count(), 0, 'no comment zone is left behind');
      // One zone while writing, then one per change; a zone torn down and drawn again makes the lenses jump
      // under the pointer and floods the window with work that Accept all then waits behind.
      assert.equal(await page.evaluate(() => (window as unknown as { __zonesDrawn: number }).__zonesDrawn), 3, 'each comment zone is drawn once');

      await page.keyboard.press('Control+Z');
      await save(page);
      assert.equal(fs.readFileSync(file, 'utf8'), original, 'one undo restores the original bytes');
    },
  },
  {
    name: '06-lightbulb-fix-with-phi4',
    async run({ page, ollama }) {
      await openFile(page, 'label.ts');
      await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
      // Put the cursor inside the error (on `text`), where the lightbulb offers fixes for it.
      await page.locator('.editor-instance .monaco-editor .view-line').nth(1).locator('span', { hasText: /^text$/ }).first().click();
      ollama.enqueue({ answer: '```ts\nexport function label(count: number): string {\n\tconst text: string = String(count);\n\treturn text;\n}\n```' });
      await page.keyboard.press('Control+.');
      // The quick-fix list sits under a pointer-block overlay; choose with the keyboard like a user would.
      await page.locator('.action-widget .monaco-list-row', { hasText: 'Fix with Phi-4' }).waitFor();
      for (let i = 0; i < 10 && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Fix with Phi-4' }).count()); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Accept all' }).waitFor();
      const prompt = String(ollama.answerRequests()[0].body?.prompt);
      assert.ok(prompt.includes("Type 'number' is not assignable to type 'string'"), 'the diagnostic is in the prompt');
      await page.screenshot({ path: path.join(SHOT_DIR, '06-lightbulb-preview.png') });
      await page.keyboard.press('Control+Shift+Backspace');
      await page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Accept all' }).waitFor({ state: 'detached' });
    },
  },
  {
    name: '07-ollama-down-then-retry',
    async run({ page, ollama }) {
      const port = ollama.port;
      await ollama.stop();
      const frame = await openChat(page);
      await sendMessage(frame, 'Are you there?');
      const banner = frame.locator('#banner');
      await banner.locator('text=Ollama is not reachable').waitFor();
      assert.ok((await banner.innerText()).includes(`127.0.0.1:${port}`), 'names the host');
      assert.ok((await banner.innerText()).includes('ollama serve'), 'says how to start Ollama');
      await frame.locator('.turn-assistant .turn-error', { hasText: 'Cannot reach Ollama' }).last().waitFor();
      // The status bar says so too (it is created just after activation), and shows the model again once Ollama answers.
      await page.locator('.statusbar-item', { hasText: 'Phi-4 offline' }).waitFor();
      await ollama.start(port);
      await banner.locator('button', { hasText: 'Retry' }).click();
      await banner.waitFor({ state: 'hidden' });
      // Retry sends the failed question again; its answer is waited for, so it cannot take the next one.
      await frame.locator('.turn-assistant:not(.streaming)', { hasText: 'Hello from the test server.' }).waitFor();
      ollama.enqueue({ answer: 'Yes, I am back.' });
      assert.ok((await ask(frame, 'Are you there now?')).includes('Yes, I am back.'));
      await page.locator('.statusbar-item', { hasText: /^\s*phi4\s*$/ }).waitFor();
    },
  },
  {
    name: '08-model-missing-pull',
    async run({ page, ollama }) {
      ollama.models = [];
      ollama.pullChunkDelayMs = 150;
      const frame = await openChat(page);
      await sendMessage(frame, 'Hello?');
      const banner = frame.locator('#banner');
      await banner.locator('text=is not installed').waitFor();
      // A download of gigabytes starts only once the user confirms it: Cancel pulls nothing.
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Download phi4' });
      await banner.locator('button', { hasText: 'Pull phi4' }).click();
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(ollama.requests.filter((r) => r.path === '/api/pull'), []);
      await banner.locator('button', { hasText: 'Pull phi4' }).click();
      await dialog.locator('.monaco-button', { hasText: /^Pull$/ }).click();
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Pulling phi4' });
      await toast.waitFor();
      await page.locator('.notifications-toasts', { hasText: /\d+% — \d+ \/ \d+ MB/ }).waitFor();
      await page.locator('.notifications-toasts', { hasText: 'phi4 is ready' }).waitFor({ timeout: 30_000 });
      await banner.waitFor({ state: 'hidden' });
      ollama.enqueue({ answer: 'Model ready and answering.' });
      assert.ok((await ask(frame, 'Hello again')).includes('Model ready and answering.'));
    },
  },
  {
    name: '08b-forged-model-choice-is-ignored',
    async run({ page, ollama }) {
      const frame = await openChat(page);
      // A view script (or injected markup) asks for a model the server never listed.
      await frame.evaluate(() => {
        const select = document.getElementById('model') as HTMLSelectElement;
        select.add(new Option('evil-model:latest', 'evil-model:latest'));
        select.value = 'evil-model:latest';
        select.dispatchEvent(new Event('change'));
      });
      await new Promise((r) => setTimeout(r, 500));
      ollama.enqueue({ answer: 'Still the same model.' });
      assert.ok((await ask(frame, 'Which model?')).includes('Still the same model.'));
      assert.equal(ollama.answerRequests().at(-1)?.body?.model, 'phi4');
    },
  },
  {
    name: '09-insert-code-at-cursor',
    async run({ page, ollama, workspace }) {
      const frame = await openChat(page);
      // The model echoes a special-token string as it saw it, neutralized with a zero-width space after "<";
      // Insert and Copy give back the plain string.
      ollama.enqueue({ answer: '```python\ndef farewell(name):\n    return "Bye, " + name  # <\u200B|im_end|>\n```\n' });
      await ask(frame, 'Write farewell');
      await openFile(page, 'greet.py');
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await frame.locator('.turn-assistant').last().locator('[data-code-action="insert"]').click();
      await page.locator('.tab.active.dirty').waitFor();
      await save(page);
      const text = fs.readFileSync(path.join(workspace, 'src', 'greet.py'), 'utf8');
      assert.ok(text.endsWith('    return greet(name).upper()\ndef farewell(name):\n    return "Bye, " + name  # <|im_end|>\n'), JSON.stringify(text.slice(-120)));
      await page.keyboard.press('Control+Z');
      await page.locator('.tab.active.dirty').waitFor();
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      await frame.locator('.turn-assistant').last().locator('[data-code-action="copy"]').click();
      // The host writes the clipboard after the view's message arrives; poll until it has.
      let copied = '';
      for (const end = Date.now() + 10_000; Date.now() < end && !copied.includes('farewell'); await page.waitForTimeout(100)) {
        copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
      }
      assert.equal(copied, 'def farewell(name):\n    return "Bye, " + name  # <|im_end|>\n');
    },
  },
  {
    name: '10-xss-renders-inert',
    async run({ page, ollama }) {
      const payloads = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/markdown/xss-payloads.txt'), 'utf8');
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('request', (r) => {
        if (/evil\.example|ok\.example|javascript:/.test(r.url())) requests.push(r.url());
      });
      const frame = await openChat(page);
      ollama.enqueue({ answer: payloads, chunkDelayMs: 2 });
      await ask(frame, 'Show me some HTML', 60_000);
      const pwned = await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
      assert.equal(pwned, undefined, 'no injected script ran');
      assert.equal(await frame.locator('.turn-assistant img, .turn-assistant script, .turn-assistant iframe, .turn-assistant svg').count(), 0);
      assert.ok((await frame.locator('.turn-assistant').last().innerText()).includes('<script>window.__pwned=1</script>'), 'payload shown as text');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(requests, []);
    },
  },
  {
    name: '11-garbage-host-sends-nothing-no-fallback',
    async run({ page, ollama, settingsFile }) {
      // Ollama's default address: a fallback to it would show up here as a connection.
      const fallbacks: string[] = [];
      const guard = net.createServer((socket) => {
        fallbacks.push('connection');
        socket.destroy();
      });
      await new Promise<void>((resolve, reject) => guard.once('error', reject).listen(11434, '127.0.0.1', () => resolve()));
      const previous = ollama.url;
      try {
        await editSettings(page, settingsFile, { 'phi4.ollamaHost': 'ftp://not a host' });
        const frame = await openChat(page);
        const banner = frame.locator('#banner');
        await banner.locator('text=phi4.ollamaHost is not valid').waitFor();
        assert.ok((await banner.innerText()).includes('not a usable Ollama address'), await banner.innerText());
        await banner.locator('button', { hasText: 'Open Settings' }).waitFor();
        await sendMessage(frame, 'Anyone there?');
        // Not sent, so not lost: the question is back in the input, ready for when the setting is fixed.
        await frame.waitForFunction(() => (document.getElementById('prompt') as HTMLTextAreaElement).value === 'Anyone there?');
        await new Promise((r) => setTimeout(r, 1000));
        assert.deepEqual(fallbacks, [], 'nothing went to 127.0.0.1:11434');
        assert.deepEqual(ollama.requests.map((r) => r.path), [], 'nothing went to the configured server either');
      } finally {
        await editSettings(page, settingsFile, { 'phi4.ollamaHost': previous });
        await new Promise<void>((resolve) => guard.close(() => resolve()));
      }
      const frame = await openChat(page);
      await frame.locator('#banner').waitFor({ state: 'hidden' });
    },
  },
  {
    name: '12-explain-while-chat-answers-is-queued-visibly',
    async run({ page, ollama }) {
      const frame = await openChat(page);
      ollama.enqueue({ answer: 'slow '.repeat(800), chunkDelayMs: 20 }, { answer: 'The function averages the values.' });
      const before = await sendMessage(frame, 'Tell me a long story');
      await frame.locator('.turn-assistant.streaming').waitFor();
      await openFile(page, 'math.ts');
      await selectLines(page, 5, 10);
      await runCommand(page, 'Phi-4: Explain Selection');
      const chat = await openChat(page);
      await chat.locator('#queue', { hasText: '1 message queued' }).waitFor();
      assert.equal(ollama.answerRequests().length, 1, 'the Explain request waits; answers never interleave');
      const story = await answerAfter(chat, before);
      assert.ok(story.startsWith('slow slow'));
      await chat.locator('.turn-assistant:not(.streaming)', { hasText: 'The function averages the values.' }).waitFor();
      await chat.locator('#queue').waitFor({ state: 'hidden' });
      assert.ok(String(ollama.answerRequests()[1].body?.prompt).includes('src/math.ts'), 'the queued Explain went second');
    },
  },
  {
    name: '13-view-closed-mid-answer-keeps-streaming',
    async run({ page, ollama }) {
      const frame = await openChat(page);
      const answer = 'Part of a long answer. '.repeat(60);
      ollama.enqueue({ answer, chunkDelayMs: 15 });
      await sendMessage(frame, 'Write a long answer');
      await frame.locator('.turn-assistant.streaming').waitFor();
      // Close the sidebar with the chat in it while the answer is being written.
      await runCommand(page, 'View: Close Primary Side Bar');
      await page.locator('iframe.webview.ready[src*="extensionId=phi4-local.phi4-local"]').waitFor({ state: 'hidden' });
      await until('the answer to end on the server', () => ollama.answerRequests()[0]?.finished || ollama.answerRequests()[0]?.closedByClient, 60_000);
      assert.equal(ollama.answerRequests()[0].closedByClient, false, 'closing the view did not stop the answer');
      const reopened = await openChat(page);
      const shown = await reopened.locator('.turn-assistant').last().innerText();
      assert.ok(shown.includes(answer.trim().slice(-40)), 'the whole answer is there when the view comes back');
    },
  },
  {
    name: '14-over-long-message-refused-and-kept',
    async run({ page, ollama }) {
      const frame = await openChat(page);
      const turnsBefore = await frame.locator('.turn-user').count();
      const text = 'x'.repeat(100_001);
      await sendMessage(frame, text);
      const notice = frame.locator('#notice');
      await notice.waitFor({ state: 'visible' });
      assert.match(await notice.innerText(), /^Your message is too long: 100,001 characters, at most 100,000\./);
      assert.ok((await frame.locator('#prompt').inputValue()) === text, 'the text stays in the box to be shortened');
      assert.equal(await frame.locator('.turn-user').count(), turnsBefore, 'nothing was added to the conversation');
      assert.equal(ollama.answerRequests().length, 0, 'nothing was sent');
      await frame.locator('#prompt').fill('');
    },
  },
  {
    name: '15-slash-commands-new-explain-fix-unknown',
    async run({ page, ollama }) {
      let frame = await openChat(page);
      const prompt = frame.locator('#prompt');
      const list = frame.locator('#slash-list');
      // The list opens on "/", is a listbox the input points into, and follows Up/Down.
      ollama.enqueue({ answer: 'A slow answer. '.repeat(300), chunkDelayMs: 20 });
      await sendMessage(frame, 'Start something long');
      await frame.locator('.turn-assistant.streaming').waitFor();
      await prompt.pressSequentially('/');
      await list.waitFor();
      assert.equal(await list.getAttribute('role'), 'listbox');
      assert.deepEqual(await list.locator('[role="option"] .slash-name').allInnerTexts(), ['/explain', '/fix', '/edit <instruction>', '/tests', '/doc', '/new', '/export']);
      assert.equal(await prompt.getAttribute('aria-activedescendant'), 'slash-option-explain');
      await prompt.press('ArrowDown');
      assert.equal(await prompt.getAttribute('aria-activedescendant'), 'slash-option-fix');
      assert.equal(await list.locator('[aria-selected="true"]').innerText().then((t) => t.startsWith('/fix')), true);
      // Escape with the list open closes the list only: the answer goes on.
      await prompt.press('Escape');
      await list.waitFor({ state: 'hidden' });
      assert.equal(await prompt.inputValue(), '/');
      assert.equal(await frame.locator('.turn-assistant.streaming').count(), 1, 'Escape on the list did not stop the answer');
      await prompt.press('Escape');
      await frame.locator('.turn-assistant .turn-mark.stopped').last().waitFor();

      // An unknown command gets the list of known ones and is not sent.
      const requests = ollama.answerRequests().length;
      await sendMessage(frame, '/frobnicate now');
      await frame.locator('#notice', { hasText: '/frobnicate is not a command. Commands: /explain, /fix, /edit, /tests, /doc, /new, /export.' }).waitFor();
      assert.equal(await prompt.inputValue(), '/frobnicate now', 'the text stays to be corrected');
      assert.equal(ollama.answerRequests().length, requests);

      // Typing narrows the list; Enter on a command without an argument runs it.
      await prompt.fill('');
      await prompt.pressSequentially('/ne');
      assert.deepEqual(await list.locator('.slash-name').allInnerTexts(), ['/new']);
      await prompt.press('Enter');
      await frame.locator('#transcript .empty').waitFor();
      assert.equal(await frame.locator('.turn').count(), 0, 'a new chat is shown');
      assert.equal(ollama.answerRequests().length, requests, '/new is not sent to the model');

      // /explain and /fix act on the selection of the last active editor.
      await openFile(page, 'math.ts');
      await selectLines(page, 5, 10);
      frame = await openChat(page);
      ollama.enqueue({ answer: 'It averages the values.' });
      await sendMessage(frame, '/explain');
      await frame.locator('.turn-user', { hasText: 'Explain src/math.ts:6-10' }).waitFor().catch(async (err: Error) => {
        throw new Error(`${err.message}\nquestions shown: ${JSON.stringify(await frame.locator('.turn-user').allInnerTexts())}`);
      });
      await frame.locator('.turn-assistant:not(.streaming)', { hasText: 'It averages the values.' }).waitFor();
      assert.ok(String(ollama.answerRequests().at(-1)?.body?.prompt).includes('for (let i = 0; i <= values.length; i++) {'), 'the selection is in the prompt');

      await openFile(page, 'stats.ts');
      await selectLines(page, 1, 6);
      frame = await openChat(page);
      ollama.enqueue({ answer: '```ts\nlet total = 0;\nfor (let i = 0; i < values.length; i++) {\n    total += values[i];\n}\nreturn total;\n```' });
      await sendMessage(frame, '/fix');
      const rejectAll = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Reject all' });
      await rejectAll.waitFor();
      assert.equal(await frame.locator('.turn-user', { hasText: '/fix' }).count(), 0, 'the command itself is not a chat message');
      await rejectAll.click();
      await rejectAll.waitFor({ state: 'detached' });
    },
  },
  {
    name: '16-regenerate-and-edit-last-turn',
    async run({ page, ollama }) {
      await (await openChat(page)).locator('#new-chat').click();
      await openFile(page, 'math.ts');
      await selectLines(page, 5, 10);
      ollama.enqueue({ answer: 'First explanation.' }, { answer: 'Second explanation.' });
      await runCommand(page, 'Phi-4: Explain Selection');
      const frame = await openChat(page);
      await frame.locator('.turn-assistant:not(.streaming)', { hasText: 'First explanation.' }).waitFor();
      // The editor changes afterwards; Regenerate must not read it again.
      await selectLines(page, 0, 2);
      await frame.locator('.turn-assistant [data-turn-action="regenerate"]').click();
      await frame.locator('.turn-assistant:not(.streaming)', { hasText: 'Second explanation.' }).waitFor();
      assert.equal(await frame.locator('.turn-assistant').count(), 1, 'the fresh answer replaced the old one');
      assert.equal(await frame.locator('.turn-assistant', { hasText: 'First explanation.' }).count(), 0);
      const [first, again] = ollama.answerRequests().map((r) => String(r.body?.prompt));
      assert.equal(again, first, 'Regenerate re-sent the same prompt, byte for byte');

      // A question shown as a code label offers no Edit: editing the label would send it without its code.
      assert.equal(await frame.locator('.turn-user [data-turn-action="edit"]').count(), 0);
      ollama.enqueue({ answer: 'It is 4.' }, { answer: 'It adds two numbers.' });
      assert.ok((await ask(frame, 'What is 2+2?')).includes('It is 4.'));
      await frame.locator('.turn-user [data-turn-action="edit"]').click();
      const prompt = frame.locator('#prompt');
      assert.equal(await prompt.inputValue(), 'What is 2+2?');
      await frame.locator('#editing').waitFor();
      await prompt.fill('What does add do?');
      await prompt.press('Enter');
      await frame.locator('.turn-assistant:not(.streaming)', { hasText: 'It adds two numbers.' }).waitFor();
      await frame.locator('.turn-assistant', { hasText: 'It is 4.' }).waitFor({ state: 'detached' });
      assert.deepEqual(await frame.locator('.turn-user .user-text').allInnerTexts(), ['Explain src/math.ts:6-10', 'What does add do?'], 'the edited question replaced the old one');
      assert.equal(await frame.locator('.turn-assistant').count(), 2);
      assert.ok(!String(ollama.answerRequests()[3].body?.prompt).includes('It is 4.'), 'the replaced answer is not in the history');

      await runCommand(page, 'Developer: Reload Window');
      await page.waitForLoadState('load');
      await waitForWorkbench(page);
      const reloaded = await openChat(page);
      await reloaded.locator('.turn-assistant', { hasText: 'It adds two numbers.' }).waitFor();
      assert.deepEqual(await reloaded.locator('.turn .user-text, .turn-assistant .answer').allInnerTexts(), ['Explain src/math.ts:6-10', 'Second explanation.', 'What does add do?', 'It adds two numbers.'], 'storage kept only the replacements');
    },
  },
  {
    name: '17-export-markdown-unwritable-then-saved',
    async run({ page, ollama, workspace }) {
      const frame = await openChat(page);
      await frame.locator('#new-chat').click();
      await frame.locator('#transcript .empty').waitFor();
      ollama.enqueue({ answer: CODE_ANSWER });
      await ask(frame, 'Write a clamp function');
      await sendMessage(frame, '/export');
      // code-server's save dialog is VS Code's own path box. /proc takes no new files, not even from root.
      await saveAs(page, '/proc/phi4-export.md');
      const failure = page.locator('.notifications-toasts .notification-toast', { hasText: 'could not export the conversation to /proc/phi4-export.md' });
      await failure.waitFor();
      assert.ok((await failure.innerText()).includes('The conversation is unchanged.'));
      await failure.locator('.monaco-button', { hasText: 'Choose Another Location' }).click();
      const target = path.join(workspace, 'clamp-chat.md');
      await saveAs(page, target);
      await page.locator('.notifications-toasts .notification-toast', { hasText: 'Conversation exported to' }).waitFor();
      // The question's "Context used" list comes along; its token count depends on the system rules' wording.
      const written = fs.readFileSync(target, 'utf8').replace(/^- Date: .+$/m, '- Date: <date>').replace(/ · [\d,]+ tokens$/m, ' · <n> tokens');
      const contextUsed = 'Context used:\n- Rules and instructions (system message) · instructions · <n> tokens';
      assert.equal(written, `# Write a clamp function\n\n- Date: <date>\n- Model: phi4:latest\n\n## You\n\nWrite a clamp function\n\n${contextUsed}\n\n## Phi-4\n\n${CODE_ANSWER}\n`);
      assert.equal(await frame.locator('.turn').count(), 2, 'the conversation is unchanged');
    },
  },
  {
    name: '18-write-tests-asks-framework-opens-untitled-beside',
    async run({ page, ollama, workspace }) {
      const filesBefore = fs.readdirSync(workspace, { recursive: true }).length;
      await openFile(page, 'math.ts');
      await selectLines(page, 5, 10);
      const tests = "import { describe, it, expect } from 'vitest';\nimport { average } from './math';\n\ndescribe('average', () => {\n  it('averages', () => expect(average([1, 3])).toBe(2));\n});";
      ollama.enqueue({ answer: `Tests:\n\n\`\`\`typescript\n${tests}\n\`\`\`\n`, chunkDelayMs: 5 });
      await runCommand(page, 'Phi-4: Write Unit Tests');
      // The fixture workspace has no package.json: the framework is asked for, and nothing is sent before.
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      assert.match(String(await input.getAttribute('placeholder')), /No test framework was found/);
      assert.equal(ollama.answerRequests().length, 0, 'nothing sent while the question is open');
      await input.fill('Vitest');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Vitest' }).first().waitFor();
      await page.keyboard.press('Enter');
      const untitled = page.locator('.editor-group-container').nth(1).locator('.tab.active[aria-label*="Untitled-1"]');
      await untitled.waitFor({ timeout: 30_000 });
      const lines = page.locator('.editor-group-container').nth(1).locator('.view-line');
      await lines.filter({ hasText: 'describe' }).first().waitFor();
      const shown = (await lines.allInnerTexts()).map((l) => l.replace(/\u00a0/g, ' '));
      assert.equal(shown[0], "import { describe, it, expect } from 'vitest';");
      assert.ok(shown.some((l) => l.includes("it('averages'")), shown.join('\n'));
      assert.ok(String(ollama.answerRequests()[0].body?.prompt).includes("Use Vitest: import { describe, it, expect, vi } from 'vitest'."));
      assert.equal(fs.readdirSync(workspace, { recursive: true }).length, filesBefore, 'nothing written to disk');
      await runCommand(page, 'Revert and Close Editor');
      await untitled.waitFor({ state: 'detached' });
    },
  },
  {
    name: '19-edit-selection-whole-lines-typed-instruction',
    async run({ page, ollama, workspace }) {
      // Shift+Down from line 1 column 1, the instruction typed into the input opened by the key binding; a
      // second request while the preview is open asks first, and Cancel keeps the preview.
      const { file, original, fixed: edited } = await selectAverageWholeLines(page, workspace);
      ollama.enqueue({ answer: AVERAGE_ANSWER, chunkDelayMs: 20 });
      await page.keyboard.press('Shift+Alt+K');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      await input.pressSequentially('guard against an empty list');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'new instruction' }).waitFor();
      await page.screenshot({ path: path.join(SHOT_DIR, '15-edit-instruction.png') });
      await page.keyboard.press('Enter');
      const acceptAll = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Accept all' });
      await acceptAll.waitFor();
      assert.ok(String(ollama.answerRequests()[0].body?.prompt).includes('Instruction: guard against an empty list'), 'the typed instruction is sent');
      assert.equal(await page.locator('.tab.active.dirty').count(), 0, 'the preview does not edit the document');
      await page.screenshot({ path: path.join(SHOT_DIR, '15-edit-preview.png') });

      await runCommand(page, 'Phi-4: Fix Selection');
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Replace it with a fix?' });
      await dialog.waitFor();
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(ollama.answerRequests().length, 1, 'Cancel sent nothing');
      await acceptAll.waitFor();

      await acceptAll.click();
      await page.locator('.tab.active.dirty').waitFor({ timeout: 10_000 }).catch(() => assert.fail('Accept all left the document unchanged'));
      await save(page);
      assert.equal(fs.readFileSync(file, 'utf8'), edited, 'Accept all writes exactly the edit, tab-indented');
      await acceptAll.waitFor({ state: 'detached' });
      await page.keyboard.press('Control+Z');
      await save(page);
      assert.equal(fs.readFileSync(file, 'utf8'), original, 'one undo restores the original bytes');
    },
  },
  {
    name: '20-slash-doc-edit-tests-from-the-chat',
    async run({ page, ollama, workspace }) {
      const file = path.join(workspace, 'src', 'math.ts');
      const original = fs.readFileSync(file, 'utf8');
      const rejectAll = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Reject all' });

      // /doc: a doc comment for the declaration at the cursor, previewed as an insertion; nothing is written.
      await openFile(page, 'math.ts');
      await selectLines(page, 4, 4);
      let frame = await openChat(page);
      ollama.enqueue({ answer: '```ts\n/**\n * Averages the values.\n * @param values the numbers to average\n * @returns their mean\n */\n```' });
      await sendMessage(frame, '/doc');
      await rejectAll.waitFor();
      await page.locator('.review-widget, .comment-thread-container, .monaco-editor .zone-widget', { hasText: 'Averages the values.' }).first().waitFor();
      assert.ok(String(ollama.answerRequests().at(-1)?.body?.prompt).includes('export function average'), 'the declaration is in the prompt');
      assert.equal(await page.locator('.tab.active.dirty').count(), 0, 'the preview does not edit the document');
      await rejectAll.click();
      await rejectAll.waitFor({ state: 'detached' });

      // /edit <instruction>: the instruction goes with the selection, into the same preview.
      await selectLines(page, 5, 10);
      frame = await openChat(page);
      ollama.enqueue({ answer: '```ts\nlet total = 0;\nfor (const value of values) {\n    total += value;\n}\nreturn total / values.length;\n```' });
      await sendMessage(frame, '/edit use a for-of loop');
      await rejectAll.waitFor();
      assert.ok(String(ollama.answerRequests().at(-1)?.body?.prompt).includes('Instruction: use a for-of loop'), 'the instruction is sent');
      await rejectAll.click();
      await rejectAll.waitFor({ state: 'detached' });
      assert.equal(fs.readFileSync(file, 'utf8'), original, 'rejected previews leave the file as it was');

      // /tests: asks for the framework (the workspace has none), then opens the tests untitled beside the source.
      frame = await openChat(page);
      ollama.enqueue({ answer: "```ts\nimport { test } from 'node:test';\ntest('average', () => {});\n```" });
      await sendMessage(frame, '/tests');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      await input.fill('node:test');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'node:test' }).first().waitFor();
      await page.keyboard.press('Enter');
      const untitled = page.locator('.editor-group-container').nth(1).locator('.tab.active[aria-label*="Untitled"]');
      await untitled.waitFor({ timeout: 30_000 });
      await page.locator('.editor-group-container').nth(1).locator('.view-line', { hasText: "test('average'" }).waitFor();
      await runCommand(page, 'Revert and Close Editor');
      await untitled.waitFor({ state: 'detached' });
    },
  },
  {
    name: '21-follow-up-shows-cached-prompt-tokens',
    async run({ page, ollama }) {
      const frame = await openChat(page);
      ollama.enqueue({ answer: 'A closure captures the variables of the scope it was created in.' }, { answer: 'Yes, even after that scope has returned.' });
      await ask(frame, 'What is a closure?');
      await ask(frame, 'Even after the function returned?');
      // The follow-up starts with the first prompt and its answer, which the server had kept in its cache.
      const cached = ollama.answerRequests().at(-1)?.evaluation?.cachedTokens ?? 0;
      assert.ok(cached > 20, `${cached} tokens came from the cache`);
      assert.match(await frame.locator('.turn-assistant .turn-stats').last().innerText(), new RegExp(`· ${cached} prompt tokens cached · prompt read in [\\d.]+ s`));
    },
  },
  {
    name: '22-chat-view-preloads-model-loading-state-stop',
    async run({ page, ollama }) {
      // A new window, and a model not in memory (the server was reset): showing the chat loads it, slowly.
      ollama.enqueue({ headersDelayMs: 30_000 });
      await reloadPage(page);
      await openChat(page);
      const loading = page.locator('.statusbar-item', { hasText: 'Loading Phi-4…' });
      await loading.waitFor();
      const preload = ollama.requests.find((r) => r.path === '/api/generate' && r.body?.prompt === '');
      assert.equal((preload?.body?.options as { num_ctx?: number } | undefined)?.num_ctx, 16384, 'the num_ctx every request carries');
      // Stop, from the status bar item, ends the load and the loading state.
      await loading.click();
      await page.locator('.statusbar-item', { hasText: /^\s*phi4\s*$/ }).waitFor();
      await waitUntil(() => preload?.closedByClient === true);
    },
  },
  {
    name: '23-shared-server-with-api-key',
    async run({ page, ollama, settingsFile }) {
      // The same question through Ollama first: the shared server must get the very same prompt bytes.
      let frame = await openChat(page);
      await newChat(page, frame);
      ollama.enqueue({ answer: 'From Ollama.' });
      await ask(frame, 'Reply with OK.');
      const ollamaPrompt = String(ollama.answerRequests()[0].body?.prompt);
      const shared = new OpenAiTestServer({ flavor: 'vllm', apiKey: SHARED_KEY });
      await shared.start();
      try {
        await editSettings(page, settingsFile, { 'phi4.provider': 'openai-compatible', 'phi4.openaiCompatible.baseUrl': shared.baseUrl });
        await runCommand(page, 'Phi-4: Set API Key…');
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor();
        assert.equal(await input.getAttribute('type'), 'password', 'the key is typed into a password box');
        await input.fill(SHARED_KEY);
        await page.keyboard.press('Enter');
        await page.locator('.notifications-toasts', { hasText: 'API key saved' }).waitFor();
        frame = await openChat(page);
        await newChat(page, frame);
        shared.enqueue({ answer: 'From the shared server.' });
        assert.ok((await ask(frame, 'Reply with OK.')).includes('From the shared server.'));
        const [first] = shared.completions();
        assert.equal(first.authorization, `Bearer ${SHARED_KEY}`);
        assert.equal(first.body?.prompt, ollamaPrompt, 'byte-exact the same Phi-4 ChatML as sent to Ollama');
        assert.equal(first.body?.model, 'microsoft/phi-4', 'the one served model is used while phi4.model is unset');
        // The status bar says where prompts go.
        await page.locator(`.statusbar-item[aria-label*="${shared.baseUrl}"], .statusbar-item [aria-label*="${shared.baseUrl}"]`).first().waitFor();
        assert.deepEqual(filesContaining(path.dirname(path.dirname(settingsFile)), SHARED_KEY), [], 'the key is in no file of the user data');

        // After a reload the key comes back from secret storage: nothing to type again.
        await runCommand(page, 'Developer: Reload Window');
        await page.waitForLoadState('load');
        await waitForWorkbench(page);
        frame = await openChat(page);
        shared.enqueue({ answer: 'Still the shared server.' });
        assert.ok((await ask(frame, 'And again?')).includes('Still the shared server.'));
        assert.equal(shared.completions().at(-1)?.authorization, `Bearer ${SHARED_KEY}`);
        await page.screenshot({ path: path.join(SHOT_DIR, '23-shared-server-chat.png') });
        await runCommand(page, 'Phi-4: Clear API Key');
        await page.locator('.notifications-toasts', { hasText: 'API key removed' }).waitFor();
      } finally {
        await editSettings(page, settingsFile, { 'phi4.provider': undefined, 'phi4.openaiCompatible.baseUrl': undefined });
        await shared.stop();
      }
    },
  },
  {
    name: '24-at-mention-file-chip-and-context-used',
    async run({ page, ollama }) {
      let frame = await openChat(page);
      const prompt = frame.locator('#prompt');
      await prompt.fill('');
      await prompt.pressSequentially('What does @label');
      await frame.locator('#mention-list [role="option"]', { hasText: 'label.ts' }).first().waitFor();
      await prompt.press('Enter');
      await frame.locator('.chips .chip', { hasText: 'src/label.ts' }).waitFor();
      assert.equal(await prompt.inputValue(), 'What does ', 'the "@label" text became the chip');
      await prompt.pressSequentially('it return?');
      ollama.enqueue({ answer: 'It returns the count as text, which does not type-check.' });
      const before = await frame.locator('.turn-assistant').count();
      await prompt.press('Enter');
      assert.ok((await answerAfter(frame, before)).includes('which does not type-check'));
      const sent = String(ollama.answerRequests().at(-1)?.body?.prompt);
      assert.ok(sent.includes('File `src/label.ts` (lines 1–4) mentioned by the user:\n```typescript\nexport function label(count: number): string {'), 'the file is in the prompt');
      assert.ok(sent.includes('What does it return?'));
      assert.equal(await frame.locator('.chips .chip').count(), 0, 'sending empties the chips');

      // Under the question: "Context: N items · T tokens", a list when expanded, and the file opens on click.
      const question = frame.locator('.turn-user', { hasText: 'What does it return?' });
      const summary = question.locator('.context-used summary');
      await summary.waitFor();
      const collapsed = await summary.innerText();
      assert.match(collapsed, /^Context: \d+ items · [\d,]+ tokens/);
      await summary.click();
      const mention = question.locator('.context-items li', { hasText: 'mention' });
      await mention.waitFor();
      assert.match(await mention.innerText(), /src\/label\.ts:1-4 · mention · \d+ tokens/);
      await mention.locator('button.context-open').click();
      await page.locator('.tab.active[aria-label*="label.ts"]').waitFor();

      // Stored with the conversation: a reload shows the same line. (F1 must reach the workbench, not the webview.)
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await runCommand(page, 'Developer: Reload Window');
      await page.waitForLoadState('load');
      await waitForWorkbench(page);
      frame = await openChat(page);
      const restored = frame.locator('.turn-user', { hasText: 'What does it return?' }).locator('.context-used summary');
      await restored.waitFor();
      assert.equal(await restored.innerText(), collapsed);
    },
  },
  {
    name: '25-add-file-to-chat-from-explorer-and-selection-chips',
    async run({ page, ollama }) {
      await openFile(page, 'math.ts');
      await runCommand(page, 'File: Reveal Active File in Explorer View');
      const row = page.locator('.explorer-folders-view .monaco-list-row.selected', { hasText: 'math.ts' });
      await row.waitFor();
      await row.click({ button: 'right' });
      await pickMenuItem(page, /^Add File to Phi-4 Chat/);
      const frame = await openChat(page);
      await frame.locator('.chips .chip', { hasText: 'src/math.ts' }).waitFor();

      // Ask About Selection adds a chip beside it instead of replacing it.
      await openFile(page, 'stats.ts');
      await selectLines(page, 0, 3);
      await runCommand(page, 'Phi-4: Ask About Selection');
      await frame.locator('.chips .chip', { hasText: 'src/stats.ts:1-3' }).waitFor();
      assert.equal(await frame.locator('.chips .chip').count(), 2);
      // Each chip can be removed on its own.
      await frame.locator('.chips .chip', { hasText: 'src/math.ts' }).locator('.chip-remove').click();
      await frame.locator('.chips .chip', { hasText: 'src/math.ts' }).waitFor({ state: 'detached' });
      await openFile(page, 'math.ts');
      await runCommand(page, 'Phi-4: Add File to Phi-4 Chat');
      await frame.locator('.chips .chip', { hasText: 'src/math.ts' }).waitFor();

      ollama.enqueue({ answer: 'Both compute over arrays.' });
      const before = await sendMessage(frame, 'How do these relate?');
      await answerAfter(frame, before);
      const sent = String(ollama.answerRequests().at(-1)?.body?.prompt);
      assert.ok(sent.includes('Selected code from `src/stats.ts`'), 'the selection is the focus code');
      assert.ok(sent.includes('File `src/math.ts` (lines 1–11) mentioned by the user'), 'the file added from the Explorer is sent');
    },
  },
  ...A11Y_SCENARIOS,
  {
    name: '29-slash-explain-fix-from-chat-in-editor-tab',
    async run({ page, ollama }) {
      // While the chat in an editor tab has focus no text editor is active: /explain and /fix must act on the
      // editor the user was last in, and the answer must come back to this tab.
      await runCommand(page, 'View: Show Explorer');
      await openFile(page, 'math.ts');
      await selectLines(page, 5, 10);
      await runCommand(page, 'Phi-4: Open Chat in Editor');
      const chatTab = page.locator('.tab.active[aria-label*="Phi-4 Chat"]');
      await chatTab.waitFor();
      const frame = await chatFrame(page, 'editor');
      await frame.locator('#new-chat').click();
      await frame.locator('#transcript .welcome').waitFor();
      ollama.enqueue({ answer: 'It averages the values.' });
      await sendMessage(frame, '/explain');
      await frame.locator('.turn-user', { hasText: 'Explain src/math.ts:6-10' }).waitFor();
      await frame.locator('.turn-assistant:not(.streaming)', { hasText: 'It averages the values.' }).waitFor();
      const explained = String(ollama.answerRequests().at(-1)?.body?.prompt);
      assert.ok(explained.includes('for (let i = 0; i <= values.length; i++) {') && explained.includes('`src/math.ts`'), 'the selection in math.ts is in the prompt');
      await chatTab.waitFor();
      await page.screenshot({ path: path.join(SHOT_DIR, '29-explain-in-editor-tab.png') });
      assert.equal(await page.getByRole('tab', { name: 'Phi-4' }).first().getAttribute('aria-expanded'), 'false', 'the answer is in this tab: the sidebar did not open a second copy of the chat');

      // Another file in the first group becomes the last editor; /fix from the chat tab previews the fix there.
      await page.locator('.editor-group-container').first().locator('.tab', { hasText: 'math.ts' }).click();
      await openFile(page, 'stats.ts');
      await selectLines(page, 1, 6);
      ollama.enqueue({ answer: '```ts\nlet total = 0;\nfor (let i = 0; i < values.length; i++) {\n    total += values[i];\n}\nreturn total;\n```' });
      await sendMessage(frame, '/fix');
      const rejectAll = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Reject all' });
      await rejectAll.waitFor();
      const prompt = String(ollama.answerRequests().at(-1)?.body?.prompt);
      assert.ok(prompt.includes('for (let i = 0; i <= values.length; i++) {') && prompt.includes('`src/stats.ts`'), 'the fix was asked for the selection in stats.ts');
      await page.locator('.editor-group-container').first().locator('.tab.active[aria-label*="stats.ts"]').waitFor();
      await page.locator('.review-widget, .zone-widget', { hasText: 'i < values.length' }).first().waitFor();
      await chatTab.waitFor();
      await rejectAll.click();
      await rejectAll.waitFor({ state: 'detached' });

      // Later scenarios find the chat in the sidebar; close the tab.
      await chatTab.click();
      await runCommand(page, 'View: Close Editor');
      await chatTab.waitFor({ state: 'detached' });
    },
  },
];
