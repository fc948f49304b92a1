// Lets suites inside the extension host script the Ollama-API test server over its /__test API.
import * as vscode from 'vscode';
import { isAnswerRequest, type Behaviour, type RecordedRequest } from '../support/ollamaTestServer';

let url: string | undefined;

/** The test server's URL, as the runner wrote it into the user settings (read once: tests may change the setting). */
export function testServerUrl(): string {
  url ??= vscode.workspace.getConfiguration('phi4').get<string>('ollamaHost', '');
  return url;
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${testServerUrl()}${path}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  return (await res.json()) as T;
}

export const testServer = {
  reset: () => call('/__test/reset', {}),
  enqueue: (...behaviours: Behaviour[]) => call('/__test/enqueue', { behaviours }),
  requests: async (): Promise<RecordedRequest[]> => (await call<{ requests: RecordedRequest[] }>('/__test/requests')).requests,
  answerRequests: async (): Promise<RecordedRequest[]> => (await testServer.requests()).filter(isAnswerRequest),
};

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The first generate/chat request the server received, once it arrived. */
export async function firstAnswerRequest(): Promise<RecordedRequest> {
  const [request] = await waitFor('an answer request', async () => {
    const r = await testServer.answerRequests();
    return r.length > 0 ? r : undefined;
  });
  return request;
}
