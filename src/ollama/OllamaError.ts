// The one error type the rest of the extension sees from Ollama: what happened, for whom, and what to do.

export type OllamaErrorKind =
  | 'invalidHost'
  | 'unreachable'
  | 'timeout'
  | 'modelNotFound'
  | 'busy'
  | 'loadFailed'
  | 'badRequest'
  | 'forbidden'
  /** The server wants an API key, or rejected the one sent (401/403 from a shared server). */
  | 'unauthorized'
  /** The server refused a prompt our budget let through: a bug in our counting, reported with both numbers. */
  | 'contextExceeded'
  | 'streamError'
  | 'connectionLost'
  | 'incompleteStream'
  /** A started answer went silent for phi4.stallTimeoutSeconds. */
  | 'stalled'
  /** The server sent a line that never ends: not Ollama, or a broken proxy. */
  | 'oversizedLine'
  | 'cancelled'
  | 'unknown';

/** Buttons the UI may offer; the host layer turns each into a command. */
export type SuggestedAction = 'retry' | 'openSettings' | 'pullModel' | 'selectModel' | 'showLog' | 'setApiKey';

export class OllamaError extends Error {
  constructor(
    readonly kind: OllamaErrorKind,
    message: string,
    readonly actions: readonly SuggestedAction[],
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'OllamaError';
  }
}

export function isOllamaError(value: unknown): value is OllamaError {
  return value instanceof OllamaError;
}
