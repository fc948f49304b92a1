// Accessibility of the chat view, driven through the real workbench: axe-core finds no violations of any
// impact in each state a user meets, in light, dark and both high-contrast themes, and every control works
// from the keyboard. The view's CSP blocks injected scripts, so axe's source is evaluated by the test
// driver (Runtime.evaluate is not subject to the page's CSP), then run inside the view's frame.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { PHI4_LAPTOP_PACE } from '../support/ollamaTestServer';
import { saveReadmeScreenshot } from './saveReadmeScreenshot';
import type { Scenario, ScenarioContext } from './scenarios';
import { ask, editSettings, openChat, openFile, runCommand, selectLines, sendMessage } from './workbench';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** An answer with every kind of block whose markup matters to assistive tech. */
export const RICH_ANSWER =
  'Here is a **typed** helper:\n\n```typescript\n// Keeps a value inside a range.\nexport function clamp(value: number, min = 0, max = 10): number {\n  return Math.min(max, Math.max(min, value)); // "bounded"\n}\n```\n\n| Input | Result |\n|---|---|\n| -5 | 0 |\n| 15 | 10 |\n\n- It takes a value\n- It returns it clamped\n';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe on the whole chat document and fails listing every violation, whatever its impact. */
async function assertNoAxeViolations(frame: Frame, state: string): Promise<void> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) }));
  });
  const report = (violations as Violation[]).map((v) => `${v.id} (${v.impact}): ${v.help}\n        ${v.nodes.join('\n        ')}`).join('\n      ');
  assert.equal(violations.length, 0, `axe found violations in ${state}:\n      ${report}`);
}

async function activeId(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.activeElement?.id || document.activeElement?.className || document.activeElement?.tagName || '');
}

/** Edits user settings.json and reloads the window, which reads it again. */
async function setSetting(page: Page, settingsFile: string, key: string, value: unknown): Promise<void> {
  await editSettings(page, settingsFile, { [key]: value });
}

async function setTheme(page: Page, settingsFile: string, theme: string): Promise<void> {
  await setSetting(page, settingsFile, 'workbench.colorTheme', theme);
  const frame = await openChat(page);
  const kind = theme.includes('High Contrast Light') ? 'vscode-high-contrast-light' : theme.includes('High Contrast') ? 'vscode-high-contrast' : theme.includes('Light') ? 'vscode-light' : 'vscode-dark';
  await frame.waitForFunction((k) => document.body.classList.contains(k), kind, { timeout: 30_000 });
}

export const A11Y_SCENARIOS: Scenario[] = [
  {
    name: '26-a11y-keyboard-and-announcements',
    async run({ page, ollama }: ScenarioContext) {
      const frame = await openChat(page);
      await frame.locator('#new-chat').focus();
      await frame.locator('#new-chat').press('Enter');
      await frame.locator('#transcript .welcome').waitFor();
      assert.equal(await activeId(frame), 'prompt', 'New chat leaves focus in the input');
      // The host says where prompts go (the test server is on this machine) and the keys package.json binds.
      assert.match(await frame.locator('.welcome-where').innerText(), /nothing leaves it/);
      assert.deepEqual(await frame.locator('.welcome-list kbd').allInnerTexts(), ['Shift+Alt+E', 'Shift+Alt+X', 'Shift+Alt+K', 'Shift+Alt+L', '/']);
      // The welcome's sample opens a copy from the extension's storage, with its buggy function selected.
      await frame.locator('.welcome-sample').focus();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'average.ts' }).waitFor();
      await page.locator('.view-line', { hasText: 'i <= values.length' }).waitFor();
      // The sample stays open: closing "the active editor" could hit a file an earlier scenario left unsaved,
      // whose save dialog would then take the keyboard from the chat.
      await frame.locator('#prompt').focus();
      // The transcript is not a live region: only the status line speaks, so nothing is read twice.
      const transcriptRole = await frame.locator('#transcript').evaluate((t) => [t.getAttribute('role'), t.getAttribute('aria-live')]);
      assert.deepEqual(transcriptRole, [null, null]);

      // Send with the keyboard on the Send button (Space): focus comes back to the input.
      ollama.enqueue({ answer: RICH_ANSWER, chunkDelayMs: 40 });
      await frame.locator('#prompt').fill('Write a clamp function');
      await frame.locator('#send').focus();
      await page.keyboard.press('Space');
      await frame.locator('.turn-assistant.streaming').waitFor();
      assert.equal(await activeId(frame), 'prompt', 'focus returned to the input after sending');
      assert.equal(await frame.locator('#transcript').getAttribute('aria-busy'), 'true', 'busy while streaming');
      const whileStreaming = await frame.locator('#announcer').innerText();
      assert.ok(!whileStreaming.includes('typed helper'), `the answer is not read piece by piece: "${whileStreaming}"`);
      await frame.locator('.turn-assistant:not(.streaming) table').waitFor();
      assert.equal(await frame.locator('#transcript').getAttribute('aria-busy'), 'false');
      const announced = await frame.locator('#announcer').innerText();
      assert.match(announced, /^Phi-4 answered: Here is a typed helper/, 'the finished answer is announced once, as rendered text');
      assert.ok(!announced.includes('**') && !announced.includes('```'), 'no markdown syntax is read out');

      // The code block's toolbar is reachable with Tab, and its buttons work with Enter.
      const copy = frame.locator('.code-block [data-code-action="copy"]').first();
      await copy.focus();
      await page.keyboard.press('Enter');
      await frame.locator('#notice', { hasText: 'copied' }).waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await frame.evaluate(() => (document.activeElement as HTMLElement).dataset.codeAction), 'insert', 'Tab moves along the code toolbar');

      // Escape stops an answer wherever focus is in the view, not only in the input.
      ollama.enqueue({ answer: 'A long answer. '.repeat(300), chunkDelayMs: 30 });
      await sendMessage(frame, 'Tell me more');
      await frame.locator('.turn-assistant.streaming .answer p').first().waitFor();
      await frame.locator('.turn-assistant .code-action').first().focus();
      await page.keyboard.press('Escape');
      await frame.locator('.turn-assistant .turn-mark.stopped').last().waitFor();
      await frame.locator('#stop').waitFor({ state: 'hidden' });

      // The history panel: Enter opens it with focus inside, arrows move, Escape closes it back to its button.
      await frame.locator('#toggle-history').focus();
      await page.keyboard.press('Enter');
      await frame.locator('#history').waitFor();
      assert.equal(await frame.evaluate(() => document.activeElement?.closest('#history') !== null), true, 'focus moved into the history panel');
      const first = await frame.evaluate(() => document.activeElement?.textContent);
      await page.keyboard.press('ArrowDown');
      assert.notEqual(await frame.evaluate(() => document.activeElement?.textContent), first, 'ArrowDown moves to the next control');
      await page.keyboard.press('Escape');
      await frame.locator('#history').waitFor({ state: 'hidden' });
      assert.equal(await activeId(frame), 'toggle-history', 'Escape returns focus to the Conversations button');
    },
  },
  {
    name: '27-a11y-axe-every-state-every-theme',
    async run({ page, ollama, settingsFile }: ScenarioContext) {
      // Dark last: the scenarios that follow run in the suite's usual theme.
      for (const theme of ['Default High Contrast', 'Default High Contrast Light', 'Default Light Modern', 'Default Dark Modern']) {
        await setTheme(page, settingsFile, theme);
        await openFile(page, 'stats.ts');
        let frame = await openChat(page);
        await frame.locator('#new-chat').click();
        await frame.locator('#transcript .welcome').waitFor();
        await assertNoAxeViolations(frame, `the empty chat (${theme})`);

        const screenshot = theme === 'Default Light Modern' ? 'screenshot-chat-light.png' : theme === 'Default Dark Modern' ? 'screenshot-chat-dark.png' : undefined;
        if (screenshot) {
          // The README's pictures show a real run: a loaded project (no note that the language server was
          // slow), this question's prompt new to the model, and a laptop's speed, not a loopback server's.
          await page.locator('.statusbar-item', { hasText: 'Analyzing' }).waitFor({ state: 'detached', timeout: 60_000 }).catch(() => undefined);
          ollama.forgetPrompts();
        }
        // A question with code from the editor, so its "Context used" list has file ranges to open.
        await selectLines(page, 0, 7);
        await runCommand(page, 'Phi-4: Ask About Selection');
        await frame.locator('.chips .chip', { hasText: 'src/stats.ts:1-7' }).waitFor();
        ollama.enqueue({ answer: RICH_ANSWER, ...(screenshot ? { pace: PHI4_LAPTOP_PACE } : {}) });
        await ask(frame, 'Write a clamp function in this style, with a table and a list');
        await frame.locator('.turn-assistant .code-block .hljs-keyword').first().waitFor();
        await frame.locator('#stop').waitFor({ state: 'hidden' });
        await assertNoAxeViolations(frame, `an answer with a code block, a table and a list (${theme})`);
        if (screenshot) await saveReadmeScreenshot(page, screenshot);

        const contextUsed = frame.locator('.turn-user .context-used').last();
        await contextUsed.locator('summary').click();
        await contextUsed.locator('.context-items button.context-open', { hasText: 'src/stats.ts:1-7' }).waitFor();
        await assertNoAxeViolations(frame, `the "Context used" list (${theme})`);
        await contextUsed.locator('summary').click();

        await frame.locator('#toggle-history').click();
        await frame.locator('#history .history-row').first().waitFor();
        await assertNoAxeViolations(frame, `the history panel (${theme})`);
        await frame.locator('#toggle-history').click();

        const port = ollama.port;
        await ollama.stop();
        await sendMessage(frame, 'Are you there?');
        await frame.locator('#banner', { hasText: 'Ollama is not reachable' }).waitFor();
        await assertNoAxeViolations(frame, `the offline banner (${theme})`);
        await ollama.start(port);
        await frame.locator('#banner button', { hasText: 'Retry' }).click();
        await frame.locator('#banner').waitFor({ state: 'hidden' });
        frame = await openChat(page);
        await frame.locator('.turn-assistant:not(.streaming)', { hasText: 'Hello from the test server.' }).waitFor();
      }
    },
  },
  {
    name: '28-a11y-announce-while-streaming-opt-in',
    async run({ page, ollama, settingsFile }: ScenarioContext) {
      await setSetting(page, settingsFile, 'phi4.announceWhileStreaming', true);
      try {
        const frame = await openChat(page);
        await frame.evaluate(() => {
          const w = window as unknown as { __spoken: string[] };
          w.__spoken = [];
          const announcer = document.getElementById('announcer')!;
          new MutationObserver(() => w.__spoken.push(announcer.textContent ?? '')).observe(announcer, { childList: true, characterData: true, subtree: true });
        });
        const sentences = ['The loop reads one element too far.', 'Use a strict comparison instead.', 'An empty list then returns zero.'];
        ollama.enqueue({ answer: `${sentences.join(' ')} Done`, chunkDelayMs: 60 });
        await ask(frame, 'What is wrong with sum?');
        const spoken = (await frame.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).filter((t) => t && !t.startsWith('Phi-4 is answering'));
        // Each sentence is read once, as it completes, and the end reads only what was left: nothing twice.
        for (const sentence of sentences) assert.equal(spoken.filter((t) => t.includes(sentence)).length, 1, `"${sentence}" read once in ${JSON.stringify(spoken)}`);
        assert.ok(spoken.length >= 2, `read in several parts: ${JSON.stringify(spoken)}`);
        assert.equal(spoken.at(-1), 'Done', 'the end reads only the rest');
      } finally {
        await setSetting(page, settingsFile, 'phi4.announceWhileStreaming', undefined);
      }
    },
  },
];
