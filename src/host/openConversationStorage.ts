// Where conversations live: files in the extension's global storage folder (see FileKeyValueStore for why
// not globalState). Conversations an earlier version kept in globalState are moved over once.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { FileKeyValueStore } from '../chat/FileKeyValueStore';
import type { Logger } from '../chat/Logger';

const CONVERSATION_KEY = /^phi4\.conversations?(\.|$)/;

export function openConversationStorage(context: vscode.ExtensionContext, log: Logger): FileKeyValueStore {
  const files = new FileKeyValueStore(path.join(context.globalStorageUri.fsPath, 'conversations'));
  const legacy = context.globalState.keys().filter((k) => CONVERSATION_KEY.test(k));
  for (const key of legacy) {
    const value = context.globalState.get(key);
    if (value !== undefined && files.get(key) === undefined) void files.update(key, value);
    void context.globalState.update(key, undefined);
  }
  if (legacy.length > 0) log.info(`moved ${legacy.length} stored conversation entries to ${files.location}`);
  return files;
}
