// What definition gathering decided not to send, so the "Context used" list can say so beside what was sent.

/** Why a definition the language server pointed at was not sent. */
export type SkipReason = 'outsideWorkspace' | 'secret' | 'minified';

export interface SkippedDefinition {
  /** The identifier in the focus code that led there. */
  readonly name: string;
  /** Workspace-relative path; for a file outside the workspace, its file name only. */
  readonly file: string;
  readonly reason: SkipReason;
}

export interface DefinitionsLeftOut {
  readonly skipped: readonly SkippedDefinition[];
  /** Set when the language server did not answer every lookup within phi4.context.timeoutMs. */
  readonly timedOut?: { readonly ms: number; readonly nothingFound: boolean };
}
