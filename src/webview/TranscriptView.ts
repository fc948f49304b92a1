// Draws the conversation: user turns, streaming answers (rendered incrementally, one frame at a time),
// stats, notes and per-answer errors with action buttons, and Regenerate / Edit on the last exchange.
import { contextUsedView } from './contextUsedView';
import * as l10n from '@vscode/l10n';
import type { Markdown } from './markdown/createMarkdown';
import { ACTION_LABELS, type StatsView, type TurnView, type WelcomeInfo } from '../protocol/messages';
import { decorateCodeBlocks } from './decorateCodeBlocks';
import { el } from './el';
import { StickToBottom } from './StickToBottom';
import { welcomeElement } from './welcome';
import { IncrementalMarkdown, renderMarkdownOnce } from './markdown/IncrementalMarkdown';
import type { Sanitizer } from './markdown/sanitize';

const hooks = { decorate: decorateCodeBlocks };

/** Streaming text is drawn at most this often; slower when drawing itself is slow (see schedule()). */
const MIN_FRAME_GAP_MS = 33;
/**
 * New plain words appear on every frame; the block being written is re-formatted (parsed and rebuilt,
 * because markup or a new line arrived) at most this often, which keeps its cost a small multiple of
 * rendering the answer once however fast the model streams.
 */
const REDRAW_GAP_MS = 100;
/**
 * When text arrives faster than anyone reads (over FAST_CHARS_PER_MS), the view is drawn this often and
 * may redraw on every frame: nobody can follow such a stream, and every frame costs something of its own.
 */
const FAST_FRAME_GAP_MS = 250;
const FAST_CHARS_PER_MS = 1;
/** How long the pace is measured over before it is judged again (a single long token is not a fast stream). */
const PACE_WINDOW_MS = 100;
/** A finished answer is read aloud up to this length; the rest is in the transcript to read at will. */
const ANNOUNCED_CHARS = 2000;

export class TranscriptView {
  private live = new Map<string, { renderer: IncrementalMarkdown; element: HTMLElement; announced: number }>();
  /** phi4.announceWhileStreaming: read each finished sentence as it arrives rather than the whole answer at its end. */
  announceWhileStreaming = false;
  /** Where prompts go and the default keys, for the welcome of an empty chat. */
  private welcomeInfo: WelcomeInfo | undefined;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRenderAt = 0;
  private lastRenderCost = 0;
  private lastRedrawAt = 0;
  /** Text arrives faster than anyone reads (judged over the last PACE_WINDOW_MS or more). */
  private fast = false;
  private paceSince = 0;
  private paceChars = 0;
  /** A redraw is pending and not allowed before then; frames until then could not show anything new. */
  private waitingUntil = 0;

  /** Follows new text only while the user is at the end; never yanks them away from what they are reading. */
  private readonly scroll: StickToBottom;

  constructor(
    private readonly root: HTMLElement,
    private readonly announcer: HTMLElement,
    private readonly md: Markdown,
    private readonly sanitize: Sanitizer,
  ) {
    this.scroll = new StickToBottom(root.parentElement ?? root, root);
  }

  reset(turns: readonly TurnView[]): void {
    this.live.clear();
    this.updateBusy();
    this.root.replaceChildren();
    for (const turn of turns) this.add(turn);
    this.scroll.restart();
    if (turns.length === 0) this.root.appendChild(this.welcomeElement());
    this.refreshTurnActions();
  }

  /** A setting changed where prompts go: a welcome on screen says the new destination at once. */
  setWelcome(info: WelcomeInfo): void {
    if (JSON.stringify(info) === JSON.stringify(this.welcomeInfo)) return;
    this.welcomeInfo = info;
    const shown = this.root.querySelector(':scope > .welcome');
    if (!shown) return;
    const hadFocus = shown.contains(document.activeElement);
    const fresh = this.welcomeElement();
    shown.replaceWith(fresh);
    // Keyboard users keep their place: the only focusable control in the welcome is the sample button.
    if (hadFocus) fresh.querySelector<HTMLElement>('.welcome-sample')?.focus();
  }

  private welcomeElement(): HTMLElement {
    return welcomeElement(/Mac/.test(navigator.userAgent), this.welcomeInfo);
  }

  /** Takes out turns the host replaced (an edited question and what followed, a regenerated answer). */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.live.delete(id);
      this.elementOf(id)?.remove();
    }
    this.updateBusy();
    this.refreshTurnActions();
  }

  /** The text of a question as the user typed it, for Edit. */
  questionText(id: string): string | undefined {
    return this.elementOf(id)?.querySelector('.user-text')?.textContent ?? undefined;
  }

  private elementOf(id: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[data-turn-id="${CSS.escape(id)}"]`);
  }

  /**
   * Regenerate on the last answer and Edit on its question, once that answer has ended: both replace the
   * end of the conversation, so earlier turns never offer them.
   */
  private refreshTurnActions(): void {
    for (const old of Array.from(this.root.querySelectorAll('.turn-actions'))) old.remove();
    const turns = this.root.querySelectorAll<HTMLElement>(':scope > .turn');
    const answer = turns[turns.length - 1];
    // The question is the last one asked: a failed Regenerate leaves the earlier answer between them.
    const questions = this.root.querySelectorAll<HTMLElement>(':scope > .turn-user');
    const question = questions[questions.length - 1];
    if (!answer?.classList.contains('turn-assistant') || answer.classList.contains('streaming') || !question) return;
    // A question about code (Explain, Ask About Selection) is shown as a label; editing that label would
    // send it without its code, so only Regenerate is offered for it.
    if (!question.querySelector('.chip-static')) question.appendChild(turnActions([['edit', l10n.t('Edit'), l10n.t('Edit this question and send it again')]]));
    answer.appendChild(turnActions([['regenerate', l10n.t('Regenerate'), l10n.t('Write a new answer to the same prompt')]]));
  }

  add(turn: TurnView): void {
    this.root.querySelector(':scope > .empty')?.remove();
    if (turn.role === 'user') this.scroll.follow();
    const element = el('article', `turn turn-${turn.role}`);
    element.dataset.turnId = turn.id;
    element.setAttribute('aria-label', turn.role === 'user' ? l10n.t('You') : l10n.t('Phi-4'));
    this.root.appendChild(element);
    this.fill(element, turn);
    this.refreshTurnActions();
  }

  appendChunk(id: string, text: string): void {
    const entry = this.live.get(id);
    if (!entry) return;
    entry.renderer.append(text);
    this.paceChars += text.length;
    // A frame or the timer that requests one is already pending: it draws this chunk too.
    if (!this.frame && !this.timer) this.schedule();
  }

  /**
   * Renders on an animation frame, however many chunks arrived, and never more often than every
   * MIN_FRAME_GAP_MS (FAST_FRAME_GAP_MS in a fast stream) or 8× the last render's cost — so a long block
   * being written cannot hog the view.
   * Called for the first chunk after a frame: a timer then requests the next frame when it is due, and
   * later chunks only wait for it, so a chunk never reads the clock.
   */
  private schedule(): void {
    if (this.frame) return;
    const gap = this.fast ? FAST_FRAME_GAP_MS : MIN_FRAME_GAP_MS;
    const due = Math.max(this.lastRenderAt + Math.max(gap, this.lastRenderCost * 8), this.waitingUntil);
    const wait = due - performance.now();
    if (wait <= 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.frame = requestAnimationFrame(() => this.drawFrame());
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.frame ||= requestAnimationFrame(() => this.drawFrame());
      }, wait);
    }
  }

  private drawFrame(): void {
    this.frame = 0;
    const started = performance.now();
    if (started - this.paceSince >= PACE_WINDOW_MS) {
      this.fast = this.paceChars > (started - this.paceSince) * FAST_CHARS_PER_MS;
      this.paceSince = started;
      this.paceChars = 0;
    }
    // Frames of a fast stream are further apart than a slow stream's redraws, so each of them may redraw.
    const gap = this.fast ? 0 : REDRAW_GAP_MS;
    const mayRedraw = started - this.lastRedrawAt >= gap;
    let waiting = false;
    for (const entry of this.live.values()) {
      const outcome = entry.renderer.render(mayRedraw);
      if (outcome === 'redrawn') this.lastRedrawAt = started;
      waiting ||= outcome === 'waiting';
      if (this.announceWhileStreaming) this.announceSentences(entry);
    }
    this.lastRenderAt = performance.now();
    this.lastRenderCost = this.lastRenderAt - started;
    this.waitingUntil = waiting ? this.lastRedrawAt + gap : 0;
    if (waiting) this.schedule();
  }

  /** A question now carries its "Context used" list; an open list stays open. */
  updateQuestion(turn: TurnView): void {
    const element = this.elementOf(turn.id);
    if (!element || turn.role !== 'user') return;
    const wasOpen = element.querySelector<HTMLDetailsElement>('.context-used')?.open ?? false;
    const actions = element.querySelector('.turn-actions');
    element.replaceChildren();
    this.fill(element, turn);
    if (actions) element.appendChild(actions);
    const details = element.querySelector<HTMLDetailsElement>('.context-used');
    if (details) details.open = wasOpen;
  }

  end(turn: TurnView): void {
    const element = this.elementOf(turn.id);
    const entry = this.live.get(turn.id);
    this.live.delete(turn.id);
    this.updateBusy();
    if (!element) return; // the answer belongs to a conversation no longer shown
    const alreadyRead = this.announceWhileStreaming ? entry?.announced ?? 0 : 0;
    if (entry && entry.renderer.source === turn.text) {
      entry.renderer.finish();
      element.classList.remove('streaming');
      this.footer(element, turn);
    } else {
      element.replaceChildren();
      this.fill(element, turn);
    }
    this.announce(element, turn, alreadyRead);
    this.refreshTurnActions();
  }

  /**
   * Screen readers hear a streamed answer once, when it ends: the transcript is not a live region, and
   * only this status line speaks. The rendered text is read, not the markdown source.
   */
  private announce(element: HTMLElement, turn: TurnView, alreadyRead: number): void {
    const answer = (element.querySelector('.answer')?.textContent ?? '').slice(alreadyRead).trim();
    if (alreadyRead > 0 && !turn.error && turn.state === 'done') {
      this.announcer.textContent = answer;
      return;
    }
    const spoken = answer.length > ANNOUNCED_CHARS ? `${answer.slice(0, ANNOUNCED_CHARS)}…` : answer;
    if (turn.error) this.announcer.textContent = (turn.text ? l10n.t('Answer interrupted: ') : '') + turn.error.message;
    else if (turn.state === 'done') this.announcer.textContent = l10n.t('Phi-4 answered: {0}', spoken);
    else this.announcer.textContent = turn.text ? l10n.t('Stopped — partial answer.') : l10n.t('Answer stopped.');
  }

  /** Reads the sentences completed since the last frame, as rendered text, each part once. */
  private announceSentences(entry: { element: HTMLElement; announced: number }): void {
    const text = entry.element.querySelector('.answer')?.textContent ?? '';
    let end = -1;
    // A sentence ends at punctuation before a space, a block at a line break followed by the next block's
    // text; a line break at the very end is only the renderer's, after the block still being written.
    for (const m of text.slice(entry.announced).matchAll(/[.!?:](?=\s)|\n(?=\S)/g)) end = m.index + 1;
    if (end < 0) return;
    const sentences = text.slice(entry.announced, entry.announced + end).trim();
    entry.announced += end;
    if (sentences) this.announcer.textContent = sentences;
  }

  /** The transcript is busy while any answer is streaming into it. */
  private updateBusy(): void {
    this.root.setAttribute('aria-busy', String(this.live.size > 0));
  }

  private fill(element: HTMLElement, turn: TurnView): void {
    if (turn.role === 'user') {
      if (turn.context) element.appendChild(el('div', 'chip chip-static', `${turn.context.label} · ${turn.context.languageId}`));
      element.appendChild(el('div', 'user-text', turn.text));
      if (turn.contextUsed && turn.contextUsed.length > 0) element.appendChild(contextUsedView(turn.contextUsed));
      return;
    }
    const body = el('div', 'answer markdown');
    element.appendChild(body);
    if (turn.state === 'streaming') {
      element.classList.add('streaming');
      const renderer = new IncrementalMarkdown(this.md, body, this.sanitize, hooks);
      this.live.set(turn.id, { renderer, element, announced: 0 });
      if (turn.text) {
        renderer.append(turn.text);
        renderer.render();
      }
      this.updateBusy();
      this.announcer.textContent = l10n.t('Phi-4 is answering…');
      return;
    }
    renderMarkdownOnce(this.md, body, this.sanitize, hooks, turn.text);
    this.footer(element, turn);
  }

  private footer(element: HTMLElement, turn: TurnView): void {
    if (turn.state === 'stopped') element.appendChild(el('div', 'turn-mark stopped', turn.text ? l10n.t('Stopped — partial answer') : l10n.t('Stopped')));
    if (turn.error) {
      // Not an alert: end() announces it once, and restoring a conversation must not read old errors aloud.
      const box = el('div', 'turn-error');
      box.appendChild(el('p', 'error-message', (turn.text ? l10n.t('Answer interrupted: ') : '') + turn.error.message));
      for (const action of turn.error.actions) {
        const button = el('button', 'action-button', ACTION_LABELS[action]);
        button.type = 'button';
        button.dataset.action = action;
        box.appendChild(button);
      }
      element.appendChild(box);
    }
    for (const note of turn.notes ?? []) element.appendChild(el('div', 'turn-note', note));
    if (turn.stats) element.appendChild(el('div', 'turn-stats', formatStats(turn.stats)));
  }
}

function turnActions(actions: readonly (readonly [action: string, label: string, title: string])[]): HTMLElement {
  const bar = el('div', 'turn-actions');
  for (const [action, label, title] of actions) {
    const button = el('button', 'turn-action', label);
    button.type = 'button';
    // The title is its description; the name stays the visible label, so speech input can say it.
    button.title = title;
    button.dataset.turnAction = action;
    bar.appendChild(button);
  }
  return bar;
}

const LOAD_WORTH_SHOWING_MS = 100;

function seconds(ms: number): string {
  return l10n.t('{0} s', (ms / 1000).toFixed(2));
}

export function formatStats(s: StatsView): string {
  const parts = [s.model];
  if (s.promptTokens !== undefined || s.answerTokens !== undefined) parts.push(l10n.t('{0} prompt → {1} answer tokens', s.promptTokens ?? '?', s.answerTokens ?? '?'));
  if (s.timeToFirstTokenMs !== undefined) parts.push(l10n.t('first token {0}', seconds(s.timeToFirstTokenMs)));
  if (s.tokensPerSecond !== undefined) parts.push(l10n.t('{0} tok/s', s.tokensPerSecond.toFixed(1)));
  if (s.cachedPromptTokens !== undefined) parts.push(l10n.t('{0} prompt tokens cached', s.cachedPromptTokens));
  if (s.promptEvalMs !== undefined) parts.push(l10n.t('prompt read in {0}', seconds(s.promptEvalMs)));
  // A loaded model reports a few milliseconds; only a real load explains a slow first answer.
  if (s.loadMs !== undefined && s.loadMs >= LOAD_WORTH_SHOWING_MS) parts.push(l10n.t('model loaded in {0}', seconds(s.loadMs)));
  return parts.join(' · ');
}
