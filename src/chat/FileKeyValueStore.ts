// Conversations kept as one JSON file each in the extension's storage folder. VS Code's globalState
// re-serializes *all* of an extension's state on every update, so with long histories in it each save
// during streaming (every 2 s) would cost in proportion to everything ever kept; a file costs one conversation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KeyValueStore } from './ConversationStore';

export class FileKeyValueStore implements KeyValueStore {
  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  get location(): string {
    return this.dir;
  }

  get<T>(key: string): T | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.fileOf(key), 'utf8');
    } catch {
      return undefined; // never saved, or deleted
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined; // a damaged file is treated as missing rather than breaking the chat
    }
  }

  /**
   * Written synchronously — one conversation is small and quick to write — so a read right after a save
   * never sees the old text; written to a temporary file first, so a crash never leaves half a file.
   */
  update(key: string, value: unknown): Promise<void> {
    const file = this.fileOf(key);
    try {
      if (value === undefined) fs.rmSync(file, { force: true });
      else {
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, JSON.stringify(value));
        fs.renameSync(temp, file);
      }
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private fileOf(key: string): string {
    // Keys are our own ("phi4.conversation.<id>"), but never let one name a path outside the folder.
    return path.join(this.dir, `${encodeURIComponent(key).replace(/\./g, '%2E')}.json`);
  }
}
