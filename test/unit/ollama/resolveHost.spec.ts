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

  // "This machine" is the name localhost or a loopback IP literal, judged on what the URL parser makes of the host.
  const HOSTS: [string, boolean][] = [
    ['http://127.0.0.1:11434', true],
    ['http://127.255.10.3:11434', true],
    ['http://127.1:11434', true], // short form, parsed as 127.0.0.1
    ['http://2130706433:11434', true], // decimal 127.0.0.1
    ['http://0x7f.1:11434', true], // hex 127.0.0.1
    ['http://0x7f000001:11434', true],
    ['http://017700000001:11434', true], // octal
    ['http://localhost:11434', true],
    ['http://LOCALHOST:11434', true],
    ['http://localhost.:11434', true],
    ['http://[::1]:11434', true],
    ['http://[0:0:0:0:0:0:0:1]:11434', true],
    ['http://[::ffff:127.0.0.1]:11434', true], // IPv4-mapped; URL writes it [::ffff:7f00:1]
    ['http://[::ffff:7f00:1]:11434', true],
    ['http://[0:0:0:0:0:ffff:7f01:203]:11434', true], // ::ffff:127.1.2.3
    ['http://127.evil.example:11434', false],
    ['http://127.0.0.1.nip.io:11434', false],
    ['http://localhost.evil.example:11434', false],
    ['http://sub.localhost:11434', false],
    ['http://localhost..:11434', false],
    ['http://0.0.0.0:11434', false], // a bind address, not a destination
    ['http://[::]:11434', false],
    ['http://[::ffff:10.0.0.1]:11434', false],
    ['http://[::ffff:0:7f00:1]:11434', false], // not the IPv4-mapped prefix
    ['http://[::7f00:1]:11434', false], // deprecated IPv4-compatible form is not loopback
    ['http://[::2]:11434', false],
    ['http://128.0.0.1:11434', false],
    ['http://192.168.1.5:11434', false],
    ['http://10.0.0.1:11434', false],
    ['https://ollama.example.com:443', false],
    ['not a url', false],
  ];
  for (const [host, loopback] of HOSTS) {
    it(`${host} is ${loopback ? 'this machine' : 'remote'}`, () => {
      assert.equal(isLoopbackHost(host), loopback);
    });
  }

  it('OLLAMA_HOST=0.0.0.0 (a bind address) still means this machine once resolved', () => {
    assert.equal(isLoopbackHost(resolveHost(undefined, { OLLAMA_HOST: '0.0.0.0' })), true);
    assert.equal(isLoopbackHost(resolveHost(undefined, { OLLAMA_HOST: '::' })), true);
  });
});
