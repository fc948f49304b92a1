// What the user hears about their saved conversations, in words they can act on. Each kind of problem is said
// once per window: a failing disk fails every save, and one notice is enough.
import { describeFileError } from './FileSystem';

export type ProblemKind = 'corrupt' | 'newer' | 'read' | 'save';

export class ProblemNotices {
  private readonly told = new Set<ProblemKind>();

  constructor(
    private readonly location: string,
    private readonly say: (message: string) => void = () => undefined,
  ) {}

  tell(kind: ProblemKind, error?: unknown, title?: string): void {
    if (this.told.has(kind)) return;
    this.told.add(kind);
    const reason = describeFileError(error);
    const messages: Record<ProblemKind, string> = {
      corrupt: `Some saved Phi-4 conversation files could not be read. They were renamed to *.corrupt-<time> in ${this.location}; all other conversations are kept.`,
      newer: 'Some saved Phi-4 conversations were written by a newer version of the extension. They are left untouched and will show again after updating.',
      read: `Phi-4 could not read its saved conversations in ${this.location} (${reason}).`,
      save: `Phi-4 could not save the conversation "${title}" (${reason}). Its latest messages are only in this window until saving works again; it is tried again with every answer.`,
    };
    this.say(messages[kind]);
  }

  /** The problem went away (a save worked): if it comes back, it is said again. */
  resolved(kind: ProblemKind): void {
    this.told.delete(kind);
  }
}
