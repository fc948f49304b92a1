// Catches every outgoing TCP connection made while the extension's non-UI code works: the only
// destination may be the configured Ollama host.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { ChatSession } from '../../../src/chat/ChatSession';
import { silentLogger } from '../../../src/log/Logger';
import { ModelResolver } from '../../../src/request/ModelResolver';
import { gatherContext } from '../../../src/context/gatherContext';
import { OllamaClient } from '../../../src/ollama/OllamaClient';
import { ConversationStore } from '../../../src/storage/ConversationStore';
import { OllamaTestServer } from '../../support/ollamaTestServer';
import { OpenAiClient } from '../../../src/openai/OpenAiClient';
import { OpenAiTestServer } from '../../support/openAiTestServer';
import { useTempDir } from '../../support/useTempDir';

describe('network: only the configured Ollama host is contacted', () => {
  const server = new OllamaTestServer();
  const dir = useTempDir();
  const connections: string[] = [];
  const original = net.Socket.prototype.connect;
  const shared = new OpenAiTestServer({ flavor: 'llama-server', apiKey: 'k' });
  before(async () => {
    await server.start();
    await shared.start();
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      // net.connect() passes its normalized arguments as one array.
      const first = Array.isArray(args[0]) ? args[0][0] : args[0];
      const options = (typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }) as { host?: string; port?: number; path?: string };
      connections.push(options.path ?? `${options.host ?? 'localhost'}:${options.port}`);
      return (original as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof net.Socket.prototype.connect;
  });
  after(async () => {
    net.Socket.prototype.connect = original;
    await server.stop();
    await shared.stop();
  });

  it('chat, explain context, model listing, show, preload and pull connect nowhere else', async () => {
    const client = new OllamaClient({ host: server.url });
    const settings = { provider: 'ollama' as const, host: server.url, model: 'phi4', contextWindow: 0, maxAnswerTokens: 512, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto' as const };
    const session = new ChatSession({ client: () => client, settings: () => settings, resolver: new ModelResolver(), store: new ConversationStore({ dir: dir() }), log: silentLogger });
    // Model output full of links and image URLs must not make anything fetch them.
    server.enqueue({ answer: 'See https://evil.example/x and ![i](https://evil.example/i.png) <img src="http://tracker.example/p">' });
    const text = 'const url = "https://api.example.com/v1"; // calls home?\n';
    await session.send({ text: 'explain', context: gatherContext({ text, languageId: 'typescript', relativePath: 'a.ts', selectionStart: 0, selectionEnd: text.length, diagnostics: [] }) });
    await client.listModels();
    await client.showModel('phi4');
    await client.preload('phi4', 16384, '30m');
    await client.version();
    server.models = [];
    await client.pull('phi4', () => undefined);
    assert.ok(connections.length > 0, 'the guard saw the connections');
    assert.deepEqual([...new Set(connections)], [`127.0.0.1:${server.port}`]);
  });

  it('with an OpenAI-compatible server: chat, model listing and the context lookup connect only to its base URL', async () => {
    connections.length = 0;
    const client = new OpenAiClient({ host: shared.baseUrl, apiKey: async () => 'k' });
    const settings = { provider: 'openai-compatible' as const, host: shared.baseUrl, model: '', contextWindow: 0, maxAnswerTokens: 512, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto' as const };
    const session = new ChatSession({ client: () => client, settings: () => settings, resolver: new ModelResolver(), store: new ConversationStore({ dir: dir() }), log: silentLogger });
    shared.enqueue({ answer: 'See https://evil.example/x and ![i](https://evil.example/i.png)' });
    const text = 'fetch("https://api.example.com/v1")\n';
    await session.send({ text: 'explain', context: gatherContext({ text, languageId: 'typescript', relativePath: 'a.ts', selectionStart: 0, selectionEnd: text.length, diagnostics: [] }) });
    await client.listModels();
    await client.showModel(shared.models[0]);
    assert.equal(shared.completions().length, 1, 'the answer came from the shared server');
    assert.ok(shared.requests.some((r) => r.path === '/props'), 'the context came from llama-server /props');
    assert.deepEqual([...new Set(connections)], [`127.0.0.1:${shared.port}`]);
  });
});
