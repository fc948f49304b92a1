// Without a `code` command, `npm start` installs code-server. On a machine that lacks its prerequisites the
// newcomer must read, in one message, every package to install, before anything is downloaded or wiped.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../../../..');
const SCRIPT = path.join(ROOT, 'test', 'e2e', 'install-code-server.sh');

/** A PATH holding only the named tools (as links to the real ones), so the others look uninstalled. */
function pathWith(dir: string, tools: readonly string[]): string {
  for (const tool of tools) {
    const real = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    assert.ok(real, `${tool} is needed to run this test`);
    fs.symlinkSync(real, path.join(dir, tool));
  }
  return dir;
}

describe('install-code-server.sh prerequisites', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phi4-prereq-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('names every missing package and the command that installs them, and installs nothing', () => {
    const bin = path.join(tmp, 'bin');
    fs.mkdirSync(bin);
    const cache = path.join(tmp, 'cache');
    const result = spawnSync(path.join(bin, 'bash'), [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: pathWith(bin, ['bash', 'dirname']), CODE_SERVER_CACHE: cache },
    });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /needs: ripgrep libkrb5-dev g\+\+ make python3/);
    assert.match(result.stderr, /sudo apt-get install ripgrep libkrb5-dev g\+\+ make python3/);
    assert.equal(fs.existsSync(cache), false, 'the cache folder was created before the check');
  });

  it('asks only for what is missing', () => {
    const bin = path.join(tmp, 'bin');
    fs.mkdirSync(bin);
    const tools = ['bash', 'dirname', 'g++', 'make', 'python3'];
    const result = spawnSync(path.join(bin, 'bash'), [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: pathWith(bin, tools), CODE_SERVER_CACHE: path.join(tmp, 'cache') },
    });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /sudo apt-get install ripgrep libkrb5-dev\n/);
  });
});
