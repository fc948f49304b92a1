// B2 for the OpenAI-compatible path: the chat relay over server-sent events (fetch + eventsource-parser in
// OpenAiClient, then the session's batching) against a bare reader of the same stream, both fed by the
// vLLM-shaped test server in the same run.
import { createParser } from 'eventsource-parser';
import { ChatSession } from '../../src/chat/ChatSession';
import { silentLogger } from '../../src/log/Logger';
import { OpenAiClient } from '../../src/openai/OpenAiClient';
import { ModelResolver } from '../../src/request/ModelResolver';
import type { RequestSettings } from '../../src/request/RequestSettings';
import { ConversationStore } from '../../src/storage/ConversationStore';
import { OpenAiTestServer } from '../support/openAiTestServer';
import { alternating, announce, gc } from './measure';

export interface SseRelayFigures {
  readonly baselineTps: number;
  readonly oursTps: number;
  readonly posts: number;
}

export async function sseRelayBench(storageDir: string): Promise<SseRelayFigures> {
  const done = announce('B2 relay throughput (server-sent events)');
  const server = new OpenAiTestServer({ flavor: 'vllm' });
  await server.start();
  const answer = Array.from({ length: 4000 }, (_, i) => `tok${i % 97}`).join(' ');
  const settings: RequestSettings = { provider: 'openai-compatible', host: server.baseUrl, model: '', contextWindow: 0, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '', promptFormat: 'auto' };
  const client = new OpenAiClient({ host: server.baseUrl });
  const resolver = new ModelResolver();
  await resolver.resolve(client, settings);
  let stores = 0;
  let posts = 0;
  let relayed = '';
  const arrivedAt = (): number => server.completions()[0].receivedAt;
  const bare = async (): Promise<number> => {
    server.requests.length = 0;
    server.enqueue({ answer });
    const response = await fetch(`${server.baseUrl}/completions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ model: 'microsoft/phi-4', prompt: 'x', max_tokens: 5000, stream: true }) });
    let n = 0;
    const parser = createParser({ onEvent: (e) => void (e.data !== '[DONE]' && (JSON.parse(e.data) as { choices: { text: string }[] }).choices[0]?.text && n++) });
    const decoder = new TextDecoder();
    for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(bytes, { stream: true }));
    const end = performance.now();
    if (n !== 4000) throw new Error(`the bare reader got ${n} tokens`);
    return end - arrivedAt();
  };
  const relay = async (): Promise<number> => {
    server.requests.length = 0;
    server.enqueue({ answer });
    posts = 0;
    relayed = '';
    let lastPostAt = 0;
    const session = new ChatSession({ client: () => client, settings: () => settings, resolver, store: new ConversationStore({ dir: `${storageDir}/sse-${stores++}` }), log: silentLogger });
    session.onEvent((m) => {
      if (m.type === 'answerChunk') {
        lastPostAt = performance.now();
        posts++;
        relayed += m.text;
      }
    });
    await session.send({ text: 'go' });
    return lastPostAt - arrivedAt();
  };
  gc();
  const [bareMs, ourMs] = await alternating(bare, relay, 41, 5);
  await server.stop();
  if (relayed !== answer) throw new Error('the SSE relay lost text');
  done();
  return { baselineTps: 4000 / (bareMs / 1000), oursTps: 4000 / (ourMs / 1000), posts };
}
