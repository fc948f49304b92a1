// A repository's .vscode/settings.json must not be able to send code elsewhere, hold memory, stretch
// time limits or delete history: those settings are user-only or need a trusted workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;
const restricted = new Set(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []);
/** Scopes no workspace settings file can set. */
const USER_ONLY = new Set(['application', 'machine']);

describe('setting scopes', () => {
  it('settings that pick the host, the model, memory or time limits are ignored in untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const key of ['provider', 'openaiCompatible.baseUrl', 'ollamaHost', 'model', 'promptFormat', 'contextWindow', 'maxAnswerTokens', 'keepAlive', 'loadTimeoutSeconds', 'stallTimeoutSeconds', 'context.timeoutMs']) {
      const name = `phi4.${key}`;
      assert.ok(restricted.has(name) || USER_ONLY.has(properties[name]?.scope ?? ''), `${name} can be set by an untrusted workspace`);
    }
  });

  it('the size of the shared chat history is a user setting that no workspace can lower', () => {
    assert.equal(properties['phi4.maxConversations'].scope, 'application');
  });

  it('every restricted setting exists (a typo would silently restrict nothing)', () => {
    for (const name of restricted) assert.ok(properties[name], `${name} is declared`);
  });
});
