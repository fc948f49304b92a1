// What a chat view that has not loaded yet still needs once it has. It is sent the controller's snapshot
// first, which holds the whole state in its latest form, so only one-off messages are kept here: a view
// that never loads cannot make the queue grow, however long an answer streams meanwhile.
import type { HostToWebview } from '../protocol/messages';

/** Notices are one-off remarks ("Code copied…"); a view that missed more than this many needs none of the older ones. */
export const MAX_PENDING_NOTICES = 5;

export class PendingPosts {
  private notices: HostToWebview[] = [];
  private focus = false;

  add(message: HostToWebview): void {
    switch (message.type) {
      case 'notice':
      case 'unsent':
        this.notices.push(message);
        if (this.notices.length > MAX_PENDING_NOTICES) this.notices.shift();
        return;
      case 'focusInput':
        this.focus = true;
        return;
      // State the snapshot carries: conversation and history (restore), models, banner, context chip, busy, preferences, welcome.
      case 'preferences':
      case 'welcome':
      case 'restore':
      case 'history':
      case 'models':
      case 'contextChips':
      case 'mentionOptions':
      case 'turnAdded':
      case 'answerChunk':
      case 'answerEnded':
      case 'questionUpdated':
      case 'turnsRemoved':
      case 'banner':
      case 'busy':
        return;
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  /** The messages to post after the snapshot, oldest first; the queue is empty afterwards. */
  take(): HostToWebview[] {
    const out = [...this.notices, ...(this.focus ? [{ type: 'focusInput' } as const] : [])];
    this.notices = [];
    this.focus = false;
    return out;
  }
}
