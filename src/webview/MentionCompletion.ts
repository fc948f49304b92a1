// The @-mention list in the chat input: typing "@" and a few letters asks the host for matching files,
// symbols, @problems and @selection; the list is a listbox the textarea points into (aria-activedescendant),
// Up/Down move, Tab or Enter take an entry (it becomes a chip and the "@…" text goes), Escape closes it.
import * as l10n from '@vscode/l10n';
import type { MentionOption } from '../protocol/messages';
import { el } from './el';

/** The "@query" the caret is at the end of, if any. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | undefined {
  const m = /(^|\s)@([^\s@]{0,100})$/.exec(text.slice(0, caret));
  return m ? { start: caret - m[2].length - 1, query: m[2] } : undefined;
}

export class MentionCompletion {
  private shown: readonly MentionOption[] = [];
  private active = 0;
  private asked: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly input: HTMLTextAreaElement,
    private readonly list: HTMLUListElement,
    private readonly ask: (query: string) => void,
    private readonly onChoose: (option: MentionOption) => void,
  ) {
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', l10n.t('Add context: files, symbols, problems, selection'));
    list.addEventListener('mousedown', (e) => {
      const option = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (!option) return;
      e.preventDefault();
      this.choose(Number(option.dataset.index));
    });
  }

  get open(): boolean {
    return this.shown.length > 0;
  }

  /** Called after every change of the input's text or caret. */
  update(): void {
    const at = mentionAt(this.input.value, this.input.selectionStart ?? this.input.value.length);
    if (!at) return this.close();
    if (at.query === this.asked) return;
    this.asked = at.query;
    clearTimeout(this.timer);
    // A short pause, so typing a name asks once rather than per letter.
    this.timer = setTimeout(() => this.ask(at.query), 60);
  }

  /** The host's answer; ignored when the user has typed on since. */
  show(query: string, options: readonly MentionOption[]): void {
    if (query !== this.asked) return;
    this.shown = options;
    this.active = 0;
    this.render();
  }

  close(): void {
    clearTimeout(this.timer);
    this.asked = undefined;
    this.shown = [];
    this.render();
  }

  handleKey(e: KeyboardEvent): boolean {
    if (!this.open || e.isComposing) return false;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + this.shown.length) % this.shown.length;
        this.render();
        break;
      case 'Tab':
      case 'Enter':
        if (e.shiftKey) return false;
        this.choose(this.active);
        break;
      case 'Escape':
        this.close();
        break;
      default:
        return false;
    }
    e.preventDefault();
    e.stopPropagation();
    return true;
  }

  private choose(index: number): void {
    const option = this.shown[index];
    if (!option) return;
    const caret = this.input.selectionStart ?? this.input.value.length;
    const at = mentionAt(this.input.value, caret);
    if (at) {
      this.input.value = this.input.value.slice(0, at.start) + this.input.value.slice(caret);
      this.input.setSelectionRange(at.start, at.start);
    }
    this.close();
    this.onChoose(option);
  }

  private render(): void {
    this.list.replaceChildren();
    this.list.hidden = !this.open;
    if (!this.open) {
      if (this.input.getAttribute('aria-activedescendant')?.startsWith('mention-option-')) this.input.removeAttribute('aria-activedescendant');
      return;
    }
    this.input.setAttribute('aria-controls', this.list.id);
    this.shown.forEach((option, i) => {
      const item = el('li', i === this.active ? 'slash-option active' : 'slash-option');
      item.id = `mention-option-${i}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(i === this.active));
      item.dataset.index = String(i);
      item.append(el('span', 'slash-name', option.label), el('span', 'slash-description', `${option.kind} · ${option.detail}`));
      this.list.appendChild(item);
      if (i === this.active) {
        this.input.setAttribute('aria-activedescendant', item.id);
        item.scrollIntoView?.({ block: 'nearest' });
      }
    });
  }
}
