// Session logic (send, stream, stop, queue, persistence, error states) against the Ollama-API test server.
import * as assert from 'node:assert/strict';
import { ChatSession, type SessionEvent, type SessionStatus } from '../../../src/chat/ChatSession';
import type { RequestSettings } from '../../../src/request/RequestSettings';
import { historyOf } from '../../../src/chat/historyOf';
import { silentLogger } from '../../../src/log/Logger';
import { ModelResolver } from '../../../src/request/ModelResolver';
import { OllamaClient } from '../../../src/ollama/OllamaClient';
import { ConversationStore } from '../../../src/storage/ConversationStore';
import { OllamaTestServer } from '../../support/ollamaTestServer';
import { writeV1 } from '../../support/conversations';
import { useTempDir } from '../../support/useTempDir';

describe('ChatSession', () => {
  const server = new OllamaTestServer();
  const dir = useTempDir();
  let posted: SessionEvent[];
  let statuses: SessionStatus[];
  let settings: RequestSettings;

  const makeSession = (): ChatSession => {
    const session = new ChatSession({
      client: () => new OllamaClient({ host: settings.host }),
      settings: () => settings,
      resolver: new ModelResolver(),
      store: new ConversationStore({ dir: dir() }),
      log: silentLogger,
    });
    session.onEvent((e) => (e.type === 'status' ? statuses.push(e.status) : posted.push(e)));
    return session;
  };

  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    posted = [];
    statuses = [];
    settings = { provider: 'ollama' as const, host: server.url, model: 'phi4', contextWindow: 0, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto' };
  });

  it('streams an answer in batches, with stats, and sends the trained num_ctx', async () => {
    const answer = Array(300).fill('word').join(' ');
    server.enqueue({ answer });
    const session = makeSession();
    const { turn } = await session.send({ text: 'hello' });
    assert.equal(turn.state, 'done');
    assert.equal(turn.text, answer);
    const chunks = posted.filter((m) => m.type === 'answerChunk');
    assert.ok(chunks.length >= 1 && chunks.length < 300, `${chunks.length} posts for 300 tokens`);
    assert.equal(chunks.map((c) => (c.type === 'answerChunk' ? c.text : '')).join(''), turn.text);
    assert.equal(turn.stats?.answerTokens, 300);
    const sent = server.answerRequests()[0];
    assert.equal((sent.body?.options as { num_ctx: number }).num_ctx, 16384);
    assert.match(String(sent.body?.prompt), /^<\|im_start\|>system<\|im_sep\|>\n/);
    assert.deepEqual(statuses, ['generating', 'ready']);
  });

  it('includes earlier turns as history in the next prompt', async () => {
    const session = makeSession();
    server.enqueue({ answer: 'It is 4.' });
    await session.send({ text: 'What is 2+2?' });
    await session.send({ text: 'And times 3?' });
    const prompt = String(server.answerRequests()[1].body?.prompt);
    assert.ok(prompt.includes('<|im_start|>user<|im_sep|>\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant<|im_sep|>\nIt is 4.<|im_end|>\n<|im_start|>user<|im_sep|>\nAnd times 3?'));
  });

  it('a follow-up re-sends the earlier question exactly as it was sent, code context included, also after a restart', async () => {
    const context = { relativePath: 'src/a.ts', languageId: 'typescript', focusKind: 'selection' as const, selection: 'export const answer = 42;', startLine: 0, endLine: 0, before: [], after: [], diagnostics: [] };
    const session = makeSession();
    server.enqueue({ answer: 'It exports 42.' });
    await session.send({ text: 'Explain src/a.ts:1', question: 'Explain this.', context });
    const first = String(server.answerRequests()[0].body?.prompt);
    await session.send({ text: 'Why 42?' });
    const second = String(server.answerRequests()[1].body?.prompt);
    assert.ok(second.startsWith(first.slice(0, first.lastIndexOf('<|im_start|>assistant'))), 'the second prompt starts with the first question as sent');
    assert.ok(second.includes('export const answer = 42;'), 'the code the follow-up is about is still in the prompt');
    const reopened = makeSession();
    await reopened.open();
    await reopened.send({ text: 'And now?' });
    assert.ok(String(server.answerRequests()[2].body?.prompt).includes('export const answer = 42;'), 'a restart keeps what was sent');
  });

  it('keeps the "Context used" list with the question, in storage too, and tells the views once it is known', async () => {
    const definition = { name: 'helper', relativePath: 'src/lib.ts', languageId: 'typescript', startLine: 4, endLine: 6, text: 'export function helper() {\n  return 1;\n}', signature: 'export function helper() {\n  …', rank: 0 as const, signatureOnly: false };
    const context = { relativePath: 'src/a.ts', languageId: 'typescript', focusKind: 'selection' as const, selection: 'helper();', startLine: 9, endLine: 9, before: [], after: [], diagnostics: [], definitions: [definition] };
    const session = makeSession();
    await session.send({ text: 'Explain src/a.ts:10', question: 'Explain this.', context });
    const updated = posted.find((e) => e.type === 'questionUpdated');
    assert.ok(updated && updated.type === 'questionUpdated');
    const items = updated.turn.contextUsed ?? [];
    assert.deepEqual(items.map((i) => [i.kind, i.label, i.status]), [
      ['instructions', 'Rules and instructions (system message)', 'sent'],
      ['selection', 'src/a.ts:10', 'sent'],
      ['definition', 'src/lib.ts:5-7', 'sent'],
    ]);
    assert.ok(items.every((i) => i.tokens > 0));
    const reopened = makeSession();
    await reopened.open();
    assert.deepEqual(reopened.current.turns[0].contextUsed, items, 'it survives a reload');
  });

  it('Regenerate re-sends the stored prompt byte for byte, without the editor, and the fresh answer replaces the old one in memory and storage', async () => {
    const context = { relativePath: 'src/a.ts', languageId: 'typescript', focusKind: 'selection' as const, selection: 'export const answer = 42;', startLine: 0, endLine: 0, before: ['// before'], after: ['// after'], diagnostics: [] };
    const session = makeSession();
    server.enqueue({ answer: 'It is 4.' }, { answer: 'It exports 42.' }, { answer: 'A constant, 42.' });
    await session.send({ text: 'What is 2+2?' });
    const { turn: old } = await session.send({ text: 'Explain src/a.ts:1', question: 'Explain this.', context });
    const removed: string[] = [];
    session.onEvent((e) => e.type === 'turnsRemoved' && removed.push(...e.ids));
    const { turn: fresh } = await session.regenerate(old.id);
    const [original, regenerated] = server.answerRequests().slice(1).map((r) => String(r.body?.prompt));
    assert.equal(server.answerRequests().length, 3);
    assert.ok(original.includes('export const answer = 42;') && original.includes('// before'), 'the original carried the code context');
    assert.equal(regenerated, original, 'the same prompt, byte for byte');
    assert.equal(fresh.text, 'A constant, 42.');
    assert.deepEqual(removed, [old.id]);
    assert.deepEqual(session.current.turns.map((t) => t.text), ['What is 2+2?', 'It is 4.', 'Explain src/a.ts:1', 'A constant, 42.']);
    const reopened = makeSession();
    await reopened.open();
    assert.deepEqual(reopened.current.turns.map((t) => t.text), ['What is 2+2?', 'It is 4.', 'Explain src/a.ts:1', 'A constant, 42.']);
  });

  it('a Regenerate or an Edit that fails loses nothing: the earlier answer stays, in memory and storage, and can be regenerated again', async () => {
    const session = makeSession();
    server.enqueue({ answer: 'It is 4.' }, { answer: 'half', fault: { kind: 'errorMidStream', afterChunks: 1 } });
    await session.send({ text: 'What is 2+2?' });
    const old = session.current.turns[1];
    const failed = await session.regenerate(old.id);
    assert.equal(failed.turn.state, 'failed');
    assert.deepEqual(session.current.turns.map((t) => t.text), ['What is 2+2?', 'It is 4.', 'half'], 'the old answer is kept beside the failed attempt');
    server.enqueue({ answer: 'Four.' });
    const again = await session.regenerate(failed.turn.id);
    assert.equal(again.turn.text, 'Four.');
    assert.deepEqual(session.current.turns.map((t) => t.text), ['What is 2+2?', 'Four.'], 'a good answer replaces both');
    server.enqueue({ answer: '', fault: { kind: 'busy' } });
    await session.send({ text: 'What is 3+3?' }, session.current.turns[0].id);
    const reopened = makeSession();
    await reopened.open();
    assert.deepEqual(reopened.current.turns.slice(0, 2).map((t) => t.text), ['What is 2+2?', 'Four.'], 'a failed edit did not delete the question it edits');
  });

  it('a damaged turn left out of storage does not shift the history: later questions still pair with their answers', async () => {
    const turns = [
      { id: 'q1', role: 'user' as const, text: 'one' },
      { id: 'q2', role: 'user' as const, text: 'two' },
      { id: 'a2', role: 'assistant' as const, text: 'answer two' },
      { id: 'q3', role: 'user' as const, text: 'three' },
      { id: 'a3', role: 'assistant' as const, text: 'answer three' },
    ];
    assert.deepEqual(historyOf(turns).map((m) => m.content), ['two', 'answer two', 'three', 'answer three']);
  });

  it('Regenerate on an answer that is not the last one sends nothing and says why', async () => {
    const session = makeSession();
    const { turn: first } = await session.send({ text: 'one' });
    await session.send({ text: 'two' });
    const outcome = await session.regenerate(first.id);
    assert.match(outcome.refused ?? '', /Only the last answer/);
    assert.equal(server.answerRequests().length, 2);
    assert.equal(session.current.turns.length, 4);
  });

  it('an edited question replaces that turn and what followed, in memory and storage, and the history stops before it', async () => {
    const session = makeSession();
    server.enqueue({ answer: 'It is 4.' }, { answer: 'It is 12.' }, { answer: 'It is 15.' });
    await session.send({ text: 'What is 2+2?' });
    await session.send({ text: 'And times 3?' });
    const edited = session.current.turns[2];
    const removed: string[] = [];
    session.onEvent((e) => e.type === 'turnsRemoved' && removed.push(...e.ids));
    await session.send({ text: 'And plus 11?' }, edited.id);
    assert.equal(removed.length, 2);
    assert.equal(removed[0], edited.id);
    const prompt = String(server.answerRequests()[2].body?.prompt);
    assert.ok(prompt.includes('What is 2+2?') && prompt.includes('And plus 11?'));
    assert.ok(!prompt.includes('And times 3?') && !prompt.includes('It is 12.'), 'the replaced turns are not in the history');
    const texts = ['What is 2+2?', 'It is 4.', 'And plus 11?', 'It is 15.'];
    assert.deepEqual(session.current.turns.map((t) => t.text), texts);
    const reopened = makeSession();
    await reopened.open();
    assert.deepEqual(reopened.current.turns.map((t) => t.text), texts);
  });

  it('editing the first question retitles the conversation', async () => {
    const session = makeSession();
    await session.send({ text: 'first wording' });
    await session.send({ text: 'better wording' }, session.current.turns[0].id);
    assert.equal(session.current.title, 'better wording');
    assert.deepEqual(session.current.turns.map((t) => t.role), ['user', 'assistant']);
  });

  it('Stop keeps the partial answer marked stopped and closes the request', async () => {
    server.enqueue({ answer: 'slow '.repeat(500), chunkDelayMs: 3 });
    const session = makeSession();
    const pending = session.send({ text: 'go' });
    while (!posted.some((m) => m.type === 'answerChunk')) await new Promise((r) => setTimeout(r, 5));
    session.stop();
    const { turn } = await pending;
    assert.equal(turn.state, 'stopped');
    assert.ok(turn.text.startsWith('slow ') && turn.text.length < 'slow '.repeat(500).length);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(server.answerRequests()[0].closedByClient, true);
  });

  it('a window reloaded mid-answer finds the partial answer, marked stopped', async () => {
    server.enqueue({ answer: 'part '.repeat(400), chunkDelayMs: 8 });
    const session = makeSession();
    const pending = session.send({ text: 'long one' });
    await new Promise((r) => setTimeout(r, 2300));
    const reloaded = makeSession();
    await reloaded.open();
    const [question, answer] = reloaded.current.turns;
    assert.equal(question.text, 'long one');
    assert.equal(answer.state, 'stopped');
    assert.ok(answer.text.startsWith('part part'), `partial text kept: ${JSON.stringify(answer.text.slice(0, 20))}`);
    session.stop();
    await pending;
  });

  it('New chat during an answer stops it, keeps it in the old conversation and shows nothing of it in the new one', async () => {
    server.enqueue({ answer: 'old '.repeat(300), chunkDelayMs: 3 });
    const session = makeSession();
    const pending = session.send({ text: 'first topic' });
    while (!posted.some((m) => m.type === 'answerChunk')) await new Promise((r) => setTimeout(r, 5));
    const oldId = session.current.id;
    await session.newChat();
    const mark = posted.length;
    const { turn } = await pending;
    assert.equal(turn.state, 'stopped');
    assert.equal(posted.slice(mark).filter((m) => m.type === 'answerChunk' || m.type === 'answerEnded').length, 0);
    assert.equal(session.current.turns.length, 0);
    await session.switchTo(oldId);
    assert.equal(session.current.turns[1].state, 'stopped');
    assert.ok(session.current.turns[1].text.startsWith('old old'));
  });

  it('settings changed mid-answer apply to the next request; the running one finishes unchanged', async () => {
    server.models.push({ ...server.models[0], name: 'phi4:14b-q8_0' });
    server.enqueue({ answer: 'steady '.repeat(100), chunkDelayMs: 3 });
    const session = makeSession();
    const pending = session.send({ text: 'one' });
    while (!posted.some((m) => m.type === 'answerChunk')) await new Promise((r) => setTimeout(r, 5));
    settings = { ...settings, model: 'phi4:14b-q8_0', temperature: 0 };
    const first = await pending;
    assert.equal(first.turn.state, 'done');
    assert.equal(first.turn.text, 'steady '.repeat(100));
    await session.send({ text: 'two' });
    const [a, b] = server.answerRequests();
    assert.deepEqual([a.body?.model, (a.body?.options as { temperature: number }).temperature], ['phi4', 0.2]);
    assert.deepEqual([b.body?.model, (b.body?.options as { temperature: number }).temperature], ['phi4:14b-q8_0', 0]);
  });

  it('queues a second message instead of interleaving two answers', async () => {
    server.enqueue({ answer: 'first answer here', chunkDelayMs: 5 }, { answer: 'second answer', chunkDelayMs: 5 });
    const session = makeSession();
    const a = session.send({ text: 'one' });
    const b = session.send({ text: 'two' });
    const [ra, rb] = await Promise.all([a, b]);
    assert.equal(ra.turn.text, 'first answer here');
    assert.equal(rb.turn.text, 'second answer');
    const order = posted.filter((m) => m.type === 'turnAdded' || m.type === 'answerEnded').map((m) => m.type);
    assert.deepEqual(order, ['turnAdded', 'turnAdded', 'answerEnded', 'turnAdded', 'turnAdded', 'answerEnded']);
  });

  it('restores conversations after a restart, and bounds history', async () => {
    const session = makeSession();
    await session.send({ text: 'remember me' });
    const again = makeSession();
    await again.open();
    assert.deepEqual(again.current.turns.map((t) => t.text), ['remember me', 'Hello from the test server.']);
    assert.equal(again.current.title, 'remember me');
    const small = new ConversationStore({ dir: `${dir()}/small`, limits: () => ({ maxConversations: 2, maxTurns: 2 }) });
    for (let i = 0; i < 4; i++) await small.save({ id: `c${i}`, title: `t${i}`, updatedAt: 1000 + i, turns: [{ id: 'a', role: 'user', text: 'x' }, { id: 'b', role: 'user', text: 'y' }, { id: 'c', role: 'user', text: 'z' }] });
    assert.deepEqual((await small.list()).map((c) => c.id), ['c3', 'c2']);
    assert.equal(await small.load('c0'), undefined);
    assert.deepEqual((await small.load('c3'))?.turns.map((t) => t.text), ['y', 'z']);
  });

  it('a stored conversation without turns does not leave the view busy: it is set aside and the chat works', async () => {
    writeV1(dir(), 'phi4.conversation.broken', { id: 'broken', title: 'Broken', updatedAt: Date.now() + 1e6 });
    const session = makeSession();
    await session.open();
    const restore = session.restoreEvent();
    assert.ok(restore.type === 'restore' && Array.isArray(restore.turns) && restore.turns.length === 0 && !restore.busy);
    server.enqueue({ answer: 'Still here.' });
    const { turn } = await session.send({ text: 'hello?' });
    assert.equal(turn.text, 'Still here.');
    assert.deepEqual(posted.at(-1), { type: 'busy', busy: false, queued: 0 });
  });

  it('Ollama down: the answer fails with the host and actions, status offline', async () => {
    settings = { ...settings, host: 'http://127.0.0.1:9' };
    const { turn, error } = await makeSession().send({ text: 'hi' });
    assert.equal(turn.state, 'failed');
    assert.equal(error?.kind, 'unreachable');
    assert.match(turn.error?.message ?? '', /127\.0\.0\.1:9/);
    assert.deepEqual(turn.error?.actions, ['retry', 'openSettings']);
    assert.equal(statuses.at(-1), 'offline');
  });

  it('model missing: offers the pull, status modelMissing', async () => {
    server.models = [];
    const { turn } = await makeSession().send({ text: 'hi' });
    assert.equal(turn.state, 'failed');
    assert.ok(turn.error?.actions.includes('pullModel'));
    assert.equal(statuses.at(-1), 'modelMissing');
  });

  it('error mid-stream keeps the partial text with the server message', async () => {
    server.enqueue({ answer: 'one two three four', fault: { kind: 'errorMidStream', afterChunks: 2 } });
    const { turn } = await makeSession().send({ text: 'hi' });
    assert.equal(turn.text, 'one two');
    assert.equal(turn.state, 'failed');
    assert.match(turn.error?.message ?? '', /error was encountered while running the model/);
  });

  it('an answer that stalls mid-stream fails with Retry, keeps its text, and the queued question is answered without Stop', async () => {
    server.enqueue({ answer: 'one two three four', fault: { kind: 'stall', afterChunks: 2 } }, { answer: 'second answer' });
    const client = new OllamaClient({ host: server.url, stallTimeoutMs: 300 });
    const session = new ChatSession({ client: () => client, settings: () => settings, resolver: new ModelResolver(), store: new ConversationStore({ dir: dir() }), log: silentLogger });
    const [stalled, next] = await Promise.all([session.send({ text: 'one' }), session.send({ text: 'two' })]);
    assert.equal(stalled.turn.state, 'failed');
    assert.equal(stalled.turn.text, 'one two');
    assert.match(stalled.turn.error?.message ?? '', /stopped sending the answer/);
    assert.ok(stalled.turn.error?.actions.includes('retry'));
    assert.equal(next.turn.state, 'done');
    assert.equal(next.turn.text, 'second answer');
  });

  it('warns when Ollama read fewer prompt tokens than were sent', async () => {
    // A server that ignores our num_ctx: its context is smaller than the prompt.
    settings = { ...settings, contextWindow: 16384 };
    const session = makeSession();
    const client = new OllamaClient({ host: server.url });
    const origin = client.streamAnswer.bind(client);
    client.streamAnswer = (req, signal, onText) => origin({ ...req, numCtx: 64 }, signal, onText);
    const truncating = new ChatSession({ client: () => client, settings: () => settings, resolver: new ModelResolver(), store: new ConversationStore({ dir: dir() }), log: silentLogger });
    const { turn } = await truncating.send({ text: 'long '.repeat(200) });
    assert.ok(turn.notes?.some((n) => /Ollama read only 64 of the \d+ prompt tokens/.test(n)), JSON.stringify(turn.notes));
    const normal = await session.send({ text: 'long '.repeat(200) });
    assert.equal(normal.turn.notes, undefined);
  });

  it('a small window with a long answer limit still answers, asking for no more than fits beside the prompt', async () => {
    settings = { ...settings, contextWindow: 2048, maxAnswerTokens: 8192 };
    server.enqueue({ answer: 'Fine.' });
    const { turn } = await makeSession().send({ text: 'hello' });
    assert.equal(turn.state, 'done', turn.error?.message);
    const options = server.answerRequests()[0].body?.options as { num_ctx: number; num_predict: number };
    assert.deepEqual([options.num_ctx, options.num_predict], [2048, 1024]);
  });

  it('a selection too large for the window fails with how much too large, and sends nothing', async () => {
    settings = { ...settings, contextWindow: 2048, maxAnswerTokens: 1024 };
    const selection = 'const x = 1; // filler\n'.repeat(400);
    const context = { relativePath: 'a.ts', languageId: 'typescript', focusKind: 'selection' as const, selection, startLine: 0, endLine: 399, before: [], after: [], diagnostics: [] };
    const { turn } = await makeSession().send({ text: 'explain', context });
    assert.equal(turn.state, 'failed');
    assert.match(turn.error?.message ?? '', /\d+ too many/);
    assert.equal(server.answerRequests().length, 0);
  });
});
