// `npm run test:vscode`: the same extension-host suites in VS Code desktop via @vscode/test-electron,
// for machines that can download VS Code (this project's CI cannot; it uses code-server instead).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { OllamaTestServer } from '../support/ollamaTestServer';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '../../..');
  const ollama = new OllamaTestServer();
  await ollama.start();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'phi4-vscode-'));
  const workspace = path.join(work, 'workspace');
  fs.cpSync(path.join(repo, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const userData = path.join(work, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'phi4.ollamaHost': ollama.url, 'git.enabled': false, 'workbench.startupEditor': 'none' }));
  const results = path.join(work, 'results.json');
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--user-data-dir', userData, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { PHI4_TEST_RESULTS: results },
    });
  } finally {
    await ollama.stop();
    if (fs.existsSync(results)) console.log(fs.readFileSync(results, 'utf8'));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
