// Where conversations live: files in the extension's global storage folder (see FileKeyValueStore for why
// not globalState). Conversations an earlier version kept in globalState are moved over once.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { FileKeyValueStore } from '../chat/FileKeyValueStore';
import type { Logger } from '../chat/Logger';
import { moveConversations } from '../chat/moveConversations';

export function openConversationStorage(context: vscode.ExtensionContext, log: Logger): FileKeyValueStore {
  const files = new FileKeyValueStore(path.join(context.globalStorageUri.fsPath, 'conversations'));
  // The files are written before this returns (see moveConversations); only clearing globalState is left pending.
  void moveConversations(context.globalState, files).then(
    (moved) => moved > 0 && log.info(`moved ${moved} stored conversation entries to ${files.location}`),
    (error: unknown) => log.warn(`could not move stored conversations: ${String(error)}`),
  );
  return files;
}
