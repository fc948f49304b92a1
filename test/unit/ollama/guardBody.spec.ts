// The body guard lets go of the server's stream when the request is aborted: ollama-js stops reading after
// the done line and aborts, and a source left locked keeps the whole request (its prompt) in memory.
import * as assert from 'node:assert/strict';
import { guardBody, MAX_LINE_BYTES } from '../../../src/ollama/guardBody';

describe('guardBody', () => {
  it('cancels the source when the request is aborted while nobody reads, so the request can be freed', async () => {
    let cancelled: unknown = 'not cancelled';
    const source = new ReadableStream<Uint8Array>({
      pull: () => new Promise(() => undefined), // a server that has nothing more to say for now
      cancel: (reason) => void (cancelled = reason),
    });
    const request = new AbortController();
    const guarded = guardBody(source, { maxLineBytes: MAX_LINE_BYTES, onStarted: () => undefined, onFault: () => undefined, signal: request.signal });
    const reader = guarded.getReader();
    request.abort(new Error('done reading'));
    await new Promise((r) => setTimeout(r, 10));
    assert.equal((cancelled as Error)?.message, 'done reading');
    await assert.rejects(reader.read(), /done reading/);
  });

  it('passes the body through untouched when nothing aborts', async () => {
    const bytes = new TextEncoder().encode('{"response":"hi","done":true}\n');
    const source = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes);
        c.close();
      },
    });
    const guarded = guardBody(source, { maxLineBytes: MAX_LINE_BYTES, onStarted: () => undefined, onFault: () => undefined, signal: new AbortController().signal });
    assert.equal(await new Response(guarded).text(), '{"response":"hi","done":true}\n');
  });
});
