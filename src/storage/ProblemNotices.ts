// What the user hears about their saved conversations, in words they can act on. Each kind of problem is said
// once per window: a failing disk fails every save, and one notice is enough.
import * as l10n from '@vscode/l10n';
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
      corrupt: l10n.t('Some saved Phi-4 conversation files could not be read. They were renamed to *.corrupt-<time> in {0}; all other conversations are kept.', this.location),
      newer: l10n.t('Some saved Phi-4 conversations were written by a newer version of the extension. They are left untouched and will show again after updating.'),
      read: l10n.t('Phi-4 could not read its saved conversations in {0} ({1}).', this.location, reason),
      save: l10n.t('Phi-4 could not save the conversation "{0}" ({1}). Its latest messages are only in this window until saving works again; it is tried again with every answer.', String(title), reason),
    };
    this.say(messages[kind]);
  }

  /** The problem went away (a save worked): if it comes back, it is said again. */
  resolved(kind: ProblemKind): void {
    this.told.delete(kind);
  }
}
