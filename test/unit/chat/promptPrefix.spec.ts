// Ollama evaluates only what follows the start a prompt shares with the previous prompt and its answer. Each
// chat or Explain prompt must therefore begin, byte for byte, with the prompt before it plus the answer the
// model gave, also once old turns have to be left out (then only rarely not), and also with one-shot Fix and
// Edit requests in between.
import * as assert from 'node:assert/strict';
import { ChatSession } from '../../../src/chat/ChatSession';
import { gatherContext } from '../../../src/context/gatherContext';
import { silentLogger } from '../../../src/log/Logger';
import { OllamaClient } from '../../../src/ollama/OllamaClient';
import { EDIT_SYSTEM_PROMPT, EXPLAIN_QUESTION, FIX_SYSTEM_PROMPT, editQuestion, fixQuestion } from '../../../src/prompt/systemPrompts';
import { formatStats } from '../../../src/webview/TranscriptView';
import { LastPrompts } from '../../../src/request/LastPrompts';
import { ModelResolver } from '../../../src/request/ModelResolver';
import type { RequestSettings } from '../../../src/request/RequestSettings';
import type { RequestServices } from '../../../src/request/RequestSpec';
import { runRequest } from '../../../src/request/runRequest';
import { ConversationStore } from '../../../src/storage/ConversationStore';
import { OllamaTestServer } from '../../support/ollamaTestServer';
import { useTempDir } from '../../support/useTempDir';

describe('prompt prefix across turns', () => {
  const server = new OllamaTestServer();
  const dir = useTempDir();
  let settings: RequestSettings;
  const services = (): RequestServices => ({ client: () => new OllamaClient({ host: settings.host }), settings: () => settings, resolver: new ModelResolver(), lastPrompts: new LastPrompts(), log: silentLogger });
  const session = (shared = services()): ChatSession => new ChatSession({ ...shared, store: new ConversationStore({ dir: dir() }) });
  const prompts = (): string[] => server.answerRequests().map((r) => String(r.body?.prompt));

  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    settings = { host: server.url, model: 'phi4', contextWindow: 0, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto', provider: 'ollama' };
  });

  it('chat and Explain turns: prompt n+1 starts with prompt n and answer n, and the server reuses it', async () => {
    const chat = session();
    const code = 'function total(xs) {\n  let t = 0;\n  for (const x of xs) t += x;\n  return t;\n}\n';
    const context = gatherContext({ text: code, languageId: 'javascript', relativePath: 'total.js', selectionStart: 0, selectionEnd: code.length, diagnostics: [] });
    // Answers with code fences, trailing spaces, and a special-token string copied from the (neutralized) code the
    // prompt showed: re-sent exactly as generated.
    const answers = ['It sums `xs`.\n\n```js\nreturn t;\n```  ', 'Empty `xs` gives 0; `end = "<\u200B|im_end|>"` stays a string. ', 'Yes.\n'];
    server.enqueue(...answers.map((answer) => ({ answer })));
    const first = await chat.send({ text: 'Explain total.js', question: EXPLAIN_QUESTION, context, kind: 'explain' });
    const second = await chat.send({ text: 'And when xs is empty?' });
    await chat.send({ text: 'Explain it again', question: EXPLAIN_QUESTION, context, kind: 'explain' });
    const sent = prompts();
    assert.equal(sent.length, 3);
    for (let n = 0; n + 1 < sent.length; n++) {
      assert.ok(sent[n + 1].startsWith(sent[n] + answers[n]), `prompt ${n + 2} does not start with prompt ${n + 1} and its answer`);
    }
    assert.ok(sent[1].includes('for (const x of xs) t += x;'), 'the follow-up still carries the code it is about');
    // The answer's stats say how much came from the cache, how long reading the prompt took, and the model load.
    assert.match(formatStats(first.turn.stats!), /· 0 prompt tokens cached · prompt read in [\d.]+ s · model loaded in 2\.00 s$/);
    const cached = second.turn.stats?.cachedPromptTokens ?? 0;
    assert.ok(cached > 100, `${cached} cached`);
    assert.match(formatStats(second.turn.stats!), new RegExp(`· ${cached} prompt tokens cached · prompt read in [\\d.]+ s$`));
    const evaluations = server.answerRequests().map((r) => r.evaluation!);
    for (let n = 1; n < evaluations.length; n++) {
      assert.ok(evaluations[n].cachedTokens >= evaluations[n - 1].promptTokens, `turn ${n + 1}: only ${evaluations[n].cachedTokens} tokens from the cache`);
    }
  });

  it('a Fix and an Edit between chat turns: the next chat prompt still starts with the last chat prompt and its answer', async () => {
    // Fix and Edit are one-shot requests through the same pipeline (as the host's inline preview sends them),
    // with their own system prompt and no history; they share the chat's services and its one cache slot.
    const shared = services();
    const chat = session(shared);
    const code = 'function total(xs) {\n  let t = 0;\n  for (const x of xs) t += x;\n  return t;\n}\n';
    const context = gatherContext({ text: code, languageId: 'javascript', relativePath: 'total.js', selectionStart: 0, selectionEnd: code.length, diagnostics: [] });
    const oneShot = async (kind: 'fix' | 'edit', answer: string): Promise<void> => {
      server.enqueue({ answer });
      const spec = kind === 'fix' ? { system: FIX_SYSTEM_PROMPT, question: fixQuestion() } : { system: EDIT_SYSTEM_PROMPT, question: editQuestion('Use reduce.') };
      const outcome = await runRequest(shared, { kind, ...spec, history: [], context }, new AbortController().signal);
      assert.equal(outcome.error, undefined);
    };
    const answers = ['It sums `xs`.  ', 'Use `reduce`:\n\n```js\nreturn xs.reduce((a, b) => a + b, 0);\n```\n', 'Both are fine. '];
    server.enqueue({ answer: answers[0] });
    await chat.send({ text: 'Explain total.js', question: EXPLAIN_QUESTION, context, kind: 'explain' });
    await oneShot('fix', '```js\nfunction total(xs) {\n  return xs.reduce((a, b) => a + b, 0);\n}\n```');
    server.enqueue({ answer: answers[1] });
    await chat.send({ text: 'How would you shorten it?' });
    await oneShot('edit', '```js\nconst total = (xs) => xs.reduce((a, b) => a + b, 0);\n```');
    await oneShot('fix', '```js\nreturn t;\n```');
    server.enqueue({ answer: answers[2] });
    await chat.send({ text: 'Which is better?' });
    const sent = prompts();
    assert.equal(sent.length, 6);
    const chatPrompts = [sent[0], sent[2], sent[5]];
    for (let n = 0; n + 1 < chatPrompts.length; n++) {
      assert.ok(chatPrompts[n + 1].startsWith(chatPrompts[n] + answers[n]), `chat prompt ${n + 2} does not start with chat prompt ${n + 1} and its answer`);
    }
    // The one-shot prompts carry none of the conversation, and the chat none of them.
    for (const i of [1, 3, 4]) assert.ok(!sent[i].includes('Explain total.js') && !sent[i].includes(answers[0]), `request ${i + 1} carries the chat`);
    assert.ok(sent[1].includes(FIX_SYSTEM_PROMPT.split('\n')[0]) && sent[3].includes('Use reduce.'));
    assert.ok(!chatPrompts[2].includes('Use reduce.') && !chatPrompts[2].includes(FIX_SYSTEM_PROMPT.split('\n')[0]), 'a one-shot request leaked into the chat');
  });

  it('a long chat over a small window re-evaluates the whole history only on rare turns', async () => {
    settings = { ...settings, contextWindow: 4096, maxAnswerTokens: 512 };
    const chat = session();
    server.defaultBehaviour = { answer: 'Here is a long answer. '.repeat(60) };
    for (let i = 0; i < 20; i++) await chat.send({ text: `Question ${i}: ${'tell me more about it '.repeat(25)}` });
    const misses = server.answerRequests().filter((r) => r.evaluation!.cachedTokens < r.evaluation!.promptTokens / 2).length;
    assert.ok(misses <= 5, `${misses} of 20 turns evaluated most of their prompt`);
  });
});
