// Backs the Logger interface with the "Phi-4" LogOutputChannel (level chosen by the user in the Output view).
import type * as vscode from 'vscode';
import type { Logger } from '../log/Logger';

export function createLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
    trace: (m) => channel.trace(m),
  };
}
