import * as assert from 'node:assert/strict';
import { InvalidBaseUrlError, normalizeBaseUrl, serverRoot } from '../../../src/openai/normalizeBaseUrl';

describe('normalizeBaseUrl (phi4.openaiCompatible.baseUrl)', () => {
  it('keeps the API path and drops a trailing slash', () => {
    assert.equal(normalizeBaseUrl(' http://gpu-box:8000/v1/ '), 'http://gpu-box:8000/v1');
    assert.equal(normalizeBaseUrl('https://llm.example.com/team/v1'), 'https://llm.example.com/team/v1');
  });

  it('an empty value is an error that says what to set', () => {
    assert.throws(() => normalizeBaseUrl(''), (e: unknown) => e instanceof InvalidBaseUrlError && /is empty.*such as http:\/\/gpu-box:8000\/v1/.test(e.message));
  });

  it('refuses a key written into the URL, so it cannot reach logs or messages', () => {
    assert.throws(() => normalizeBaseUrl('http://user:sk-123@gpu-box:8000/v1'), (e: unknown) => e instanceof Error && /Set API Key/.test(e.message) && !e.message.includes('sk-123'));
  });

  it('refuses other schemes and text that is not a URL', () => {
    assert.throws(() => normalizeBaseUrl('ftp://gpu-box/v1'), /http or https/);
    assert.throws(() => normalizeBaseUrl('gpu-box:8000'), InvalidBaseUrlError);
    assert.throws(() => normalizeBaseUrl('not a url'), /is not a URL/);
  });

  it("finds llama-server's root for /props", () => {
    assert.equal(serverRoot('http://gpu-box:8080/v1'), 'http://gpu-box:8080');
  });
});
