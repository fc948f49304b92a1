// Reads a /v1/completions server-sent-event stream with eventsource-parser: yields each `data:` JSON object,
// ends at `data: [DONE]`, and fails on an event that is not JSON or a stream that ends without [DONE].
import * as l10n from '@vscode/l10n';
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface CompletionChunk {
  readonly choices?: readonly { readonly text?: string; readonly finish_reason?: string | null }[];
  readonly usage?: {
    readonly prompt_tokens?: number;
    readonly completion_tokens?: number;
    readonly prompt_tokens_details?: { readonly cached_tokens?: number } | null;
  } | null;
  /** llama-server's own figures on the last chunk. */
  readonly timings?: { readonly cache_n?: number; readonly prompt_ms?: number; readonly predicted_per_second?: number };
  readonly model?: string;
  /** vLLM sends `data: {"error": …}` when generation fails after the 200 was sent. */
  readonly error?: unknown;
}

export class MalformedStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedStreamError';
  }
}

/** Parses events as the bytes arrive; a multi-byte character split across reads is decoded whole. */
export async function* readCompletionEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<CompletionChunk, void, undefined> {
  const pending: EventSourceMessage[] = [];
  let parseError: string | undefined;
  const parser = createParser({ onEvent: (e) => pending.push(e), onError: (e) => (parseError ??= e.message) });
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      if (done) parser.reset({ consume: true });
      if (parseError) throw new MalformedStreamError(l10n.t('the event stream could not be parsed ({0})', parseError));
      for (const event of pending.splice(0)) {
        if (event.data === '[DONE]') return;
        yield parseChunk(event.data);
      }
      if (done) throw new MalformedStreamError(l10n.t('the server closed the stream before it finished ([DONE] never came)'));
    }
  } finally {
    // Closing here (also after [DONE], or when the consumer stops early) ends the connection, which makes the server stop generating.
    reader.cancel().catch(() => undefined);
  }
}

function parseChunk(data: string): CompletionChunk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new MalformedStreamError(l10n.t('the server sent an event that is not JSON: {0}', data.slice(0, 80)));
  }
  if (!parsed || typeof parsed !== 'object') throw new MalformedStreamError(l10n.t('the server sent an event that is not an object: {0}', data.slice(0, 80)));
  return parsed as CompletionChunk;
}
