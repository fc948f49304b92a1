// Something the user put in the chat explicitly (@file, @symbol, @problems, @selection, Add File to Phi-4 Chat):
// plain values, ranked above every automatic definition.

export type MentionKind = 'file' | 'symbol' | 'problems' | 'selection';

export interface Mention {
  readonly kind: MentionKind;
  /** Workspace-relative path (with the folder's name in a multi-root workspace), or "problems". */
  readonly relativePath: string;
  readonly languageId: string;
  /** 0-based, inclusive: the lines `text` spans. */
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
  /** For a file too large to send whole: its outline and the part nearest the question, with what it says. */
  readonly reduced?: { readonly text: string; readonly note: string };
}

/** A mention read for sending: the content, and/or what the user should know (not sent because…). */
export interface MentionResult {
  readonly mention?: Mention;
  readonly note?: string;
}
