// Copies the fixture workspace into a run folder, so tests may edit files without touching the repo, and
// generates the definition-task project beside it where a suite needs it (it makes the TypeScript server's
// project much larger, which other runs need not pay for).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeDefinitionWorkspace } from '../support/definitionWorkspace';
import { REPO } from './codeServer';

export function prepareWorkspace(name: string, options: { definitions?: boolean } = {}): string {
  const target = path.join(REPO, '.cache', 'runs', name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'workspace'), target, { recursive: true });
  // The generated TypeScript project of definition-finding tasks (too large to keep in the repository as files).
  if (options.definitions) writeDefinitionWorkspace(path.join(target, 'defs'));
  return target;
}
