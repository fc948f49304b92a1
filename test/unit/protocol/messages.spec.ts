import * as assert from 'node:assert/strict';
import { isWebviewToHost } from '../../../src/protocol/messages';

describe('webview → host message validation', () => {
  it('accepts every well-formed message', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'send', text: 'hi' },
      { type: 'stop' },
      { type: 'insertCode', code: 'x', mode: 'replace' },
      { type: 'action', action: 'pullModel' },
      { type: 'openLink', href: 'https://example.com' },
      { type: 'selectModel', model: 'phi4:latest' },
    ]) assert.ok(isWebviewToHost(m), JSON.stringify(m));
  });

  it('drops anything else: unknown types, wrong field types, unknown actions, empty or oversized values', () => {
    for (const m of [
      null,
      'ready',
      { type: 'exec', command: 'rm -rf /' },
      { type: 'send', text: 42 },
      { type: 'insertCode', code: 'x', mode: 'overwrite-file' },
      { type: 'action', action: 'runCommand' },
      { type: 'selectModel', model: '' },
      { type: 'switchConversation', id: 'x'.repeat(500) },
      { type: 'send', text: 'x'.repeat(1_000_001) },
    ]) assert.equal(isWebviewToHost(m), false, JSON.stringify(m)?.slice(0, 80));
  });
});
