// UI scenarios in a real VS Code with the packaged VSIX installed: each asserts what the user sees or gets,
// saves a screenshot to test-results/screenshots, and the run fails on uncaught errors from the extension.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { OllamaTestServer } from '../support/ollamaTestServer';
import { launchBrowser } from './browser';
import { logFiles, REPO, startCodeServer, workbenchUrl, type RunningCodeServer } from './codeServer';
import { prepareWorkspace } from './prepareWorkspace';
import { SCENARIOS, type ScenarioContext } from './scenarios';
import { waitForWorkbench } from './workbench';

const SHOTS = path.join(REPO, 'test-results', 'screenshots');

export async function runUiScenarios(ollama: OllamaTestServer, only: string[]): Promise<{ failed: number }> {
  // Screenshots of an earlier run's failures would be mistaken for this run's.
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const vsix = path.join(REPO, 'phi4-local.vsix');
  if (!fs.existsSync(vsix)) throw new Error('phi4-local.vsix is missing: run `npm run package` first');
  const workspace = prepareWorkspace('ui-ws');
  const server: RunningCodeServer = await startCodeServer({ name: 'ui', workspace, vsix, settings: {
      'phi4.ollamaHost': ollama.url,
      'workbench.colorTheme': 'Default Dark Modern',
    },
  });
  const browser = await launchBrowser();
  let failed = 0;
  const extensionErrors: string[] = [];
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /phi4-local/.test(msg.location().url)) extensionErrors.push(msg.text());
    });
    page.on('pageerror', (error) => {
      if (/phi4|webview\.js/.test(error.stack ?? '')) extensionErrors.push(error.message);
    });
    const url = workbenchUrl(server, workspace);
    await page.goto(url);
    await waitForWorkbench(page);
    const ctx: ScenarioContext = { page, ollama, workspace, url, settingsFile: path.join(server.runDir, 'data', 'User', 'settings.json') };
    console.log('\nUI scenarios:');
    for (const scenario of SCENARIOS) {
      if (only.length > 0 && !only.some((o) => scenario.name.includes(o))) continue;
      ollama.reset();
      const started = Date.now();
      const errorsBefore = extensionErrors.length;
      try {
        await scenario.run(ctx);
        assert.equal(extensionErrors.length, errorsBefore, `uncaught errors from the extension: ${extensionErrors.slice(errorsBefore).join('; ')}`);
        console.log(`  ✔ ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed++;
        console.log(`  ✘ ${scenario.name}\n${String(error instanceof Error ? error.stack : error).replace(/^/gm, '      ')}`);
        await page.screenshot({ path: path.join(SHOTS, `${scenario.name}-failed.png`) }).catch(() => undefined);
        // Start the next scenario from a clean workbench.
        await page.goto(url).catch(() => undefined);
        await waitForWorkbench(page).catch(() => undefined);
      } finally {
        await page.screenshot({ path: path.join(SHOTS, `${scenario.name}.png`) }).catch(() => undefined);
      }
    }
    const hostErrors = extensionHostErrors(server.runDir);
    if (hostErrors.length > 0) {
      failed++;
      console.log(`  ✘ the extension host logged errors from the extension:\n${hostErrors.map((l) => `      ${l}`).join('\n')}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`  screenshots: ${path.relative(REPO, SHOTS)}/`);
  return { failed };
}

/** Uncaught errors and unhandled rejections that the extension host attributes to our extension. */
function extensionHostErrors(runDir: string): string[] {
  const found: string[] = [];
  for (const file of logFiles(runDir, /exthost.*\.log$|remoteexthost\.log$/)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (/\[error\]/.test(line) && /phi4/i.test(line)) found.push(line.trim());
    }
  }
  return found;
}
