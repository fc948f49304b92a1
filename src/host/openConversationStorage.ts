// Where conversations live: the "conversations" folder in the extension's global storage, which is always on
// this machine's disk (so plain node:fs works there). Conversations an earlier version kept in globalState
// are moved in once.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { ConversationStore, type StorageEvents, type StoreLimits } from '../storage/ConversationStore';

/** Nothing is read or created until the chat first lists, loads or saves a conversation: not during activation. */
export function openConversationStorage(context: vscode.ExtensionContext, limits: () => StoreLimits, events: StorageEvents): ConversationStore {
  return new ConversationStore({ dir: path.join(context.globalStorageUri.fsPath, 'conversations'), limits, events, legacy: context.globalState });
}
