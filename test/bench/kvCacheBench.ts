// B8: how many prompt tokens the server must evaluate per token the user adds, over a scripted conversation
// run through the real ChatSession against the test server that keeps its cache like Ollama (one slot).
// Compared in the same run with a one-turn sliding window, and with a one-shot Fix between every third turn.
// Run alone: `npm run compile:tests && node out/test/bench/kvCacheBench.js`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TrimPolicy } from '../../src/budget/trimHistory';
import { BLOCK_TRIM } from '../../src/budget/trimHistory';
import { ChatSession } from '../../src/chat/ChatSession';
import { gatherContext } from '../../src/context/gatherContext';
import { silentLogger } from '../../src/log/Logger';
import { OllamaClient } from '../../src/ollama/OllamaClient';
import { FIX_SYSTEM_PROMPT, fixQuestion } from '../../src/prompt/systemPrompts';
import { LastPrompts } from '../../src/request/LastPrompts';
import { ModelResolver } from '../../src/request/ModelResolver';
import type { RequestSettings } from '../../src/request/RequestSettings';
import type { RequestServices } from '../../src/request/RequestSpec';
import { runRequest } from '../../src/request/runRequest';
import { ConversationStore } from '../../src/storage/ConversationStore';
import { countTokens } from '../../src/tokens/countTokens';
import { KvCache } from '../support/KvCache';
import { OllamaTestServer } from '../support/ollamaTestServer';

export const SLIDING_WINDOW: TrimPolicy = { keepShare: 1, pinFirstShare: 0 };

export interface KvFigures {
  /** Prompt tokens the server evaluated for the chat turns, divided by the tokens of the user's messages. */
  readonly ratio: number;
  /** The most tokens one chat turn had to evaluate. */
  readonly worst: number;
  /** Chat turns that evaluated more than half of their prompt (after the first). */
  readonly misses: number;
  readonly turns: number;
  /** Tokens the interleaved Fix requests evaluated, in all. */
  readonly fixEvaluated: number;
}

export interface KvScript {
  readonly turns: number;
  readonly questionTokens: number;
  readonly answerTokens: number;
  readonly fixEvery?: number;
  readonly ramCache?: boolean;
  readonly policy: TrimPolicy;
}

/** Text of about `tokens` tokens, different for every (turn, kind), like code and prose a user pastes. */
export function textOf(tokens: number, turn: number, kind: string): string {
  const lines: string[] = [];
  let n = 0;
  for (let j = 0; n < tokens; j++) {
    const line = `${kind} ${turn}.${j}: const value${turn}_${j} = compute(${j * 7 + turn}, "${kind}-${(turn * 31 + j) % 97}");\n`;
    lines.push(line);
    n += countTokens(line);
  }
  return lines.join('');
}

export async function runKvScript(script: KvScript): Promise<KvFigures> {
  const server = new OllamaTestServer();
  await server.start();
  server.kv = new KvCache({ ramCache: script.ramCache ?? false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi4-b8-'));
  const settings: RequestSettings = { host: server.url, model: 'phi4', contextWindow: 16384, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '30m', promptFormat: 'phi4', provider: 'ollama' };
  const services: RequestServices = { client: () => new OllamaClient({ host: server.url }), settings: () => settings, resolver: new ModelResolver(), log: silentLogger, lastPrompts: new LastPrompts(), trimPolicy: script.policy };
  const session = new ChatSession({ ...services, store: new ConversationStore({ dir }) });
  let userTokens = 0;
  let evaluated = 0;
  let worst = 0;
  let misses = 0;
  let fixEvaluated = 0;
  try {
    for (let turn = 0; turn < script.turns; turn++) {
      if (script.fixEvery && turn > 0 && turn % script.fixEvery === 0) fixEvaluated += await runFix(server, services, turn);
      const question = textOf(script.questionTokens, turn, 'question');
      server.enqueue({ answer: textOf(script.answerTokens, turn, 'answer') });
      await session.send({ text: question });
      const e = server.answerRequests().at(-1)!.evaluation!;
      userTokens += countTokens(question);
      evaluated += e.evaluatedTokens;
      worst = Math.max(worst, e.evaluatedTokens);
      if (turn > 0 && e.evaluatedTokens > e.promptTokens / 2) misses++;
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { ratio: evaluated / userTokens, worst, misses, turns: script.turns, fixEvaluated };
}

/** A one-shot Fix of a 40-line function: its own system prompt, no history. Returns what it evaluated. */
async function runFix(server: OllamaTestServer, services: RequestServices, turn: number): Promise<number> {
  const code = textOf(600, turn, 'fixme');
  const context = gatherContext({ text: code, languageId: 'typescript', relativePath: 'src/fixme.ts', selectionStart: 0, selectionEnd: code.length, diagnostics: [] });
  server.enqueue({ answer: `\`\`\`typescript\n${code}\`\`\`\nFixed.` });
  await runRequest(services, { kind: 'fix', system: FIX_SYSTEM_PROMPT, history: [], question: fixQuestion(), context, minAnswerTokens: 1200 }, new AbortController().signal);
  return server.answerRequests().at(-1)!.evaluation!.evaluatedTokens;
}

export interface KvBench {
  readonly long: { ours: KvFigures; sliding: KvFigures };
  readonly short: { ours: KvFigures; sliding: KvFigures };
  readonly halfKeep: KvFigures;
  readonly withFix: { slot: KvFigures; ram: KvFigures; none: KvFigures };
}

export async function kvCacheBench(): Promise<KvBench> {
  const long = { turns: 14, questionTokens: 1200, answerTokens: 300 };
  const short = { turns: 40, questionTokens: 400, answerTokens: 150 };
  return {
    long: { ours: await runKvScript({ ...long, policy: BLOCK_TRIM }), sliding: await runKvScript({ ...long, policy: SLIDING_WINDOW }) },
    short: { ours: await runKvScript({ ...short, policy: BLOCK_TRIM }), sliding: await runKvScript({ ...short, policy: SLIDING_WINDOW }) },
    halfKeep: await runKvScript({ ...short, policy: { keepShare: 0.75, pinFirstShare: 0.25 } }),
    withFix: {
      none: await runKvScript({ ...long, policy: BLOCK_TRIM }),
      slot: await runKvScript({ ...long, policy: BLOCK_TRIM, fixEvery: 3 }),
      ram: await runKvScript({ ...long, policy: BLOCK_TRIM, fixEvery: 3, ramCache: true }),
    },
  };
}

export function describe(f: KvFigures): string {
  return `${f.ratio.toFixed(2)}× evaluated per new token, worst turn ${f.worst.toLocaleString('en-US')} tokens, ${f.misses} of ${f.turns - 1} follow-ups re-read most of the prompt`;
}

if (require.main === module) {
  void kvCacheBench().then((b) => {
    console.log(`14 × ~1.2K: ours ${describe(b.long.ours)}\n            sliding ${describe(b.long.sliding)}`);
    console.log(`40 × ~400:  ours ${describe(b.short.ours)}\n            sliding ${describe(b.short.sliding)}\n            keep 75% ${describe(b.halfKeep)}`);
    console.log(`14 × ~1.2K + Fix every 3rd turn: no Fix ${describe(b.withFix.none)}\n  single slot ${describe(b.withFix.slot)}; Fixes evaluated ${b.withFix.slot.fixEvaluated}\n  RAM cache ${describe(b.withFix.ram)}; Fixes evaluated ${b.withFix.ram.fixEvaluated}`);
  });
}
