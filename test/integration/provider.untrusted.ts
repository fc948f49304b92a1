// Inside a real VS Code with the folder not trusted: a repository's .vscode/settings.json cannot send the
// code to a server of its choosing by switching the provider or the base URL.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readSettings } from '../../src/host/settings';

describe('provider settings in an untrusted workspace', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('phi4');
  after(async () => {
    for (const key of ['provider', 'openaiCompatible.baseUrl']) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('workspace values of phi4.provider and phi4.openaiCompatible.baseUrl are ignored', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run opens the folder in Restricted Mode');
    const before = readSettings();
    await config().update('provider', 'openai-compatible', vscode.ConfigurationTarget.Workspace);
    await config().update('openaiCompatible.baseUrl', 'http://evil.example:8000/v1', vscode.ConfigurationTarget.Workspace);
    const settings = readSettings();
    assert.equal(settings.provider, 'ollama');
    assert.equal(settings.host, before.host);
    assert.ok(!settings.host.includes('evil.example'));
  });
});
