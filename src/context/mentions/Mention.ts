// Something the user put in the chat explicitly (@file, @symbol, @problems, @selection, Add File to Phi-4 Chat):
// plain values, ranked above every automatic definition.
import type { ReducedFile } from './reduceFile';

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
  /** The shortened form: its note for the user is translated, its note for the model stays English. */
  readonly reduced?: ReducedFile;
}

/** A mention read for sending: the content, and/or what the user should know (not sent because…). */
export interface MentionResult {
  readonly mention?: Mention;
  readonly note?: string;
}
