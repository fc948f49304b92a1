// The OpenAI-compatible client and the one pipeline against a real llama.cpp llama-server running a model
// with Phi-4's exact tokenizer (../shared/fixtures/phi4-tokenizer-tiny.md): control tokens, stops, Stop
// cancelling on the server, our token counts against the server's, and prefix-cache reuse.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderChatML } from '../../src/chatml/renderChatML';
import { silentLogger } from '../../src/log/Logger';
import type { AnswerEvent } from '../../src/ollama/OllamaClient';
import { OllamaError } from '../../src/ollama/OllamaError';
import { OpenAiClient } from '../../src/openai/OpenAiClient';
import { ModelResolver } from '../../src/request/ModelResolver';
import type { RequestSettings } from '../../src/request/RequestSettings';
import type { RequestServices } from '../../src/request/RequestSpec';
import { runRequest } from '../../src/request/runRequest';
import { GENERATION_PROMPT_TOKENS, countMessageTokens, countTokens } from '../../src/tokens/countTokens';
import { serverTokenize, startLlamaServer, type RunningLlamaServer } from './startLlamaServer';

const REPO = path.join(__dirname, '..', '..', '..');
const IM_START = 100264;
const IM_END = 100265;
const IM_SEP = 100266;

describe('llama-server with Phi-4 tokenizer (real engine)', function () {
  this.timeout(120_000);
  let server: RunningLlamaServer;
  let settings: RequestSettings;
  const client = (): OpenAiClient => new OpenAiClient({ host: server.baseUrl });
  const services = (): RequestServices => ({ client, settings: () => settings, resolver: new ModelResolver(), log: silentLogger });

  before(async () => {
    server = await startLlamaServer();
    settings = { provider: 'openai-compatible', host: server.baseUrl, model: '', contextWindow: 0, maxAnswerTokens: 64, temperature: 0, keepAlive: '30m', promptFormat: 'auto' };
  });
  after(() => server?.stop());

  it('parses raw Phi-4 ChatML into control tokens, and the answer stops at <|im_end|>', async () => {
    const messages = [{ role: 'user' as const, content: 'Reply with OK.' }];
    const ids = await serverTokenize(server.root, renderChatML(messages));
    assert.deepEqual([ids[0], ids.filter((id) => id === IM_SEP).length, ids.filter((id) => id === IM_END).length, ids.at(-2)], [IM_START, 2, 1, IM_SEP]);
    let text = '';
    let done: AnswerEvent | undefined;
    for await (const event of client().streamAnswer({ model: 'phi4-tiny', format: 'phi4', messages, numCtx: 16384, numPredict: 64, temperature: 0, keepAlive: '' })) {
      if (event.kind === 'text') text += event.text;
      else done = event;
    }
    assert.equal(text, 'OK');
    assert.ok(done?.kind === 'done');
    assert.equal(done.stats.doneReason, 'stop');
    assert.equal(done.stats.evalCount, 2, 'OK, then <|im_end|>, which ended the answer and is not in the text');
  });

  it('streams, and Stop makes the server cancel the generation', async () => {
    // The toy model ends its answers quickly; ignoring EOS and stops makes it generate until stopped.
    const longRun: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      delete body.stop;
      delete body.stop_token_ids;
      return fetch(input, { ...init, body: JSON.stringify({ ...body, ignore_eos: true, max_tokens: 2000 }) });
    };
    const releases = (): RegExpMatchArray[] => [...server.log().matchAll(/release.*n_tokens = (\d+)/g)];
    // The log line releasing the previous test's slot can arrive after its answer did: wait for it, or it is
    // taken for this request's release.
    await until(() => (releases().length >= [...server.log().matchAll(/launch_slot_/g)].length ? true : undefined));
    const releasedBefore = releases().length;
    const stop = new AbortController();
    const stream = new OpenAiClient({ host: server.baseUrl, fetch: longRun }).streamAnswer({ model: 'phi4-tiny', format: 'phi4', messages: [{ role: 'user', content: 'Tell me everything.' }], numCtx: 16384, numPredict: 2000, temperature: 0, keepAlive: '' }, stop.signal);
    const pieces: string[] = [];
    let error: unknown;
    try {
      for await (const event of stream) {
        if (event.kind === 'text') pieces.push(event.text);
        if (pieces.length === 3) stop.abort();
      }
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof OllamaError && error.kind === 'cancelled', String(error));
    // Events already read in the same network chunk as the third may still arrive; Stop ends it right after.
    assert.ok(pieces.length >= 3 && pieces.length < 20, `text streamed in pieces, and stopped: ${pieces.length} pieces`);
    // The server notices the closed connection, cancels the task and frees the slot long before 2,000 tokens.
    const released = await until(() => releases()[releasedBefore]);
    assert.match(server.log(), /cancel/i);
    console.log(`      Stop: the server released the slot at ${released[1]} tokens (2,000 were allowed)`);
    assert.ok(Number(released[1]) < 500, `the slot stopped at ${released[1]} tokens`);
    const slots = await fetch(`${server.root}/slots`);
    if (slots.ok) assert.ok(((await slots.json()) as { is_processing: boolean }[]).every((s) => !s.is_processing), 'no slot is still generating');
  });

  it('usage.prompt_tokens equals our own count of the prompt, also for a message starting with a newline', async () => {
    const code = fs.readFileSync(path.join(REPO, 'src', 'request', 'runRequest.ts'), 'utf8');
    for (const question of ['Reply with OK.', `\nWhat does this do?\n\n\`\`\`ts\n${code}\n\`\`\``, ' \n\tindented\r\nwith CRLF 🙂']) {
      const outcome = await runRequest(services(), { kind: 'chat', system: 'You are a coding assistant.', history: [], question }, new AbortController().signal);
      assert.equal(outcome.error, undefined, outcome.error?.message);
      assert.equal(outcome.stats?.promptEvalCount, outcome.fitted?.promptTokens, JSON.stringify(question.slice(0, 40)));
    }
  });

  it('a follow-up turn reuses the previous prompt and answer from the server cache (timings.cache_n)', async () => {
    const spec = { kind: 'chat' as const, system: 'You are a helpful assistant.' };
    const first = await runRequest(services(), { ...spec, history: [], question: 'Reply with OK.' }, new AbortController().signal);
    assert.equal(first.error, undefined);
    const history = [{ role: 'user' as const, content: 'Reply with OK.' }, { role: 'assistant' as const, content: first.text }];
    const second = await runRequest(services(), { ...spec, history, question: 'Say hello.' }, new AbortController().signal);
    assert.equal(second.error, undefined);
    const reused = second.stats?.promptEvalCachedCount ?? 0;
    console.log(`      follow-up: ${reused} of ${second.fitted?.promptTokens} prompt tokens from the cache (first prompt ${first.fitted?.promptTokens})`);
    assert.ok(reused >= (first.fitted?.promptTokens ?? Infinity), `cache_n ${reused} covers the first prompt`);
  });

  it('/tokenize agrees with our counts on a corpus of real source files and their variants', async () => {
    const corpus = sourceCorpus();
    let exact = 0;
    const misses: string[] = [];
    for (const [name, text] of corpus) {
      // Raw text as user code: a "<|im_end|>" written in a file is ordinary text (our prompts neutralize it).
      const server1 = (await serverTokenize(server.root, text, false)).length;
      const wrapped = (await serverTokenize(server.root, renderChatML([{ role: 'user', content: text }]))).length;
      const ours1 = countTokens(text);
      const wrappedOurs = countMessageTokens(text) + GENERATION_PROMPT_TOKENS;
      if (server1 === ours1 && wrapped === wrappedOurs) exact++;
      else misses.push(`${name}: text ${ours1} vs ${server1}, message ${wrappedOurs} vs ${wrapped}`);
    }
    console.log(`      exact token counts: ${exact}/${corpus.length} texts (${((100 * exact) / corpus.length).toFixed(1)} %)`);
    assert.deepEqual(misses, []);
  });

  it('U+0085 (NEL) is the one known difference, and it stays within one token per NEL', async () => {
    const texts = ['a\u0085"d', 'line\u0085next', 'x = 1\u0085\u0085y = 2', '\u0085', 'end\u0085', 'q\u0085\u0085!!'];
    let differ = 0;
    for (const text of texts) {
      const theirs = (await serverTokenize(server.root, text, false)).length;
      const ours = countTokens(text);
      const nels = [...text].filter((c) => c === '\u0085').length;
      assert.ok(Math.abs(ours - theirs) <= nels, `${JSON.stringify(text)}: ours ${ours}, server ${theirs}`);
      if (ours !== theirs) differ++;
    }
    // JavaScript's \s lacks U+0085, so `\u0085"d` splits as `\u0085"` + `d` for us and `\u0085` + `"d` for llama.cpp.
    assert.ok(differ > 0, 'the documented difference still exists; if it is gone, update docs/TEAM-SETUP.md');
  });
});

async function until<T>(probe: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Real files (our own sources, libraries we ship) and the shapes that stress a tokenizer. */
function sourceCorpus(): [string, string][] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|js|css|md)$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(REPO, 'src'));
  walk(path.join(REPO, 'test', 'fixtures'));
  files.push(path.join(REPO, 'node_modules', 'highlight.js', 'lib', 'languages', 'python.js'), path.join(REPO, 'README.md'));
  const corpus: [string, string][] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.relative(REPO, file);
    corpus.push([name, text]);
    if (corpus.length % 4 === 0) corpus.push([`${name} (CRLF)`, text.replace(/\n/g, '\r\n')]);
    if (corpus.length % 4 === 1) corpus.push([`${name} (tabs)`, text.replace(/ {4}|  /g, '\t')]);
    if (corpus.length % 4 === 2) corpus.push([`${name} (blank-line runs)`, text.replace(/\n/g, '\n\n\n\n')]);
    if (corpus.length % 4 === 3) corpus.push([`${name} (one long line)`, text.replace(/\n/g, ' ')]);
  }
  corpus.push(['emoji and symbols', '// 🙂 👩‍💻 🇩🇪 ✔ → ≤ 漢字 café naïve\nconst s = "👍🏽";\n'.repeat(50)]);
  return corpus;
}
