// Inside a real VS Code with the folder not trusted: a repository's .vscode/settings.json cannot stretch the
// waits every request goes through (the language-server wait before sending, the load and stall timeouts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readSettings } from '../../src/host/settings';

const LIMITS = { 'context.timeoutMs': 2000, loadTimeoutSeconds: 3600, stallTimeoutSeconds: 3600 } as const;

describe('time limits in an untrusted workspace', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('phi4');
  after(async () => {
    for (const key of Object.keys(LIMITS)) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('workspace values of phi4.context.timeoutMs and the load and stall timeouts are ignored', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run opens the folder in Restricted Mode');
    const before = readSettings();
    for (const [key, value] of Object.entries(LIMITS)) await config().update(key, value, vscode.ConfigurationTarget.Workspace);
    const settings = readSettings();
    assert.equal(settings.contextTimeoutMs, before.contextTimeoutMs);
    assert.equal(settings.loadTimeoutMs, before.loadTimeoutMs);
    assert.equal(settings.stallTimeoutMs, before.stallTimeoutMs);
    assert.notEqual(settings.contextTimeoutMs, LIMITS['context.timeoutMs']);
  });
});
