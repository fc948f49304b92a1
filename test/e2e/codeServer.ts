// Starts a clean, isolated VS Code (code-server 4.100.3 = VS Code 1.100.3) for one test run and stops it
// with its whole process group, even when a test fails. See ../../../shared/reference/e2e-recipe.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
export const CODE_SERVER_VERSION = '4.100.3';
const CACHE = process.env.CODE_SERVER_CACHE ?? path.join(REPO, '.cache', `code-server-${CODE_SERVER_VERSION}`);
const ENTRY = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export interface CodeServerOptions {
  /** A folder under .cache/runs; wiped first. */
  readonly name: string;
  readonly workspace: string;
  readonly settings: Record<string, unknown>;
  readonly vsix?: string;
  readonly env?: Record<string, string>;
  /** Workspace trust on, with no startup question: the folder opens untrusted (Restricted Mode). */
  readonly untrusted?: boolean;
}

export interface RunningCodeServer {
  readonly url: string;
  readonly port: number;
  readonly runDir: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

export function isInstalled(): boolean {
  return fs.existsSync(ENTRY);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function isolatedEnv(runDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = path.join(runDir, 'home');
  for (const d of ['', '.config', '.local/share', '.cache']) fs.mkdirSync(path.join(home, d), { recursive: true });
  return {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    ...extra,
  };
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  if (!isInstalled()) throw new Error(`code-server is not installed; run: bash test/e2e/install-code-server.sh`);
  const runDir = path.join(REPO, '.cache', 'runs', options.name);
  fs.rmSync(runDir, { recursive: true, force: true });
  const dataDir = path.join(runDir, 'data');
  const extDir = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.writeFileSync(path.join(runDir, 'config.yaml'), '{}\n');
  const settings = {
    'workbench.startupEditor': 'none',
    'typescript.disableAutomaticTypeAcquisition': true,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    'security.workspace.trust.enabled': options.untrusted === true,
    'security.workspace.trust.startupPrompt': 'never',
    'files.autoSave': 'off',
    'git.openRepositoryInParentFolders': 'never',
    'git.enabled': false,
    'editor.codeLens': true,
    ...options.settings,
  };
  fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const env = isolatedEnv(runDir, options.env);
  const common = ['--config', path.join(runDir, 'config.yaml'), '--user-data-dir', dataDir, '--extensions-dir', extDir];
  if (options.vsix) {
    const r = spawnSync(process.execPath, [ENTRY, ...common, '--install-extension', options.vsix], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing the VSIX failed: ${r.stderr || r.stdout}`);
  }
  const port = await freePort();
  const logFile = path.join(runDir, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [ENTRY, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...(options.untrusted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', options.workspace],
    { env, detached: true, stdio: ['ignore', log, log] },
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
  };
  process.once('exit', () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early; see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not become ready; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, runDir, logFile, stop };
}

/** Log files of a run (workbench, extension hosts, extensions) whose names match. */
export function logFiles(runDir: string, name: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (name.test(entry.name)) found.push(full);
    }
  };
  walk(path.join(runDir, 'data', 'logs'));
  return found;
}

/** The workbench URL for a folder, optionally loading the extension from source and running test suites. */
export function workbenchUrl(server: RunningCodeServer, folder: string, dev?: { extensionPath: string; testsPath?: string }): string {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (dev) {
    const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload: [string, string][] = [['extensionDevelopmentPath', remote(dev.extensionPath)]];
    if (dev.testsPath) payload.push(['extensionTestsPath', remote(dev.testsPath)]);
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}
