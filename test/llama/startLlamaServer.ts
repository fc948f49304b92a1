// Starts the real llama-server (built by ensure-llama-server.sh) on phi4-tokenizer-tiny.gguf, a 10 MB model
// with Phi-4's exact tokenizer, on a free loopback port, and keeps its log for the tests to read.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..', '..', '..');
export const LLAMA_SERVER = process.env.LLAMA_SERVER ?? path.join(REPO, '.cache', 'llama-server', 'bin', 'llama-server');
export const TINY_GGUF = process.env.PHI4_TINY_GGUF ?? path.join(REPO, '..', 'shared', 'fixtures', 'phi4-tokenizer-tiny.gguf');

export interface RunningLlamaServer {
  readonly root: string;
  readonly baseUrl: string;
  /** Everything the server logged so far. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

export async function startLlamaServer(extra: readonly string[] = []): Promise<RunningLlamaServer> {
  for (const file of [LLAMA_SERVER, TINY_GGUF]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: run test/llama/ensure-llama-server.sh (and see ../shared/fixtures)`);
  const port = await freePort();
  // One slot with the whole 16,384-token window, as one user of a `-c 16384×N -np N` server sees it.
  const args = ['-m', TINY_GGUF, '-c', '16384', '-np', '1', '-t', '2', '--host', '127.0.0.1', '--port', String(port), '--alias', 'phi4-tiny', ...extra];
  const child: ChildProcess = spawn(LLAMA_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LD_LIBRARY_PATH: path.dirname(LLAMA_SERVER) } });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const root = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`llama-server exited (${child.exitCode}):\n${log.slice(-3000)}`);
    const ok = await fetch(`${root}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`llama-server did not become healthy:\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    root,
    baseUrl: `${root}/v1`,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * llama-server's own tokens for a text. With `parseSpecial` (as for completion prompts), special-token strings
 * become the control tokens they name; without it they are plain text, as our counter treats user text.
 */
export async function serverTokenize(root: string, content: string, parseSpecial = true): Promise<number[]> {
  const response = await fetch(`${root}/tokenize`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ content, add_special: false, parse_special: parseSpecial }) });
  if (!response.ok) throw new Error(`/tokenize answered ${response.status}`);
  return ((await response.json()) as { tokens: number[] }).tokens;
}
