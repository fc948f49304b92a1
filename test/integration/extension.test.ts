// Inside a real VS Code: activation, the contributed commands and settings, and Explain end to end.
import * as assert from 'node:assert/strict';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import * as vscode from 'vscode';
import { readSettings, SETTING_KEYS } from '../../src/host/settings';
import { firstAnswerRequest, testServer, testServerUrl, waitFor } from './testServerControl';

const EXTENSION_ID = 'phi4-local.phi4-local';

interface Manifest {
  contributes: { commands: { command: string; category: string }[]; configuration: { properties: Record<string, { default?: unknown; markdownDescription?: string }> } };
  activationEvents: string[];
  extensionKind: string[];
}

describe('extension in VS Code', () => {
  let manifest: Manifest;
  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    manifest = ext.packageJSON as Manifest;
    await ext.activate();
  });
  beforeEach(() => testServer.reset());

  it('activates lazily and runs as a UI-or-workspace extension', () => {
    assert.ok(!manifest.activationEvents.includes('*'), 'never eager "*" activation');
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished'], 'after startup, so the lightbulb and status bar are there without delaying VS Code');
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('registers every contributed command, each in the Phi-4 category', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of manifest.contributes.commands) {
      assert.ok(registered.has(c.command), `${c.command} is registered`);
      assert.equal(c.category, 'Phi-4');
    }
  });

  it('every setting the code reads is declared with a default and a description', () => {
    const props = manifest.contributes.configuration.properties;
    for (const key of SETTING_KEYS) {
      const prop = props[`phi4.${key}`];
      assert.ok(prop, `phi4.${key} is declared`);
      assert.ok(prop.default !== undefined, `phi4.${key} has a default`);
      assert.ok(prop.markdownDescription, `phi4.${key} has a description`);
    }
    assert.equal(Object.keys(props).length, SETTING_KEYS.length, 'no declared setting is unused');
  });

  it('Explain Selection sends the selection, its path and diagnostics as raw Phi-4 ChatML', async () => {
    const [folder] = vscode.workspace.workspaceFolders ?? [];
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'src', 'math.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(5, 0, 9, 0);
    await testServer.enqueue({ answer: 'It averages the values.' });
    await vscode.commands.executeCommand('phi4.explainSelection');
    const request = await firstAnswerRequest();
    const prompt = String(request.body?.prompt);
    assert.equal(request.body?.raw, true);
    assert.ok(prompt.startsWith('<|im_start|>system<|im_sep|>\n'));
    assert.ok(prompt.endsWith('<|im_end|>\n<|im_start|>assistant<|im_sep|>\n'));
    assert.ok(prompt.includes('for (let i = 0; i <= values.length; i++) {'), 'selection included');
    assert.ok(prompt.includes('`src/math.ts`'), 'workspace-relative path included');
    assert.ok(prompt.includes('export function add'), 'surrounding code included');
    assert.equal((request.body?.options as { num_ctx: number }).num_ctx, 16384);
  });

  it('Explain with no selection uses the enclosing block', async () => {
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(7, 3, 7, 3);
    await vscode.commands.executeCommand('phi4.explainSelection');
    const request = await firstAnswerRequest();
    const prompt = String(request.body?.prompt);
    assert.ok(prompt.includes('Code at the cursor (enclosing block)'));
    assert.ok(prompt.includes('for (let i = 0; i <= values.length; i++) {\n\t\ttotal += values[i];\n\t}'));
  });

  it('explains code in an untitled document, naming it', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'def double(x):\n    return x * 2\n' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 2, 0);
    await vscode.commands.executeCommand('phi4.explainSelection');
    const request = await firstAnswerRequest();
    const prompt = String(request.body?.prompt);
    assert.ok(prompt.includes('def double(x):'));
    assert.match(prompt, /`Untitled-\d+`/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("a repository's .vscode/settings.json cannot lower phi4.maxConversations (it would delete the user's conversations)", async () => {
    const [folder] = vscode.workspace.workspaceFolders ?? [];
    const dir = vscode.Uri.joinPath(folder.uri, '.vscode');
    const temperature = (): number | undefined => vscode.workspace.getConfiguration('phi4').get<number>('temperature');
    // phi4.temperature is a workspace-level setting: once it shows, VS Code has read the file.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'settings.json'), Buffer.from('{ "phi4.maxConversations": 1, "phi4.temperature": 0.7 }'));
    try {
      await until(() => temperature() === 0.7);
      assert.equal(readSettings().maxConversations, 50);
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await until(() => temperature() === 0.2);
    }
  });

  it('phi4.maxConversations is kept within 1..500 whatever settings.json says', async () => {
    const config = vscode.workspace.getConfiguration('phi4');
    try {
      await config.update('maxConversations', 0, vscode.ConfigurationTarget.Global);
      assert.equal(readSettings().maxConversations, 1);
      await config.update('maxConversations', 1e9, vscode.ConfigurationTarget.Global);
      assert.equal(readSettings().maxConversations, 500);
      await config.update('maxConversations', 'many', vscode.ConfigurationTarget.Global);
      assert.equal(readSettings().maxConversations, 50);
    } finally {
      await config.update('maxConversations', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a garbage phi4.ollamaHost sends nothing anywhere and does not crash', async () => {
    const config = vscode.workspace.getConfiguration('phi4');
    const previous = config.inspect<string>('ollamaHost')?.globalValue;
    await config.update('ollamaHost', 'ftp://not a host', vscode.ConfigurationTarget.Global);
    try {
      const [folder] = vscode.workspace.workspaceFolders ?? [];
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'src', 'math.ts'));
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 0, 2, 0);
      await vscode.commands.executeCommand('phi4.explainSelection');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await testServer.requests()).length, 0);
      assert.equal(doc.isDirty, false);
    } finally {
      await config.update('ollamaHost', previous, vscode.ConfigurationTarget.Global);
    }
  });

  it('contacts a host that is not this machine not even for its health check until the user allows it', async () => {
    // The machine's own name reaches the loopback test server, yet it is a name, not a loopback literal.
    const name = hostname();
    assert.match((await lookup(name)).address, /^127\./, `${name} resolves to loopback here (/etc/hosts)`);
    const config = vscode.workspace.getConfiguration('phi4');
    const previous = config.inspect<string>('ollamaHost')?.globalValue;
    const remote = testServerUrl().replace('127.0.0.1', name);
    try {
      await config.update('ollamaHost', remote, vscode.ConfigurationTarget.Global);
      await new Promise((r) => setTimeout(r, 800));
      const reached = (await testServer.requests()).filter((r) => r.host === new URL(remote).host);
      assert.deepEqual(reached.map((r) => r.path), [], 'nothing reached the server through its name');
      // The same check against this machine does contact it, so the silence above is the consent at work.
      await config.update('ollamaHost', testServerUrl(), vscode.ConfigurationTarget.Global);
      await waitFor('the health check', async () => ((await testServer.requests()).some((r) => r.path === '/api/tags') ? true : undefined));
    } finally {
      await config.update('ollamaHost', previous, vscode.ConfigurationTarget.Global);
    }
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(condition(), 'VS Code did not pick up the settings file change');
}
