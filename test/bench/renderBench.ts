// B3 and the webview half of B5: the real webview bundle and renderer in headless chromium.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import { REPO } from '../e2e/codeServer';
import { splitIntoChunks } from '../support/ollamaTestServer';
import { answerOfTokens } from './codeFixture';

const SKELETON = `<!DOCTYPE html><html><body><div id="app"><select id="model"></select><button id="toggle-history"></button><button id="new-chat"></button>
<section id="history" hidden><ul id="history-list"></ul><button id="clear-history"></button></section><div id="banner" hidden></div>
<main id="scroller"><div id="transcript"></div></main><div id="announcer"></div><footer><div id="queue" hidden></div><div id="chip" hidden></div>
<textarea id="prompt"></textarea><button id="stop" hidden></button><button id="send"></button></footer></div></body></html>`;

export interface RenderFigures {
  readonly tokens: number;
  readonly onceMs: number;
  readonly perChunkMs: number;
  readonly naiveMs: number;
  readonly bundleStreamScriptMs: number;
  readonly bundleOnceScriptMs: number;
}

type Metrics = () => Promise<number>;

/** Total script execution time of the page so far (Chrome's own accounting, not our clock). */
async function scriptClock(page: Page): Promise<Metrics> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
}

async function bundlePage(page: Page): Promise<void> {
  await page.setContent(SKELETON);
  await page.addScriptTag({ content: 'window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState() {} });' });
  await page.addScriptTag({ path: path.join(REPO, 'dist', 'webview.js') });
}

export async function renderBench(sizes: readonly number[]): Promise<{ figures: RenderFigures[]; domNodesAfter200Turns: number }> {
  const harness = await build({ entryPoints: [path.join(REPO, 'test', 'bench', 'renderHarness.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', minify: true });
  const harnessJs = harness.outputFiles[0].text;
  const browser = await launchBrowser();
  const figures: RenderFigures[] = [];
  try {
    for (const tokens of sizes) {
      const text = answerOfTokens(tokens);
      const chunks = splitIntoChunks(text);
      const page = await browser.newPage();
      await page.setContent('<!DOCTYPE html><body></body>');
      await page.addScriptTag({ content: harnessJs });
      type Bench = { once(t: string): number; incremental(c: string[]): number; naive(c: string[]): number };
      const once = await page.evaluate((t) => (window as unknown as { bench: Bench }).bench.once(t), text);
      const perChunk = await page.evaluate((c) => (window as unknown as { bench: Bench }).bench.incremental(c), chunks);
      const naive = tokens <= 4000 ? await page.evaluate((c) => (window as unknown as { bench: Bench }).bench.naive(c), chunks) : NaN;
      await page.close();

      // The real bundle, fed one token per message every ~2 ms (several times faster than Phi-4 streams).
      const streamPage = await browser.newPage();
      await bundlePage(streamPage);
      const post = (m: unknown): Promise<void> => streamPage.evaluate((msg) => window.postMessage(msg, '*'), m);
      await post({ type: 'restore', conversationId: 'c', turns: [], history: [], busy: false });
      await post({ type: 'turnAdded', turn: { id: 'a', role: 'assistant', text: '', state: 'streaming' } });
      const streamClock = await scriptClock(streamPage);
      const before = await streamClock();
      await streamPage.evaluate(async (cs) => {
        for (let i = 0; i < cs.length; i++) {
          window.postMessage({ type: 'answerChunk', id: 'a', text: cs[i] }, '*');
          if (i % 4 === 3) await new Promise((r) => setTimeout(r, 8));
        }
      }, chunks);
      await post({ type: 'answerEnded', turn: { id: 'a', role: 'assistant', text, state: 'done' } });
      await streamPage.waitForTimeout(50);
      const streamScript = (await streamClock()) - before;
      await streamPage.close();

      const oncePage = await browser.newPage();
      await bundlePage(oncePage);
      const onceClock = await scriptClock(oncePage);
      const before2 = await onceClock();
      await oncePage.evaluate((t) => window.postMessage({ type: 'restore', conversationId: 'c', turns: [{ id: 'a', role: 'assistant', text: t, state: 'done' }], history: [], busy: false }, '*'), text);
      await oncePage.waitForTimeout(50);
      const onceScript = (await onceClock()) - before2;
      await oncePage.close();
      figures.push({ tokens: chunks.length, onceMs: once, perChunkMs: perChunk, naiveMs: naive, bundleStreamScriptMs: streamScript, bundleOnceScriptMs: onceScript });
    }

    // B5 (webview side): 200 turns rendered in the real bundle, then one New chat.
    const page = await browser.newPage();
    await bundlePage(page);
    const turns = [];
    for (let i = 0; i < 200; i++) turns.push({ id: `u${i}`, role: 'user', text: `question ${i}` }, { id: `a${i}`, role: 'assistant', text: answerOfTokens(150), state: 'done' });
    await page.evaluate((t) => window.postMessage({ type: 'restore', conversationId: 'c', turns: t, history: [], busy: false }, '*'), turns);
    await page.waitForTimeout(200);
    const domNodesAfter200Turns = await page.evaluate(() => document.getElementsByTagName('*').length);
    await page.close();
    fs.mkdirSync(path.join(REPO, 'bench-results'), { recursive: true });
    return { figures, domNodesAfter200Turns };
  } finally {
    await browser.close();
  }
}
