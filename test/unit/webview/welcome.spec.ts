// The empty chat's welcome (jsdom): it says truthfully where prompts go, and shows the keys package.json
// really binds, on each platform.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import type { PromptDestination, WelcomeInfo } from '../../../src/protocol/messages';
import { WELCOME_COMMANDS, shownKey, welcomeKeys } from '../../../src/protocol/welcomeKeys';
import { welcomeElement } from '../../../src/webview/welcome';

interface Binding {
  readonly command: string;
  readonly key: string;
  readonly mac?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as { contributes: { keybindings: Binding[] } };
const bindings = manifest.contributes.keybindings;
const LOCAL: PromptDestination = { provider: 'ollama', host: 'http://127.0.0.1:11434', local: true };

function info(destination: PromptDestination): WelcomeInfo {
  return { destination, keys: welcomeKeys(bindings) };
}

/** The welcome's text about where prompts go. */
function whereText(destination: PromptDestination): string {
  return welcomeElement(false, info(destination)).querySelector('.welcome-where')?.textContent ?? '';
}

describe('welcome', () => {
  const dom = new JSDOM('<!DOCTYPE html><body></body>');
  const g = globalThis as { document?: Document };
  before(() => (g.document = dom.window.document));
  after(() => delete g.document);

  it('says nothing leaves the machine only when the model server is on it', () => {
    assert.match(whereText(LOCAL), /nothing leaves it/);
    assert.match(whereText({ provider: 'openai-compatible', host: 'http://localhost:8080/v1', local: true }), /server at http:\/\/localhost:8080\/v1 on this machine/);
  });

  it('says prompts and code go to a remote Ollama or a shared server, naming it', () => {
    const ollama = whereText({ provider: 'ollama', host: 'http://gpu-box:11434', local: false });
    assert.match(ollama, /Prompts and code go to Ollama at http:\/\/gpu-box:11434/);
    assert.doesNotMatch(ollama, /nothing leaves/);
    const shared = whereText({ provider: 'openai-compatible', host: 'http://gpu-box:8000/v1', local: false });
    assert.match(shared, /Prompts and code go to the server at http:\/\/gpu-box:8000\/v1/);
    assert.doesNotMatch(shared, /nothing leaves/);
  });

  it('with a shared server whose URL is not set yet, says so instead of claiming anything stays local', () => {
    const text = whereText({ provider: 'openai-compatible', host: '', local: false });
    assert.match(text, /phi4\.openaiCompatible\.baseUrl, which is not set yet/);
    assert.doesNotMatch(text, /nothing leaves/);
  });

  it('shows, per platform, the keys contributes.keybindings declares for Explain, Fix, Edit and Ask', () => {
    for (const mac of [false, true]) {
      const items = Array.from(welcomeElement(mac, info(LOCAL)).querySelectorAll('.welcome-list li kbd')).map((k) => (k.textContent ?? '').toLowerCase());
      const declared = Object.values(WELCOME_COMMANDS).map((command) => {
        const binding = bindings.find((b) => b.command === command);
        assert.ok(binding, `${command} has a key binding in package.json`);
        return mac ? binding.mac ?? binding.key : binding.key;
      });
      assert.deepEqual(items.slice(0, 4), declared, mac ? 'macOS keys' : 'Windows/Linux keys');
    }
  });

  it('shows a command without a binding without a key, and writes keys as people read them', () => {
    const keys = welcomeKeys([{ command: 'phi4.fixSelection', key: 'ctrl+k ctrl+x' }, { command: 'phi4.explainSelection', key: 42 }]);
    assert.deepEqual(keys, { fix: { key: 'Ctrl+K Ctrl+X', mac: 'Ctrl+K Ctrl+X' } });
    assert.equal(shownKey('shift+alt+e'), 'Shift+Alt+E');
    assert.deepEqual(welcomeKeys('not a list'), {});
    const items = Array.from(welcomeElement(false, { destination: LOCAL, keys }).querySelectorAll('.welcome-list li')).map((li) => li.textContent);
    assert.deepEqual(items.slice(0, 4), ['Explain it', 'Fix it, previewed inline — Ctrl+K Ctrl+X', 'Edit it with an instruction', 'Ask about it here']);
  });
});
