// Users copy the shell commands in README.md and docs/ into a terminal. A `# comment` after a line-continuation
// backslash ends the command there, so the flags below it silently never reach the program (a server that
// starts without `--api-key`), and bash reports nothing. Every ```bash / ```sh block must be one intact script.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../../../..');
const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'zsh']);

interface ShellBlock {
  readonly file: string;
  /** 1-based line of the block's first command line in the Markdown file. */
  readonly line: number;
  readonly code: string;
}

function markdownFiles(): string[] {
  const docs = path.join(ROOT, 'docs');
  const inDocs = fs.readdirSync(docs).filter((name) => name.endsWith('.md')).map((name) => path.join('docs', name));
  return ['README.md', ...inDocs];
}

function shellBlocks(file: string): ShellBlock[] {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const blocks: ShellBlock[] = [];
  let fence: { marker: string; shell: boolean; start: number; body: string[] } | undefined;
  lines.forEach((text, index) => {
    if (!fence) {
      const open = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(text);
      if (open) fence = { marker: open[1], shell: SHELL_LANGUAGES.has(open[2].toLowerCase()), start: index + 2, body: [] };
      return;
    }
    if (text.trim().startsWith(fence.marker) && text.trim().replace(/[`~]/g, '') === '') {
      if (fence.shell) blocks.push({ file, line: fence.start, code: fence.body.join('\n') });
      fence = undefined;
      return;
    }
    fence.body.push(text);
  });
  return blocks;
}

/** Lines where a comment cuts a continued command short: `\  # note`, or a `# note` line inside a continuation. */
function brokenContinuations(block: ShellBlock): string[] {
  const lines = block.code.split('\n');
  const problems: string[] = [];
  lines.forEach((text, index) => {
    const where = `${block.file}:${block.line + index}`;
    if (/\\[ \t]+#/.test(text)) problems.push(`${where}: a comment after "\\" ends the command here: ${text.trim()}`);
    if (index > 0 && /\\$/.test(lines[index - 1]) && text.trim().startsWith('#')) {
      problems.push(`${where}: a comment line inside a continued command ends it: ${text.trim()}`);
    }
  });
  return problems;
}

const blocks = markdownFiles().flatMap(shellBlocks);

describe('shell commands in README.md and docs/', () => {
  it('finds the command blocks users copy (the README two commands, the team-server recipes)', () => {
    const files = new Set(blocks.map((block) => block.file));
    assert.ok(files.has('README.md'), 'no ```bash block found in README.md');
    assert.ok(files.has(path.join('docs', 'TEAM-SETUP.md')), 'no ```sh block found in docs/TEAM-SETUP.md');
  });

  it('never puts a comment where it cuts a continued command short', () => {
    assert.deepEqual(blocks.flatMap(brokenContinuations), []);
  });

  it('are valid bash (bash -n)', () => {
    const failures = blocks.flatMap((block) => {
      const result = spawnSync('bash', ['-n'], { input: block.code, encoding: 'utf8' });
      return result.status === 0 ? [] : [`${block.file}:${block.line}: ${result.stderr.trim()}`];
    });
    assert.deepEqual(failures, []);
  });
});
