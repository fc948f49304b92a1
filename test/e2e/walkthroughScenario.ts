// The walkthrough's steps tick when the user really did the thing (a check that succeeded, an answer, an
// accepted change), not when a button in the walkthrough was clicked. Driven through the walkthrough's own
// buttons, as a newcomer would, so it runs first, before other scenarios have explained or fixed anything.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Scenario } from './scenarios';
import { answerAfter, chatFrame, runCommand, sendMessage } from './workbench';

const STEPS = ['checkOllama', 'getModel', 'explain', 'fix', 'edit', 'chat'] as const;
type Step = (typeof STEPS)[number];

const FIXED = 'The loop reads one past the end.\n\n```typescript\nexport function average(values: number[]): number {\n  let total = 0;\n  for (let i = 0; i < values.length; i++) {\n    total += values[i];\n  }\n  return total / values.length;\n}\n```\n';
const EDITED = FIXED.replace('return total / values.length;', 'return values.length === 0 ? 0 : total / values.length;');

/** Opens the walkthrough from the command palette. */
async function showWalkthrough(page: Page): Promise<void> {
  await runCommand(page, 'Phi-4: Get Started');
  await page.locator('button.getting-started-step[data-step-id$="#getStarted#checkOllama"]').waitFor();
}

const checkbox = (page: Page, step: Step) => page.locator(`[data-done-step-id$="#getStarted#${step}"]`);

async function ticked(page: Page): Promise<Step[]> {
  const done: Step[] = [];
  for (const step of STEPS) if ((await checkbox(page, step).getAttribute('aria-checked')) === 'true') done.push(step);
  return done;
}

async function waitTicked(page: Page, expected: Step[]): Promise<void> {
  for (const end = Date.now() + 15_000; ; await page.waitForTimeout(100)) {
    const now = await ticked(page);
    if (now.join() === expected.join()) return;
    if (Date.now() > end) assert.deepEqual(now, expected, 'the ticked walkthrough steps');
  }
}

/** Expands a step and clicks one of the buttons in its description. */
async function clickStepButton(page: Page, step: Step, label: string): Promise<void> {
  const header = page.locator(`button.getting-started-step[data-step-id$="#getStarted#${step}"]`);
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.locator('button.getting-started-step.expanded a.monaco-button', { hasText: label }).click();
}

async function acceptOrReject(page: Page, choice: 'Accept all' | 'Reject all'): Promise<void> {
  const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: choice });
  await lens.waitFor();
  await lens.click();
  await lens.waitFor({ state: 'detached' });
}

export const WALKTHROUGH_SCENARIO: Scenario = {
  name: '00-walkthrough-steps-complete-on-real-events',
  async run({ page, ollama }) {
    await showWalkthrough(page);
    await waitTicked(page, []);

    // A failed check ticks nothing; the same button once Ollama answers ticks Ollama and the installed model.
    const port = ollama.port;
    await ollama.stop();
    await clickStepButton(page, 'checkOllama', 'Check Ollama');
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Cannot reach Ollama' }).waitFor();
    await waitTicked(page, []);
    await ollama.start(port);
    await clickStepButton(page, 'checkOllama', 'Check Ollama');
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'is installed' }).waitFor();
    await waitTicked(page, ['checkOllama', 'getModel']);

    // The sample opens beside the walkthrough, which stays in view and ticks each step as it happens.
    await clickStepButton(page, 'explain', 'Open Sample File');
    await page.locator('.tab.active', { hasText: 'average.ts' }).waitFor();
    assert.ok(await checkbox(page, 'explain').isVisible(), 'the walkthrough stays in view beside the sample');
    ollama.enqueue({ answer: 'It averages the values, but reads one past the end.' });
    await clickStepButton(page, 'explain', 'Explain Selection');
    const frame = await chatFrame(page);
    await frame.locator('.turn-assistant:not(.streaming)', { hasText: 'reads one past the end' }).waitFor();
    // The sample lives outside the workspace: the chat names it by folder and name, not its whole path in storage.
    assert.equal((await frame.locator('.turn-user').last().locator('.chip').first().innerText()).split(' ')[0].trim(), '…/samples/average.ts:3-9');
    await waitTicked(page, ['checkOllama', 'getModel', 'explain']);

    // A rejected fix is not a fix: only accepting one ticks the step.
    ollama.enqueue({ answer: FIXED });
    await clickStepButton(page, 'fix', 'Fix Selection');
    await acceptOrReject(page, 'Reject all');
    await waitTicked(page, ['checkOllama', 'getModel', 'explain']);
    ollama.enqueue({ answer: FIXED });
    await clickStepButton(page, 'fix', 'Fix Selection');
    await acceptOrReject(page, 'Accept all');
    await waitTicked(page, ['checkOllama', 'getModel', 'explain', 'fix']);

    ollama.enqueue({ answer: EDITED });
    await clickStepButton(page, 'edit', 'Edit Selection');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // The walkthrough may take focus back once the expanded step's page has loaded; a person reads the
    // step before clicking, the script does not, so it types into the box itself rather than at the keyboard.
    await input.fill('return 0 for an empty list');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'new instruction' }).waitFor();
    await input.press('Enter');
    await acceptOrReject(page, 'Accept all');
    assert.ok(String(ollama.answerRequests().at(-1)?.body?.prompt).includes('Instruction: return 0 for an empty list'), 'the whole typed instruction is sent');
    await waitTicked(page, ['checkOllama', 'getModel', 'explain', 'fix', 'edit']);

    // A chat answer without a file in it is not this step; one about an added file is.
    await clickStepButton(page, 'chat', 'Open Chat');
    ollama.enqueue({ answer: 'Hello.' });
    await answerAfter(frame, await sendMessage(frame, 'Hi'));
    await waitTicked(page, ['checkOllama', 'getModel', 'explain', 'fix', 'edit']);
    await page.locator('.tab', { hasText: 'average.ts' }).click();
    await runCommand(page, 'Phi-4: Add File to Phi-4 Chat');
    await frame.locator('.chips .chip', { hasText: 'average.ts' }).waitFor();
    ollama.enqueue({ answer: 'It sums and divides.' });
    await answerAfter(frame, await sendMessage(frame, 'What does this file do?'));
    await waitTicked(page, [...STEPS]);

    // The next scenarios start from one editor group with nothing open, as they expect.
    await runCommand(page, 'File: Save All Files');
    await page.locator('.tab.dirty').waitFor({ state: 'detached' });
    await runCommand(page, 'View: Close All Editor Groups');
    await page.locator('.tab').first().waitFor({ state: 'detached' });
  },
};
