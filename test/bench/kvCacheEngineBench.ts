// B8 against the real engine: the same scripted conversation as kvCacheBench, run through the real ChatSession
// with provider openai-compatible against llama.cpp's llama-server (one slot of 16,384 tokens, prompt cache on)
// running phi4-tokenizer-tiny.gguf, a toy model with Phi-4's exact tokenizer. The engine reports per answer
// how many prompt tokens it evaluated (`timings.prompt_n`) and reused (`timings.cache_n`); next to each turn
// stands what our model of the cache (test/support/KvCache, which the test server uses) predicts for the very
// same prompts and answers, so a difference is the engine disagreeing with our model, not the script.
// Every answer is made the script's length, as the test server's are (test/llama/recordingFetch.ts says why).
// Run alone: `npm run compile:tests && node out/test/bench/kvCacheEngineBench.js`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BLOCK_TRIM } from '../../src/budget/trimHistory';
import { ChatSession } from '../../src/chat/ChatSession';
import { silentLogger } from '../../src/log/Logger';
import { OpenAiClient } from '../../src/openai/OpenAiClient';
import { LastPrompts } from '../../src/request/LastPrompts';
import { ModelResolver } from '../../src/request/ModelResolver';
import type { RequestSettings } from '../../src/request/RequestSettings';
import type { RequestServices } from '../../src/request/RequestSpec';
import { ConversationStore } from '../../src/storage/ConversationStore';
import { countTokens } from '../../src/tokens/countTokens';
import { exchangeAt, recordingFetch, type EngineExchange } from '../llama/recordingFetch';
import { startLlamaServer } from '../llama/startLlamaServer';
import { KvCache } from '../support/KvCache';
import { phi4Tokenize } from '../support/phi4Tokenize';
import { textOf } from './kvCacheBench';

export interface EngineTurn extends EngineExchange {
  readonly userTokens: number;
  /** What KvCache, our model of the cache, says this prompt must evaluate after the previous prompt and answer. */
  readonly predicted: number;
}

export interface EngineFigures {
  readonly turns: readonly EngineTurn[];
  /** Σ prompt_n over the chat turns divided by the tokens of the user's messages. */
  readonly ratio: number;
  /** The same ratio as our model predicts it for the same prompts. */
  readonly predictedRatio: number;
  readonly worst: number;
  readonly worstTurn: number;
  /** Follow-ups that evaluated more than half of their prompt. */
  readonly misses: number;
  /** Turns where the engine evaluated more than our model predicted, and by how many tokens in all. */
  readonly disagreements: number;
  readonly beyondPrediction: number;
}

export interface EngineScript {
  readonly turns: number;
  readonly questionTokens: number;
  /** The length of every answer, as the test server's scripted ones (the toy model's text is nonsense). */
  readonly answerTokens: number;
}

export async function runEngineScript(script: EngineScript): Promise<EngineFigures> {
  const server = await startLlamaServer(['--cache-prompt', '--cache-ram', '0']);
  const exchanges: EngineExchange[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi4-b8-engine-'));
  const settings: RequestSettings = { provider: 'openai-compatible', host: server.baseUrl, model: '', contextWindow: 16384, maxAnswerTokens: 1024, temperature: 0, keepAlive: '30m', promptFormat: 'phi4' };
  const client = new OpenAiClient({ host: server.baseUrl, fetch: recordingFetch(exchanges, script.answerTokens) });
  const services: RequestServices = { client: () => client, settings: () => settings, resolver: new ModelResolver(), log: silentLogger, lastPrompts: new LastPrompts(), trimPolicy: BLOCK_TRIM };
  const session = new ChatSession({ ...services, store: new ConversationStore({ dir }) });
  const model = new KvCache();
  model.load('m', 16384, -1, 0);
  const turns: EngineTurn[] = [];
  try {
    for (let turn = 0; turn < script.turns; turn++) {
      const question = textOf(script.questionTokens, turn, 'question');
      const outcome = await session.send({ text: question });
      if (outcome.error) throw new Error(`turn ${turn + 1}: ${outcome.error.message}`);
      const e = await exchangeAt(exchanges, turn + 1);
      turns.push({ ...e, userTokens: countTokens(question), predicted: predict(model, e) });
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figuresOf(turns);
}

/**
 * Our model's evaluation of one exchange, whose answer then joins its cache as the engine's does. The engine
 * never feeds back the last token it samples: that is the stop token when the answer ends by itself, but the
 * answer's last token when it ran to its length limit, as the forced answers here do.
 */
function predict(model: KvCache, e: EngineExchange): number {
  const evaluated = model.evaluate('m', phi4Tokenize(e.prompt), false).evaluation.evaluatedTokens;
  const answer = phi4Tokenize(e.answer);
  model.generated('m', e.finish === 'length' ? answer.slice(0, -1) : answer);
  return evaluated;
}

function figuresOf(turns: readonly EngineTurn[]): EngineFigures {
  const user = turns.reduce((n, t) => n + t.userTokens, 0);
  const worst = Math.max(...turns.map((t) => t.promptN));
  return {
    turns,
    ratio: turns.reduce((n, t) => n + t.promptN, 0) / user,
    predictedRatio: turns.reduce((n, t) => n + t.predicted, 0) / user,
    worst,
    worstTurn: turns.findIndex((t) => t.promptN === worst) + 1,
    misses: turns.filter((t, i) => i > 0 && t.promptN > t.promptTokens / 2).length,
    disagreements: turns.filter((t) => t.promptN > t.predicted).length,
    beyondPrediction: turns.reduce((n, t) => n + Math.max(0, t.promptN - t.predicted), 0),
  };
}

export function describeEngine(f: EngineFigures): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const answers = f.turns.map((t) => t.answerTokens);
  return (
    `${f.ratio.toFixed(2)}× evaluated (timings.prompt_n) per new token, our model predicts ${f.predictedRatio.toFixed(2)}×; worst turn ${f.worstTurn}: ${n(f.worst)} tokens; ` +
    `${f.misses} of ${f.turns.length - 1} follow-ups re-read most of the prompt; ${f.disagreements} turns evaluated more than predicted (${n(f.beyondPrediction)} tokens); answers ${Math.min(...answers)}–${Math.max(...answers)} tokens`
  );
}

/** prompt_n per turn, with cache_n, the prompt, the answer and our model's prediction. */
export function perTurnTable(f: EngineFigures): string {
  const rows = f.turns.map((t, i) => `| ${i + 1} | ${t.userTokens} | ${t.promptTokens} | ${t.cacheN ?? '—'} | ${t.promptN} | ${t.predicted} | ${t.answerTokens} |`);
  return ['| turn | user tokens | prompt | cache_n | prompt_n | predicted | answer tokens |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

export interface EngineBench {
  readonly long: EngineFigures;
  readonly short: EngineFigures;
}

export async function kvCacheEngineBench(): Promise<EngineBench> {
  return {
    long: await runEngineScript({ turns: 14, questionTokens: 1200, answerTokens: 300 }),
    short: await runEngineScript({ turns: 40, questionTokens: 400, answerTokens: 150 }),
  };
}

if (require.main === module) {
  void kvCacheEngineBench().then((b) => {
    console.log(`14 × ~1.2K: ${describeEngine(b.long)}\n${perTurnTable(b.long)}\n`);
    console.log(`40 × ~400: ${describeEngine(b.short)}\n${perTurnTable(b.short)}`);
  });
}
