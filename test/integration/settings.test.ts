// Inside a real VS Code: values a repository's .vscode/settings.json can hold do not break the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readSettings } from '../../src/host/settings';
import { testServer, waitFor } from './testServerControl';

const HOSTILE: Record<string, unknown> = { loadTimeoutSeconds: 99999999, maxAnswerTokens: 100000000, contextWindow: 999999999, temperature: 50, model: 5 };

describe('settings from a workspace', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('phi4');
  beforeEach(() => testServer.reset());
  afterEach(async () => {
    for (const key of Object.keys(HOSTILE)) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('out-of-range values are clamped, each with a log line, and a request still gets its answer', async () => {
    for (const [key, value] of Object.entries(HOSTILE)) await config().update(key, value, vscode.ConfigurationTarget.Workspace);
    const warnings: string[] = [];
    const settings = readSettings({ warn: (m) => warnings.push(m) });
    assert.equal(settings.loadTimeoutMs, 3_600_000);
    assert.equal(settings.maxAnswerTokens, 8192);
    assert.equal(settings.contextWindow, 131072);
    assert.equal(settings.temperature, 2);
    assert.equal(settings.model, 'phi4', 'a number where a name belongs is ignored, not a crash');
    for (const key of ['loadTimeoutSeconds', 'maxAnswerTokens', 'contextWindow', 'temperature']) {
      assert.ok(warnings.some((w) => w.startsWith(`phi4.${key} is `)), `${key} clamp logged: ${warnings.join(' | ')}`);
    }

    // Before clamping, the timeout overflowed Node's timer (the request was aborted at once) and the answer
    // reserve exceeded every window (nothing was sent at all).
    const [folder] = vscode.workspace.workspaceFolders ?? [];
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'src', 'math.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(5, 0, 9, 0);
    await testServer.enqueue({ answer: 'It averages the values.', headersDelayMs: 300 });
    await vscode.commands.executeCommand('phi4.explainSelection');
    const request = await waitFor('a finished answer', async () => (await testServer.answerRequests()).find((r) => r.finished));
    assert.equal(request.closedByClient, false);
    const options = request.body?.options as { num_ctx: number; num_predict: number };
    assert.deepEqual([options.num_ctx, options.num_predict], [16384, 8192]);
  });

  it('no workspace can set how many conversations are kept (it would delete the history of every workspace)', async () => {
    await assert.rejects(Promise.resolve(config().update('maxConversations', 1, vscode.ConfigurationTarget.Workspace)));
    assert.equal(config().inspect('maxConversations')?.workspaceValue, undefined);
    assert.equal(readSettings().maxConversations, 50);
  });

  it('the OpenAI-compatible provider with no base URL is an error that says what to set, and nothing is contacted', async () => {
    await config().update('provider', 'openai-compatible', vscode.ConfigurationTarget.Global);
    try {
      const settings = readSettings();
      assert.equal(settings.provider, 'openai-compatible');
      assert.match(settings.hostError ?? '', /phi4\.openaiCompatible\.baseUrl is empty.*http:\/\/gpu-box:8000\/v1/);
      await config().update('openaiCompatible.baseUrl', 'http://127.0.0.1:9/v1/', vscode.ConfigurationTarget.Global);
      const set = readSettings();
      assert.equal(set.hostError, undefined);
      assert.equal(set.host, 'http://127.0.0.1:9/v1');
      assert.equal(set.model, '', 'phi4.model unset means the server\'s only model, not Ollama\'s default name');
    } finally {
      await config().update('provider', undefined, vscode.ConfigurationTarget.Global);
      await config().update('openaiCompatible.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
