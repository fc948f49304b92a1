// `npm run test:e2e`: extension-host suites and UI scenarios in a real VS Code, against the Ollama-API
// test server on loopback. Prints every result; exits non-zero on any failure.
import { OllamaTestServer } from '../support/ollamaTestServer';
import { runExtensionHostSuites } from './runExtensionHostSuites';
import { runUiScenarios } from './runUiScenarios';

async function main(): Promise<number> {
  const ollama = new OllamaTestServer();
  await ollama.start();
  let failures = 0;
  try {
    const started = Date.now();
    // --ui-only skips the extension-host suites while working on a UI scenario.
    const suites = process.argv.includes('--ui-only') ? { passed: ['(extension-host suites skipped: --ui-only)'], failed: [] } : await runExtensionHostSuites(ollama.url);
    console.log(`\nExtension-host suites (${((Date.now() - started) / 1000).toFixed(1)} s):`);
    for (const t of suites.passed) console.log(`  ✔ ${t}`);
    for (const f of suites.failed) console.log(`  ✘ ${f.title}\n${f.error.replace(/^/gm, '      ')}`);
    failures += suites.failed.length;
    if (suites.passed.length === 0 && suites.failed.length === 0) failures++;

    if (!process.argv.includes('--host-only')) {
      const ui = await runUiScenarios(ollama, process.argv.slice(2).filter((a) => !a.startsWith('--')));
      failures += ui.failed;
    }
  } finally {
    await ollama.stop();
  }
  console.log(failures === 0 ? '\nAll VS Code tests passed.' : `\n${failures} VS Code test(s) failed.`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
