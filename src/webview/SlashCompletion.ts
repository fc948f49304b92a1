// The completion list that opens on "/" in the chat input: a listbox the textarea points into with
// aria-activedescendant, so focus stays in the input while Up/Down move through the commands, Tab or Enter
// takes one and Escape closes the list (and only the list).
import * as l10n from '@vscode/l10n';
import { matchingCommands, type SlashCommand } from '../protocol/slashCommands';
import { el } from './el';

export class SlashCompletion {
  private shown: readonly SlashCommand[] = [];
  private active = 0;
  /** The input text the user closed the list for; it opens again once the text changes. */
  private dismissedFor: string | undefined;

  constructor(
    private readonly input: HTMLTextAreaElement,
    private readonly list: HTMLUListElement,
    /** A command was taken; `submit` when it needs nothing more (Enter on a command without an argument). */
    private readonly onChoose: (command: SlashCommand, submit: boolean) => void,
  ) {
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', l10n.t('Commands'));
    // mousedown, not click: the input keeps focus, so typing goes on where it was.
    list.addEventListener('mousedown', (e) => {
      const option = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (!option) return;
      e.preventDefault();
      this.choose(Number(option.dataset.index), false);
    });
  }

  get open(): boolean {
    return this.shown.length > 0;
  }

  /** Called after every change of the input's text. */
  update(): void {
    const text = this.input.value;
    if (this.dismissedFor !== undefined && this.dismissedFor !== text) this.dismissedFor = undefined;
    const matches = this.dismissedFor === undefined ? matchingCommands(text) : [];
    const before = this.shown[this.active]?.name;
    this.shown = matches;
    this.active = Math.max(0, matches.findIndex((c) => c.name === before));
    this.render();
  }

  close(): void {
    this.dismissedFor = this.input.value;
    this.shown = [];
    this.render();
  }

  /** Handles the keys the list owns while it is open; returns whether the key was used. */
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
        this.choose(this.active, e.key === 'Enter');
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

  private choose(index: number, enter: boolean): void {
    const command = this.shown[index];
    if (!command) return;
    this.input.value = `/${command.name}${command.argument ? ' ' : ''}`;
    this.close();
    this.onChoose(command, enter && !command.argument);
  }

  private render(): void {
    this.list.replaceChildren();
    this.list.hidden = !this.open;
    this.input.removeAttribute('aria-activedescendant');
    this.shown.forEach((command, i) => {
      const option = el('li', i === this.active ? 'slash-option active' : 'slash-option');
      option.id = `slash-option-${command.name}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', String(i === this.active));
      option.dataset.index = String(i);
      option.append(el('span', 'slash-name', `/${command.name}${command.argument ? ` ${command.argument}` : ''}`), el('span', 'slash-description', command.description));
      this.list.appendChild(option);
      if (i === this.active) {
        this.input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView?.({ block: 'nearest' });
      }
    });
  }
}
