// What non-host code may log through; the host backs it with a LogOutputChannel.

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Only at trace level may prompts and code appear in the log. */
  trace(message: string): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, trace: () => undefined };
