// The few file operations conversation storage needs, behind an interface so tests can make a disk fail
// (full, read-only) on demand. The real one is plain node:fs/promises: storage lives in the extension's
// global storage folder, which is always on this machine's disk.
import * as l10n from '@vscode/l10n';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

export interface FileSystem {
  /** The file's text, or undefined when there is no such file. */
  readText(file: string): Promise<string | undefined>;
  /** The names in a folder, or [] when there is no such folder. */
  list(dir: string): Promise<string[]>;
  /** Replaces the file whole or not at all, creating its folder when needed. */
  writeAtomic(file: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or a folder with everything in it; nothing happens when it is not there. */
  remove(target: string): Promise<void>;
}

/** Not there, or a file where a folder was expected (a stray file among the conversation folders). */
const isMissing = (e: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException | undefined)?.code ?? '');

let tempCounter = 0;

export const nodeFileSystem: FileSystem = {
  async readText(file) {
    try {
      return await fsp.readFile(file, 'utf8');
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  },

  async list(dir) {
    try {
      return await fsp.readdir(dir);
    } catch (e) {
      if (isMissing(e)) return [];
      throw e;
    }
  },

  /**
   * Written to a temporary file in the same folder, flushed to disk, then renamed over the target: a crash
   * or a full disk leaves either the old file or the new one, never half of one, and no temporary file.
   */
  async writeAtomic(file, text) {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}-${(tempCounter++).toString(36)}.tmp`;
    try {
      const handle = await fsp.open(temp, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(temp, file);
    } catch (e) {
      await fsp.rm(temp, { force: true }).catch(() => undefined);
      throw e;
    }
  },

  rename: (from, to) => fsp.rename(from, to),

  remove: (target) => fsp.rm(target, { recursive: true, force: true }),
};

/** A failure in words a user can act on, for the notice that says what was not saved. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return l10n.t('the disk is full');
    case 'EACCES':
    case 'EPERM':
      return l10n.t('permission denied');
    case 'EROFS':
      return l10n.t('the disk is read-only');
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EISDIR':
      return l10n.t('a file or folder is in the way');
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
