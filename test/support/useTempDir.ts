// A fresh folder for each test, removed after it: storage tests run against the real file system.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Call inside a describe(); the returned function gives the current test's folder. */
export function useTempDir(prefix = 'phi4-test-'): () => string {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
