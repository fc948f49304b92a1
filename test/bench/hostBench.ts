// B1, B2, B5 (host side) and B6: the extension's own code paths against the Ollama-API test server,
// each compared with a baseline measured in the same run.
import * as fs from 'node:fs';
import { Socket } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ollama } from 'ollama/browser';
import { fitToBudget } from '../../src/budget/fitToBudget';
import { ChatSession } from '../../src/chat/ChatSession';
import type { RequestSettings } from '../../src/request/RequestSettings';
import { silentLogger } from '../../src/log/Logger';
import { ModelResolver } from '../../src/request/ModelResolver';
import { gatherContext } from '../../src/context/gatherContext';
import { OllamaClient } from '../../src/ollama/OllamaClient';
import type { TurnView } from '../../src/protocol/messages';
import { ConversationStore } from '../../src/storage/ConversationStore';
import { countTokens, countTokensUncached } from '../../src/tokens/countTokens';
import { OllamaTestServer } from '../support/ollamaTestServer';
import { sourceOfTokens } from './codeFixture';
import { alternating, announce, gc, median } from './measure';

export interface HostFigures {
  readonly firstRequest: { label: string; tokens: number; baselineMs: number; oursMs: number; targetMs: number }[];
  readonly relay: { baselineTps: number; oursTps: number; posts: number; tokens: number };
  readonly longSession: { turns: number; heapGrowthMb: number; heapAfterMb: number };
  readonly tokenizer: { tokensPerSecond: number; cachedTokensPerSecond: number; fit16kMs: number };
  readonly soak: { answers: number; heapBeforeMb: number; heapAfterMb: number; handlesBefore: number; handlesAfter: number; openSockets: number };
}

const activeHandles = (): number => (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().length;

/** When the server had the request (headers and body) in hand, not counting its own work on it. */
function arrivalWatcher(server: OllamaTestServer): () => Promise<number> {
  const seen = server.requests.length;
  return async () => {
    while (server.answerRequests().length === 0 || server.requests.length <= seen) await new Promise((r) => setImmediate(r));
    return server.answerRequests()[0].receivedAt;
  };
}

export async function hostBench(sizes: readonly number[]): Promise<HostFigures> {
  const server = new OllamaTestServer();
  await server.start();
  const settings: RequestSettings = { provider: 'ollama' as const, host: server.url, model: 'phi4', contextWindow: 0, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto' };
  const resolver = new ModelResolver();
  const client = new OllamaClient({ host: server.url });
  await resolver.resolve(client, settings); // warm: /api/show is cached per model, as in the extension
  countTokens('warm up the tokenizer');
  // Conversations are saved to real files, as in the extension, in a folder removed at the end.
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi4-bench-'));
  let stores = 0;
  const newStore = (): ConversationStore => new ConversationStore({ dir: path.join(storageDir, String(stores++)) });
  const session = (): ChatSession => new ChatSession({ client: () => client, settings: () => settings, resolver, store: newStore(), log: silentLogger });

  const firstRequest: HostFigures['firstRequest'] = [];
  const rawPrompt = (tokens: number): string => `<|im_start|>user<|im_sep|>\n${sourceOfTokens(tokens)}<|im_end|>\n<|im_start|>assistant<|im_sep|>\n`;
  /** Time from `start` until the request is at the server, with the extension's request or a bare one. */
  const timeToWire = async (start: () => Promise<unknown> | unknown, stop: () => unknown): Promise<number> => {
    server.reset();
    const arrived = arrivalWatcher(server);
    const t = performance.now();
    const pending = start();
    const at = await arrived();
    stop();
    await pending;
    return at - t;
  };
  const bareClient = new Ollama({ host: server.url });
  const bare = (prompt: string) => async (): Promise<number> => {
    let stream: { abort(): void } | undefined;
    return timeToWire(
      async () => {
        stream = await bareClient.generate({ model: 'phi4', prompt, raw: true, stream: true, options: { num_ctx: 16384 } });
      },
      () => stream?.abort(),
    );
  };
  let done = announce(`B1 Explain requests in ${sizes.join(', ')}-token files`);
  for (const tokens of sizes) {
    const file = sourceOfTokens(tokens);
    const lines = file.split('\n');
    const middle = Math.floor(lines.length / 2);
    const start = lines.slice(0, middle).join('\n').length + 1;
    const end = lines.slice(0, middle + 50).join('\n').length;
    let sample = 0;
    const explain = (fresh: boolean) => async (): Promise<number> => {
      const s = session();
      // The chat reads its history once per window, when the view first shows: not part of a request.
      await s.open();
      // A file never seen before (nothing of it in the token cache), or the same file again; the
      // renaming keeps the length and shape of the text.
      const text = fresh ? file.replaceAll('value', `v${String(++sample).padStart(4, '0')}`) : file;
      // What Explain does on the host: gather context from the snapshot, budget it, render and send.
      return timeToWire(
        () => s.send({ text: 'Explain', question: 'Explain this code.', context: gatherContext({ text, languageId: 'typescript', relativePath: 'src/big.ts', selectionStart: start, selectionEnd: end, diagnostics: [] }) }),
        () => s.stop(),
      );
    };
    const baseline = bare(rawPrompt(Math.min(tokens, 14000)));
    const [baselineMs, oursMs] = await alternating(baseline, explain(true));
    // A 16K-token file fills the whole window with surrounding code: that is the full-context case.
    const targetMs = tokens >= 16000 ? 40 : 5;
    firstRequest.push({ label: `Explain, 50-line selection in a ${tokens}-token file, first time`, tokens, baselineMs, oursMs, targetMs });
    const [againBaselineMs, againMs] = await alternating(baseline, explain(false));
    firstRequest.push({ label: `Explain in the same ${tokens}-token file again`, tokens, baselineMs: againBaselineMs, oursMs: againMs, targetMs });
  }
  done();
  done = announce(`B1 chat messages with ${sizes.join(', ')}-token conversations`);
  for (const tokens of sizes) {
    // A conversation whose history fills `tokens` (up to the whole window): every earlier turn is re-sent.
    const store = newStore();
    let sample = 0;
    const turns: TurnView[] = [];
    const answer = sourceOfTokens(400);
    for (let i = 0; countTokens(answer) * (i + 1) < Math.min(tokens, 13500); i++) {
      turns.push({ id: `q${i}`, role: 'user', text: `Question ${i}: what does this do?` }, { id: `a${i}`, role: 'assistant', text: answer, state: 'done' });
    }
    const s = new ChatSession({ client: () => client, settings: () => settings, resolver, store, log: silentLogger });
    const chat = async (): Promise<number> => {
      // The same history for every sample (a conversation of its own), not one that grows by the turns each sample adds.
      const id = `long-${++sample}`;
      await store.save({ id, title: 'long', updatedAt: Date.now(), turns: [...turns] });
      await s.switchTo(id);
      return timeToWire(() => s.send({ text: 'And what about the error handling?' }), () => s.stop());
    };
    const [baselineMs, oursMs] = await alternating(bare(rawPrompt(Math.min(tokens, 14000))), chat);
    firstRequest.push({ label: `chat message with ${tokens >= 16000 ? 'a full 16K' : `a ${tokens}`}-token conversation`, tokens, baselineMs, oursMs, targetMs: 40 });
  }
  done();

  done = announce('B2 relay throughput');
  // B2: 4,000 tokens as fast as the server can send them; baseline and ours alternate to share the noise.
  // Each is timed from the request reaching the server to the last token consumed (raw) or posted to the
  // webview (ours): throughput, not the time to build the request (B1) or to save the conversation after.
  // One stream lasts ~80 ms, so a collection of B1's garbage landing in some runs would swing the medians:
  // both start from a collected heap, after warm-up rounds, with many runs.
  const answer = Array.from({ length: 4000 }, (_, i) => `tok${i % 97}`).join(' ');
  let posts = 0;
  let relayed = '';
  const rawStream = async (): Promise<number> => {
    server.requests.length = 0;
    server.enqueue({ answer });
    let n = 0;
    for await (const chunk of await new Ollama({ host: server.url }).generate({ model: 'phi4', prompt: 'x', raw: true, stream: true })) if (chunk.response) n++;
    const end = performance.now();
    if (n !== 4000) throw new Error(`raw ollama-js got ${n} tokens`);
    return end - server.answerRequests()[0].receivedAt;
  };
  const relayStream = async (): Promise<number> => {
    server.requests.length = 0;
    server.enqueue({ answer });
    posts = 0;
    relayed = '';
    let lastPostAt = 0;
    const s = new ChatSession({ client: () => client, settings: () => settings, resolver, store: newStore(), log: silentLogger });
    s.onEvent((m) => {
      if (m.type === 'answerChunk') {
        lastPostAt = performance.now();
        posts++;
        relayed += m.text;
      }
    });
    await s.send({ text: 'go' });
    return lastPostAt - server.answerRequests()[0].receivedAt;
  };
  gc();
  const [rawMs, ourMs] = await alternating(rawStream, relayStream, 41, 5);
  const rawTps = 4000 / (rawMs / 1000);
  const ourTps = 4000 / (ourMs / 1000);
  if (relayed !== answer) throw new Error('relay lost text');
  done();

  done = announce('B5 200 chat turns (host heap)');
  // B5: 200 turns through the session, heap after GC.
  const s = session();
  for (let i = 0; i < 20; i++) {
    server.enqueue({ answer: 'warm up answer' });
    await s.send({ text: `warm ${i}` });
  }
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < 200; i++) {
    server.requests.length = 0; // the test server's own request log is not the extension's memory
    server.enqueue({ answer: `Answer number ${i}: ` + 'lorem ipsum dolor sit amet '.repeat(40) });
    await s.send({ text: `Question ${i}: what does this do?` });
  }
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  done();

  done = announce('B6 tokenizer and budget');
  // B6: the tokenizer on text it has never seen (every line new) and on the same text again (line cache),
  // and fitting a 16K budget around a selection in a large file seen for the first time.
  const big = sourceOfTokens(40000);
  const unseen = (tag: string): string => big.replaceAll('value', tag);
  let t0 = performance.now();
  const n = countTokensUncached(unseen('fresh'));
  const tokensPerSecond = n / ((performance.now() - t0) / 1000);
  const again = unseen('cached');
  countTokens(again);
  t0 = performance.now();
  countTokens(again);
  const cachedTokensPerSecond = n / ((performance.now() - t0) / 1000);
  const lines = big.split('\n');
  const selStart = lines.slice(0, 400).join('\n').length + 1;
  const selEnd = lines.slice(0, 450).join('\n').length;
  let round = 0;
  const fit16kMs = await median(5, () => {
    const text = unseen(`fit${++round}x`); // same length and shape, never seen before
    const t = performance.now();
    const context = gatherContext({ text, languageId: 'typescript', relativePath: 'big.ts', selectionStart: selStart, selectionEnd: selEnd, diagnostics: [] });
    fitToBudget({ system: 'rules', history: [], question: 'Explain', context }, { contextWindow: 16384, maxAnswerTokens: 2048 });
    return performance.now() - t;
  });
  done();

  done = announce('Soak: 500 streamed answers');
  // Soak: 500 streamed answers back to back through one session (fast mode).
  const soakSession = session();
  for (let i = 0; i < 10; i++) await soakSession.send({ text: `warm ${i}` });
  await new Promise((r) => setTimeout(r, 100));
  gc();
  const soakHeapBefore = process.memoryUsage().heapUsed;
  const handlesBefore = activeHandles();
  for (let i = 0; i < 500; i++) {
    server.requests.length = 0;
    server.enqueue({ answer: `Soak answer ${i} ` + 'word '.repeat(60) });
    await soakSession.send({ text: `soak ${i}` });
  }
  await new Promise((r) => setTimeout(r, 100));
  gc();
  const soak = {
    answers: 500,
    heapBeforeMb: soakHeapBefore / 1048576,
    heapAfterMb: process.memoryUsage().heapUsed / 1048576,
    handlesBefore,
    handlesAfter: activeHandles(),
    openSockets: (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().filter((h) => h instanceof Socket && !h.destroyed).length,
  };
  done();

  await server.stop();
  fs.rmSync(storageDir, { recursive: true, force: true });
  return {
    soak,
    firstRequest,
    relay: { baselineTps: rawTps, oursTps: ourTps, posts, tokens: 4000 },
    longSession: { turns: 200, heapGrowthMb: (heapAfter - heapBefore) / 1048576, heapAfterMb: heapAfter / 1048576 },
    tokenizer: { tokensPerSecond, cachedTokensPerSecond, fit16kMs },
  };
}
