// `npm start`: opens VS Code with the freshly packaged extension in a clean profile — the local `code`
// CLI when there is one, otherwise code-server from the test setup (prints the URL to open). Only that
// fallback installs code-server, so someone with VS Code needs none of its build prerequisites.
// `npm start -- --demo` also starts the Ollama-API test server, to try the UI without Ollama.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OllamaTestServer } from '../support/ollamaTestServer';
import { REPO, startCodeServer } from './codeServer';
import { prepareWorkspace } from './prepareWorkspace';

const DEMO_ANSWER = 'This is the **demo server**, not a real model. Install [Ollama](https://ollama.com) and run `ollama pull phi4` for real answers.\n\n```typescript\nexport const answer = 42;\n```\n';

function hasCodeCli(): boolean {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Installs code-server once (cached); the script itself says what to install when a prerequisite is missing. */
function ensureCodeServer(): void {
  const script = path.join(REPO, 'test', 'e2e', 'install-code-server.sh');
  if (spawnSync('bash', [script], { stdio: 'inherit' }).status === 0) return;
  throw new Error(
    'npm start found no `code` command, so it runs VS Code in the browser (code-server), which it could not install.\n' +
      'Install what is named above, or install VS Code with its `code` command on your PATH and run npm start again.',
  );
}

async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const vsix = path.join(REPO, 'phi4-local.vsix');
  const settings: Record<string, unknown> = {};
  let ollama: OllamaTestServer | undefined;
  if (demo) {
    ollama = new OllamaTestServer();
    ollama.defaultBehaviour = { answer: DEMO_ANSWER, chunkDelayMs: 30 };
    await ollama.start();
    settings['phi4.ollamaHost'] = ollama.url;
    console.log(`Demo Ollama API on ${ollama.url}`);
  }
  const workspace = prepareWorkspace('start-ws');
  if (hasCodeCli() && !process.argv.includes('--code-server')) {
    const profile = path.join(REPO, '.cache', 'profile');
    fs.mkdirSync(path.join(profile, 'data', 'User'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const dirs = ['--user-data-dir', path.join(profile, 'data'), '--extensions-dir', path.join(profile, 'extensions')];
    spawnSync('code', [...dirs, '--install-extension', vsix, '--force'], { stdio: 'inherit' });
    spawn('code', [...dirs, '--new-window', workspace], { stdio: 'inherit', detached: true }).unref();
    console.log('Opened VS Code with the Phi-4 extension in a clean profile.');
    if (!ollama) return;
  } else {
    ensureCodeServer();
    const server = await startCodeServer({ name: 'start', workspace, vsix, settings });
    console.log(`\nVS Code (code-server) with the Phi-4 extension is running.\nOpen ${server.url}/?folder=${encodeURIComponent(workspace)} in your browser. Press Ctrl+C to stop.\n`);
    const stop = (): void => void server.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
  await new Promise(() => undefined);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
