// How the chat input reads a typed line as a slash command, and what the completion list offers.
import * as assert from 'node:assert/strict';
import { matchingCommands, parseSlashCommand, SLASH_COMMANDS, unknownCommandHint } from '../../../src/protocol/slashCommands';

describe('slash commands', () => {
  it('reads a command and its argument, whatever the case and spacing', () => {
    assert.deepEqual(parseSlashCommand('/edit  use early returns\nand const '), { kind: 'known', name: 'edit', argument: 'use early returns\nand const' });
    assert.deepEqual(parseSlashCommand('/NEW'), { kind: 'known', name: 'new', argument: '' });
    assert.deepEqual(parseSlashCommand('  /explain  '), { kind: 'known', name: 'explain', argument: '' });
  });

  it('an unknown command is recognised as one, so it is not sent to the model', () => {
    assert.deepEqual(parseSlashCommand('/frobnicate now'), { kind: 'unknown', name: 'frobnicate' });
    assert.match(unknownCommandHint('frobnicate'), /^\/frobnicate is not a command\. Commands: \/explain, \/fix, \/edit, \/tests, \/doc, \/new, \/export\./);
  });

  it('a question that merely starts with a slash (a path) is a question', () => {
    for (const text of ['/etc/hosts is empty, why?', '/', '/ what', 'explain /fix', '//new']) assert.equal(parseSlashCommand(text), undefined, text);
  });

  it('the completion list narrows by prefix and closes once the name is followed by a space', () => {
    assert.equal(matchingCommands('/').length, SLASH_COMMANDS.length);
    assert.deepEqual(matchingCommands('/e').map((c) => c.name), ['explain', 'edit', 'export']);
    assert.deepEqual(matchingCommands('/EX').map((c) => c.name), ['explain', 'export']);
    assert.deepEqual(matchingCommands('/edit '), []);
    assert.deepEqual(matchingCommands('/zzz'), []);
    assert.deepEqual(matchingCommands('hello /'), []);
  });
});
