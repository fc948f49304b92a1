// B3 and the webview half of B5: the real webview bundle and renderer in headless chromium.
import * as path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import { REPO } from '../e2e/codeServer';
import { splitIntoChunks } from '../support/ollamaTestServer';
import { answerOfTokens, codeAnswerOfTokens } from './codeFixture';
import { announce, medianOf } from './measure';

const SKELETON = `<!DOCTYPE html><html><body><div id="app"><select id="model"></select><button id="toggle-history"></button><button id="new-chat"></button>
<section id="history" hidden><ul id="history-list"></ul><button id="clear-history"></button></section><div id="banner" hidden></div>
<main id="scroller"><div id="transcript"></div></main><div id="announcer"></div><footer><div id="queue" hidden></div><div id="notice" hidden></div><div id="editing" hidden><button id="cancel-edit"></button></div><div id="chip" hidden></div>
<ul id="slash-list" hidden></ul><textarea id="prompt"></textarea><button id="stop" hidden></button><button id="send"></button></footer></div></body></html>`;

export interface RenderFigures {
  readonly tokens: number;
  readonly onceMs: number;
  readonly perChunkMs: number;
  readonly naiveMs: number;
  /** Script time while the real bundle streams the answer, one token per message. */
  readonly bundleStreamScriptMs: number;
  /** The same messages sent to an answer not on screen: the harness's and the message channel's own cost. */
  readonly bundleFeedScriptMs: number;
  readonly bundleOnceScriptMs: number;
  /** The same three runs counted as all main-thread work (script, style, layout, paint). */
  readonly bundleStreamTaskMs: number;
  readonly bundleFeedTaskMs: number;
  readonly bundleOnceTaskMs: number;
  /**
   * All main-thread work of a bare page that only appends each chunk to one text node as it arrives, net of
   * the messages' cost as above: what the browser itself needs to show streamed text.
   */
  readonly bareNetTaskMs: number;
}

/** The real bundle streaming an answer that is one long code block, net of the messages' cost, vs rendering it once (medians). */
export interface CodeBlockFigures {
  readonly tokens: number;
  readonly netScriptMs: number;
  readonly onceScriptMs: number;
  readonly netTaskMs: number;
  readonly onceTaskMs: number;
}

/** The real bundle streaming an answer at Phi-4's pace, net of the messages' own cost, vs rendering it once. */
export interface PacedFigures {
  readonly tokens: number;
  /** Wall time of the stream, including the 0.2 s the view is given to settle. */
  readonly seconds: number;
  readonly netScriptMs: number;
  readonly netTaskMs: number;
  readonly onceScriptMs: number;
  readonly onceTaskMs: number;
  /**
   * All main-thread work of a bare page that only appends each chunk to one text node as it arrives, net of
   * the messages' cost as above: what the browser itself needs to show streamed text.
   */
  readonly bareNetTaskMs: number;
}

interface Times {
  readonly script: number;
  readonly task: number;
}
type Metrics = () => Promise<Times>;

/** Script and total main-thread time of the page so far (Chrome's own accounting, not our clock). */
async function mainThreadClock(page: Page): Promise<Metrics> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    const ms = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { script: ms('ScriptDuration'), task: ms('TaskDuration') };
  };
}

/** The chat view's size in a sidebar. */
const SIDEBAR = { width: 420, height: 900 };

const since = (before: Times, after: Times): Times => ({ script: after.script - before.script, task: after.task - before.task });

/** The chat view's page: its markup, its stylesheet and the real bundle, in a sidebar-sized window. */
async function bundlePage(page: Page): Promise<void> {
  await page.setViewportSize(SIDEBAR);
  await page.setContent(SKELETON);
  await page.addStyleTag({ path: path.join(REPO, 'media', 'chat.css') });
  await page.addScriptTag({ content: 'window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState() {} });' });
  const errors: string[] = [];
  const onError = (error: Error): number => errors.push(error.message);
  page.on('pageerror', onError);
  await page.addScriptTag({ path: path.join(REPO, 'dist', 'webview.js') });
  page.off('pageerror', onError);
  // A bundle that fails to start (e.g. an element the skeleton lacks) would otherwise measure an empty page.
  if (errors.length > 0) throw new Error(`the chat bundle failed to start in the bench page: ${errors.join('; ')}`);
}

/** How fast chunks are posted: `perTick` messages, then a pause of `tickMs`. */
interface Pace {
  readonly perTick: number;
  readonly tickMs: number;
}
/** About 500 tokens a second: many times faster than Phi-4, so frames batch many tokens. */
const FAST: Pace = { perTick: 4, tickMs: 8 };
/** 40 tokens a second, Phi-4's pace on a good GPU: most frames carry one token. */
const PHI4_PACE: Pace = { perTick: 1, tickMs: 25 };

/** Posts chunks to the bundle as the host would, one token per message. */
async function feed(page: Page, id: string, chunks: readonly string[], pace: Pace): Promise<void> {
  await page.evaluate(
    async ([cs, turnId, perTick, tickMs]) => {
      for (let i = 0; i < cs.length; i++) {
        window.postMessage({ type: 'answerChunk', id: turnId, text: cs[i] }, '*');
        if (i % perTick === perTick - 1) await new Promise((r) => setTimeout(r, tickMs));
      }
    },
    [chunks, id, pace.perTick, pace.tickMs] as const,
  );
}

/** The floor for any streaming view: a bare page appending each chunk to one text node, at the same pace and size. */
async function bareAppend(browser: Browser, chunks: readonly string[], pace: Pace): Promise<Times> {
  const page = await browser.newPage();
  await page.setViewportSize(SIDEBAR);
  await page.setContent('<!DOCTYPE html><body><p id="text"></p></body>');
  await page.evaluate(() => {
    const text = document.getElementById('text')!.appendChild(document.createTextNode(''));
    window.addEventListener('message', (e: MessageEvent<{ text: string }>) => text.appendData(e.data.text));
  });
  const clock = await mainThreadClock(page);
  const before = await clock();
  await feed(page, 'bare', chunks, pace);
  await page.waitForTimeout(100);
  const times = since(before, await clock());
  await page.close();
  return times;
}

interface Rig {
  /** Streams `chunks` into a new answer at `pace` and ends it: the main-thread time that took. */
  stream(id: string, chunks: readonly string[], full: string, pace: Pace): Promise<Times>;
  /** The same messages for an answer that is not on screen, so nothing is drawn: the messages' own cost. */
  control(chunks: readonly string[], pace: Pace): Promise<Times>;
  /** Shows a finished answer, rendered once, as when a conversation is restored. */
  restore(text: string): Promise<Times>;
  close(): Promise<void>;
}

/** The chat view's page, warmed up by streaming and restoring `warm` once, so compiling the code is not measured. */
async function openRig(browser: Browser, warm: string): Promise<Rig> {
  const page = await browser.newPage();
  await bundlePage(page);
  const post = (m: unknown): Promise<void> => page.evaluate((msg) => window.postMessage(msg, '*'), m);
  const clock = await mainThreadClock(page);
  const settle = (): Promise<void> => page.waitForTimeout(100);
  const clear = (): Promise<void> => post({ type: 'restore', conversationId: 'c', turns: [], history: [], busy: false });
  const rig: Rig = {
    async stream(id, chunks, full, pace) {
      await clear();
      await post({ type: 'turnAdded', turn: { id, role: 'assistant', text: '', state: 'streaming' } });
      await settle();
      const before = await clock();
      await feed(page, id, chunks, pace);
      await post({ type: 'answerEnded', turn: { id, role: 'assistant', text: full, state: 'done' } });
      await settle();
      return since(before, await clock());
    },
    async control(chunks, pace) {
      await clear();
      await settle();
      const before = await clock();
      await feed(page, 'not-shown', chunks, pace);
      await settle();
      return since(before, await clock());
    },
    async restore(text) {
      await clear();
      await settle();
      const before = await clock();
      await post({ type: 'restore', conversationId: 'c', turns: [{ id: 'a', role: 'assistant', text, state: 'done' }], history: [], busy: false });
      await settle();
      return since(before, await clock());
    },
    close: () => page.close(),
  };
  await rig.stream('warm', splitIntoChunks(warm), warm, FAST);
  await rig.restore(warm);
  return rig;
}

/** Medians of five rounds, each the same messages with nothing drawn, the answer streamed, and it rendered once. */
async function streamRounds(browser: Browser, warm: string, text: string): Promise<{ feed: Times; stream: Times; once: Times }> {
  const chunks = splitIntoChunks(text);
  const rig = await openRig(browser, warm);
  // Five rounds, medians: a single streamed run swings by a fifth or more on a busy two-core machine.
  const feeds: Times[] = [];
  const streams: Times[] = [];
  const onces: Times[] = [];
  for (let round = 0; round < 5; round++) {
    feeds.push(await rig.control(chunks, FAST));
    streams.push(await rig.stream(`a${round}`, chunks, text, FAST));
    onces.push(await rig.restore(text));
  }
  await rig.close();
  const median = (runs: Times[]): Times => ({ script: medianOf(runs.map((r) => r.script)), task: medianOf(runs.map((r) => r.task)) });
  return { feed: median(feeds), stream: median(streams), once: median(onces) };
}

export async function renderBench(sizes: readonly number[]): Promise<{ figures: RenderFigures[]; codeBlock: CodeBlockFigures; paced: PacedFigures; domNodesAfter200Turns: number }> {
  const harness = await build({ entryPoints: [path.join(REPO, 'test', 'bench', 'renderHarness.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', minify: true });
  const harnessJs = harness.outputFiles[0].text;
  const browser = await launchBrowser();
  const figures: RenderFigures[] = [];
  // Every page first renders and streams a different answer, so that compiling the code (once per page)
  // is not counted against whichever path happens to run first.
  const warmText = answerOfTokens(4000).replace(/Step/g, 'Stage');
  const warmChunks = splitIntoChunks(warmText);
  try {
    for (const tokens of sizes) {
      const done = announce(`B3 rendering a ${tokens}-token answer in the webview`);
      const text = answerOfTokens(tokens);
      const chunks = splitIntoChunks(text);
      const page = await browser.newPage();
      await page.setContent('<!DOCTYPE html><body></body>');
      await page.addScriptTag({ content: harnessJs });
      type Bench = { once(t: string): number; incremental(c: string[]): number; naive(c: string[]): number };
      await page.evaluate(([t, c]) => {
        const bench = (window as unknown as { bench: Bench }).bench;
        bench.once(t);
        bench.incremental(c);
        bench.naive(c.slice(0, 200));
      }, [warmText, warmChunks] as const);
      const once = await page.evaluate((t) => (window as unknown as { bench: Bench }).bench.once(t), text);
      const perChunk = await page.evaluate((c) => (window as unknown as { bench: Bench }).bench.incremental(c), chunks);
      const naive = tokens <= 4000 ? await page.evaluate((c) => (window as unknown as { bench: Bench }).bench.naive(c), chunks) : NaN;
      await page.close();

      // The real bundle, fed one token per message about every 2 ms (many times faster than Phi-4 streams).
      const { feed: fed, stream, once: restored } = await streamRounds(browser, warmText, text);
      const bare = await bareAppend(browser, chunks, FAST);
      figures.push({
        tokens: chunks.length,
        onceMs: once,
        perChunkMs: perChunk,
        naiveMs: naive,
        bundleStreamScriptMs: stream.script,
        bundleFeedScriptMs: fed.script,
        bundleOnceScriptMs: restored.script,
        bundleStreamTaskMs: stream.task,
        bundleFeedTaskMs: fed.task,
        bundleOnceTaskMs: restored.task,
        bareNetTaskMs: bare.task - fed.task,
      });
      done();
    }

    // A whole module in one code block: nothing in it is final until its fence closes, so this shows whether
    // a block's cost grows with its length while it is written.
    let done = announce('B3 streaming one long code block');
    const codeText = codeAnswerOfTokens(4000);
    const code = await streamRounds(browser, warmText, codeText);
    const codeBlock: CodeBlockFigures = {
      tokens: splitIntoChunks(codeText).length,
      netScriptMs: code.stream.script - code.feed.script,
      onceScriptMs: code.once.script,
      netTaskMs: code.stream.task - code.feed.task,
      onceTaskMs: code.once.task,
    };

    done();
    done = announce("B3 streaming at Phi-4's pace (about 30 s)");
    // At Phi-4's own pace most frames carry one token, so this shows what streaming costs per second of
    // answer rather than per token. One round (control and stream take about 14 s each); restoring is quick, so three of those.
    const pacedText = answerOfTokens(500);
    const pacedChunks = splitIntoChunks(pacedText);
    const rig = await openRig(browser, warmText);
    const pacedFeed = await rig.control(pacedChunks, PHI4_PACE);
    const started = Date.now();
    const pacedStream = await rig.stream('paced', pacedChunks, pacedText, PHI4_PACE);
    const seconds = (Date.now() - started) / 1000;
    const pacedOnces = [await rig.restore(pacedText), await rig.restore(pacedText), await rig.restore(pacedText)];
    await rig.close();
    const bare = await bareAppend(browser, pacedChunks, PHI4_PACE);
    const paced: PacedFigures = {
      tokens: pacedChunks.length,
      seconds,
      netScriptMs: pacedStream.script - pacedFeed.script,
      netTaskMs: pacedStream.task - pacedFeed.task,
      onceScriptMs: medianOf(pacedOnces.map((t) => t.script)),
      onceTaskMs: medianOf(pacedOnces.map((t) => t.task)),
      bareNetTaskMs: bare.task - pacedFeed.task,
    };

    done();
    done = announce('B5 200 turns in the webview');
    // B5 (webview side): 200 turns rendered in the real bundle.
    const page = await browser.newPage();
    await bundlePage(page);
    const turns = [];
    for (let i = 0; i < 200; i++) turns.push({ id: `u${i}`, role: 'user', text: `question ${i}` }, { id: `a${i}`, role: 'assistant', text: answerOfTokens(150), state: 'done' });
    await page.evaluate((t) => window.postMessage({ type: 'restore', conversationId: 'c', turns: t, history: [], busy: false }, '*'), turns);
    await page.waitForTimeout(200);
    const domNodesAfter200Turns = await page.evaluate(() => document.getElementsByTagName('*').length);
    await page.close();
    done();
    return { figures, codeBlock, paced, domNodesAfter200Turns };
  } finally {
    await browser.close();
  }
}
