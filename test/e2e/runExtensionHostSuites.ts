// Runs test/integration inside a real VS Code extension host (code-server), loading the extension from source.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from './browser';
import { REPO, startCodeServer, workbenchUrl } from './codeServer';
import { prepareWorkspace } from './prepareWorkspace';

export interface SuiteResult {
  readonly passed: readonly string[];
  readonly failed: readonly { title: string; error: string }[];
}

/**
 * The suites (*.test.js) with workspace trust disabled, as VS Code's own test runners do; then the
 * *.untrusted.js suites in a window where trust is on and the folder is not trusted.
 */
export async function runExtensionHostSuites(ollamaUrl: string): Promise<SuiteResult> {
  const trusted = await runSuites(ollamaUrl, 'integration', false);
  const untrusted = await runSuites(ollamaUrl, 'integration-untrusted', true);
  return { passed: [...trusted.passed, ...untrusted.passed], failed: [...trusted.failed, ...untrusted.failed] };
}

/**
 * Runs only the trusted suites whose titles match `grep`, in a window (and a .cache/runs folder) named `name`;
 * the bench uses it to measure one suite without the rest.
 */
export function runMatchingSuites(ollamaUrl: string, name: string, grep: string): Promise<SuiteResult> {
  return runSuites(ollamaUrl, name, false, grep);
}

async function runSuites(ollamaUrl: string, name: string, untrusted: boolean, grep?: string): Promise<SuiteResult> {
  const workspace = prepareWorkspace(`${name}-ws`, { definitions: !untrusted });
  const resultsFile = path.join(REPO, '.cache', 'runs', `${name}-results.json`);
  fs.rmSync(resultsFile, { force: true });
  const env: Record<string, string> = { PHI4_TEST_RESULTS: resultsFile, ...(untrusted && { PHI4_TEST_UNTRUSTED: '1' }), ...(grep && { PHI4_TEST_GREP: grep, PHI4_BENCH: '1' }) };
  const server = await startCodeServer({ name, workspace, settings: { 'phi4.ollamaHost': ollamaUrl }, env, untrusted });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const exitCode = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    // The definitions suite waits for the real TypeScript server to load a project and then runs 34 requests.
    const timeout = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('extension-host suites did not finish within 360 s')), 360_000));
    await page.goto(workbenchUrl(server, workspace, { extensionPath: REPO, testsPath: path.join(REPO, 'out', 'test', 'integration', 'index.js') }));
    await Promise.race([exitCode, timeout]);
    if (!fs.existsSync(resultsFile)) throw new Error(`the suites wrote no results; see ${server.logFile}`);
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResult;
  } finally {
    await browser.close();
    await server.stop();
  }
}
