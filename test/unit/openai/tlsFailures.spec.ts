// A shared server behind https fails in ways a user can act on only if the message says which: a self-signed
// certificate, a server that speaks plain http, a certificate for another name or one that expired. The first
// two happen for real here (a loopback https server with test/fixtures/tls, a test-only self-signed localhost
// certificate, and a plain http server); the others as Node's fetch reports them, a TypeError whose cause
// carries the TLS error code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type * as net from 'node:net';
import * as path from 'node:path';
import type { AnswerRequest } from '../../../src/ollama/OllamaClient';
import { OllamaError } from '../../../src/ollama/OllamaError';
import { OpenAiClient } from '../../../src/openai/OpenAiClient';
import { mapServerError } from '../../../src/openai/mapServerError';

const TLS = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'tls');
const request: AnswerRequest = { model: 'x', format: 'phi4', messages: [{ role: 'user', content: 'hi' }], numCtx: 16384, numPredict: 64, temperature: 0.2, keepAlive: '30m' };

async function listening(server: http.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as net.AddressInfo).port;
}

async function failureOf(host: string): Promise<OllamaError> {
  try {
    for await (const event of new OpenAiClient({ host }).streamAnswer(request)) assert.fail(`no answer expected, got ${event.kind}`);
  } catch (error) {
    assert.ok(error instanceof OllamaError, String(error));
    return error;
  }
  assert.fail('the request should have failed');
}

/** What Node's fetch throws when the TLS handshake fails with `code`. */
function fetchFailed(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`TLS failure ${code}`), { code }) });
}

describe('OpenAiClient: TLS failures say what is wrong with the connection', () => {
  const served: http.Server[] = [];
  afterEach(async () => {
    for (const server of served.splice(0)) await new Promise((r) => server.close(r));
  });

  it('a self-signed certificate is named as such, with the base URL to check', async () => {
    const server = https.createServer({ key: fs.readFileSync(path.join(TLS, 'localhost-self-signed.key.pem')), cert: fs.readFileSync(path.join(TLS, 'localhost-self-signed.cert.pem')) }, (_req, res) => res.end('{}'));
    served.push(server);
    const host = `https://localhost:${await listening(server)}/v1`;
    const error = await failureOf(host);
    assert.equal(error.kind, 'unreachable');
    assert.equal(error.message, `Cannot reach the server at ${host}: its TLS certificate is self-signed. Check that it runs and phi4.openaiCompatible.baseUrl.`);
    assert.deepEqual(error.actions, ['retry', 'openSettings']);
    assert.match(error.detail ?? '', /^DEPTH_ZERO_SELF_SIGNED_CERT: /);
  });

  it('https to a server that speaks plain http says the server does not speak https', async () => {
    const server = http.createServer((_req, res) => res.end('{}'));
    served.push(server);
    const host = `https://127.0.0.1:${await listening(server)}/v1`;
    const error = await failureOf(host);
    assert.equal(error.kind, 'unreachable');
    assert.equal(error.message, `Cannot reach the server at ${host}: the server does not speak https. Check that it runs and phi4.openaiCompatible.baseUrl.`);
  });

  const reasons: [string, string][] = [
    ['SELF_SIGNED_CERT_IN_CHAIN', 'its TLS certificate chain has a self-signed certificate'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'its TLS certificate cannot be verified'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'the issuer of its TLS certificate is unknown'],
    ['CERT_HAS_EXPIRED', 'its TLS certificate has expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'its TLS certificate is for another host name'],
  ];
  for (const [code, reason] of reasons) {
    it(`${code}: "${reason}"`, () => {
      const error = mapServerError(fetchFailed(code), { host: 'https://gpu-box:8000/v1' });
      assert.equal(error.kind, 'unreachable');
      assert.equal(error.message, `Cannot reach the server at https://gpu-box:8000/v1: ${reason}. Check that it runs and phi4.openaiCompatible.baseUrl.`);
    });
  }

  it('a TLS failure while an answer streams is a lost connection that keeps the reason', () => {
    const error = mapServerError(fetchFailed('CERT_HAS_EXPIRED'), { host: 'https://gpu-box:8000/v1', streaming: true });
    assert.equal(error.kind, 'connectionLost');
    assert.equal(error.message, 'The connection to the server at https://gpu-box:8000/v1 was lost while answering (its TLS certificate has expired).');
  });
});
