import * as assert from 'node:assert/strict';
import { DEFAULT_OLLAMA_HOST, InvalidHostError, isLoopbackHost, normalizeHost, resolveHost } from '../../../src/ollama/resolveHost';

describe('resolveHost', () => {
  it('prefers the setting, then OLLAMA_HOST, then loopback', () => {
    assert.equal(resolveHost('http://gpu-box:11434', { OLLAMA_HOST: '10.0.0.1' }), 'http://gpu-box:11434');
    assert.equal(resolveHost(undefined, { OLLAMA_HOST: '10.0.0.1' }), 'http://10.0.0.1:11434');
    assert.equal(resolveHost('', {}), DEFAULT_OLLAMA_HOST);
  });

  it('maps bind addresses to loopback and adds scheme and port as Ollama does', () => {
    assert.equal(normalizeHost('0.0.0.0'), 'http://127.0.0.1:11434');
    assert.equal(normalizeHost('0.0.0.0:8080'), 'http://127.0.0.1:8080');
    assert.equal(normalizeHost('::'), 'http://[::1]:11434');
    assert.equal(normalizeHost('[::]:11434'), 'http://[::1]:11434');
    assert.equal(normalizeHost(':1234'), 'http://127.0.0.1:1234');
    assert.equal(normalizeHost('https://ollama.example.com'), 'https://ollama.example.com:443');
    assert.equal(normalizeHost('http://localhost/'), 'http://localhost:80');
  });

  it('rejects garbage with a message naming the value', () => {
    for (const bad of ['ftp://x', 'http://', '   ', 'http://exa mple']) {
      assert.throws(() => normalizeHost(bad), (e: unknown) => e instanceof InvalidHostError && e.message.includes(bad));
    }
  });

  it('tells loopback from remote hosts', () => {
    assert.equal(isLoopbackHost('http://127.0.0.1:11434'), true);
    assert.equal(isLoopbackHost('http://localhost:11434'), true);
    assert.equal(isLoopbackHost('http://[::1]:11434'), true);
    assert.equal(isLoopbackHost('http://192.168.1.5:11434'), false);
  });
});
