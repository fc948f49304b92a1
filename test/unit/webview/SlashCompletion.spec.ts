// The slash-command list in the chat input, driven by the keys a user presses (jsdom).
import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import type { SlashCommand } from '../../../src/protocol/slashCommands';
import { SlashCompletion } from '../../../src/webview/SlashCompletion';

describe('SlashCompletion', () => {
  const dom = new JSDOM('<!DOCTYPE html><body><ul id="slash-list" hidden></ul><textarea id="prompt"></textarea></body>');
  const { document } = dom.window;
  const g = globalThis as { document?: Document };
  let input: HTMLTextAreaElement;
  let list: HTMLUListElement;
  let chosen: { name: string; submit: boolean }[];
  let completion: SlashCompletion;

  before(() => (g.document = document));
  after(() => delete g.document);
  beforeEach(() => {
    input = document.getElementById('prompt') as HTMLTextAreaElement;
    list = document.getElementById('slash-list') as HTMLUListElement;
    chosen = [];
    completion = new SlashCompletion(input, list, (c: SlashCommand, submit) => chosen.push({ name: c.name, submit }));
  });

  const type = (text: string): void => {
    input.value = text;
    completion.update();
  };
  /** Presses a key; returns whether the list took it (so the input's own handling, e.g. Escape = Stop, is skipped). */
  const press = (key: string): boolean => completion.handleKey(new dom.window.KeyboardEvent('keydown', { key, cancelable: true }) as unknown as KeyboardEvent);
  const options = (): string[] => Array.from(list.querySelectorAll('[role="option"] .slash-name')).map((o) => o.textContent ?? '');

  it('opens on "/" as a listbox the input points into, and Up/Down move through it with wrap-around', () => {
    type('/');
    assert.equal(list.hidden, false);
    assert.equal(list.getAttribute('role'), 'listbox');
    assert.deepEqual(options(), ['/explain', '/fix', '/edit <instruction>', '/tests', '/doc', '/new', '/export']);
    assert.equal(input.getAttribute('aria-activedescendant'), 'slash-option-explain');
    assert.ok(press('ArrowDown'));
    assert.equal(input.getAttribute('aria-activedescendant'), 'slash-option-fix');
    assert.equal(list.querySelector('[aria-selected="true"]')?.id, 'slash-option-fix');
    press('ArrowUp');
    press('ArrowUp');
    assert.equal(input.getAttribute('aria-activedescendant'), 'slash-option-export');
  });

  it('Escape closes only the list, and a closed list leaves Escape to the input (Stop)', () => {
    type('/');
    assert.ok(press('Escape'), 'the list took Escape');
    assert.equal(list.hidden, true);
    assert.equal(input.hasAttribute('aria-activedescendant'), false);
    assert.equal(press('Escape'), false, 'with the list closed, Escape is the input’s again');
    completion.update();
    assert.equal(list.hidden, true, 'stays closed for the same text');
    type('/e');
    assert.deepEqual(options(), ['/explain', '/edit <instruction>', '/export']);
  });

  it('Enter runs a command that needs nothing more; Tab and Enter only complete one that takes an argument', () => {
    type('/ne');
    assert.ok(press('Enter'));
    assert.deepEqual(chosen, [{ name: 'new', submit: true }]);
    assert.equal(input.value, '/new');
    type('/ed');
    press('Tab');
    assert.equal(input.value, '/edit ');
    assert.equal(list.hidden, true);
    type('/ed');
    press('Enter');
    assert.deepEqual(chosen.slice(1), [{ name: 'edit', submit: false }, { name: 'edit', submit: false }]);
  });

  it('no list for ordinary text or once the command has an argument; keys pass through', () => {
    for (const text of ['hello', '/edit use const', '/zzz']) {
      type(text);
      assert.equal(list.hidden, true, text);
      assert.equal(press('Enter'), false);
    }
  });
});
