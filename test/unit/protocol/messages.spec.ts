import * as assert from 'node:assert/strict';
import { isWebviewToHost, MAX_QUESTION_CHARS, rejectionNotice } from '../../../src/protocol/messages';

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
      { type: 'send', text: 'better wording', replaces: 't1' },
      { type: 'regenerate', turnId: 't2' },
      { type: 'slashCommand', name: 'edit', argument: 'use early returns' },
      { type: 'openContext', path: 'src/lib/a.ts', startLine: 3, endLine: 9 },
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
      { type: 'send', text: 'hi', replaces: 7 },
      { type: 'regenerate' },
      { type: 'regenerate', turnId: 'x'.repeat(500) },
      { type: 'slashCommand', name: 'runCommand', argument: '' },
      { type: 'slashCommand', name: 'new' },
      { type: 'openContext', path: '', startLine: 0, endLine: 0 },
      { type: 'openContext', path: 'a.ts', startLine: -1, endLine: 2 },
      { type: 'openContext', path: 'a.ts', startLine: 1.5, endLine: 2 },
    ]) assert.equal(isWebviewToHost(m), false, JSON.stringify(m)?.slice(0, 80));
  });

  it('refuses a message too long to answer before anything is stored, with a notice saying so; the limit itself passes', () => {
    const atLimit = { type: 'send', text: 'x'.repeat(MAX_QUESTION_CHARS) };
    assert.ok(isWebviewToHost(atLimit));
    assert.equal(rejectionNotice(atLimit), undefined);
    const over = { type: 'send', text: 'x'.repeat(MAX_QUESTION_CHARS + 1) };
    assert.equal(isWebviewToHost(over), false);
    assert.match(rejectionNotice(over) ?? '', /^Your message is too long: 100,001 characters, at most 100,000\./);
  });

  it('has no notice for messages only a bug or an attacker sends', () => {
    for (const m of [null, { type: 'exec' }, { type: 'send', text: 42 }, { type: 'action', action: 'runCommand' }]) assert.equal(rejectionNotice(m), undefined);
  });
});
