// Copies the fixture workspace into a run folder, so tests may edit files without touching the repo.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './codeServer';

export function prepareWorkspace(name: string): string {
  const target = path.join(REPO, '.cache', 'runs', name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'workspace'), target, { recursive: true });
  return target;
}
