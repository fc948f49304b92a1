// Where conversations live: files in the extension's global storage folder (see FileKeyValueStore for why
// not globalState). Conversations an earlier version kept in globalState are moved over once.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { KeyValueStore } from '../chat/ConversationStore';
import { FileKeyValueStore } from '../chat/FileKeyValueStore';
import type { Logger } from '../log/Logger';
import { moveConversations } from '../chat/moveConversations';

/** The storage, opened (folder created, old conversations moved) when the chat first reads or writes it, not during activation. */
export function openConversationStorage(context: vscode.ExtensionContext, log: Logger): KeyValueStore {
  let files: FileKeyValueStore | undefined;
  const open = (): FileKeyValueStore => {
    if (files) return files;
    const opened = new FileKeyValueStore(path.join(context.globalStorageUri.fsPath, 'conversations'));
    files = opened;
    // The files are written before this returns (see moveConversations); only clearing globalState is left pending.
    void moveConversations(context.globalState, opened).then(
      (moved) => moved > 0 && log.info(`moved ${moved} stored conversation entries to ${opened.location}`),
      (error: unknown) => log.warn(`could not move stored conversations: ${String(error)}`),
    );
    return opened;
  };
  return {
    get: (key) => open().get(key),
    update: (key, value) => open().update(key, value),
  };
}
