// Entry point for the extension-host suites, used by both @vscode/test-electron and code-server
// (extensionTestsPath). Mocha's output is unformatted in code-server, so results also go to a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false });
  // The bench runs one suite (B7's definitions) in a window of its own.
  if (process.env.PHI4_TEST_GREP) mocha.grep(process.env.PHI4_TEST_GREP);
  // A window with workspace trust on runs only the suites about an untrusted folder.
  const suffix = process.env.PHI4_TEST_UNTRUSTED ? '.untrusted.js' : '.test.js';
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith(suffix)).sort()) mocha.addFile(path.join(__dirname, file));
  const results = { passed: [] as string[], failed: [] as { title: string; error: string }[] };
  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => results.passed.push(test.fullTitle()));
      runner.on('fail', (test, err: Error) => results.failed.push({ title: test.fullTitle(), error: `${err.message}\n${err.stack ?? ''}` }));
    } catch (e) {
      reject(e);
    }
  });
  const out = process.env.PHI4_TEST_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
  if (results.passed.length + results.failed.length === 0) results.failed.push({ title: `no ${suffix} suites ran`, error: 'check the file names' });
  if (results.failed.length > 0) throw new Error(`${results.failed.length} extension-host test(s) failed`);
}
