// Entry of the chat webview: wires the DOM to the host through the typed protocol.
import * as l10n from '@vscode/l10n';
import { loadL10nBundle } from './l10n';
import { questionTooLong, type ActionId, type Banner, type ContextChip, type ConversationSummary, type HostToWebview } from '../protocol/messages';
import { parseSlashCommand, unknownCommandHint } from '../protocol/slashCommands';
import { el } from './el';
import { createMarkdown } from './markdown/createMarkdown';
import { createSanitizer } from './markdown/sanitize';
import { MentionCompletion } from './MentionCompletion';
import { SlashCompletion } from './SlashCompletion';
import { TranscriptView } from './TranscriptView';
import { loadState, saveState, send } from './vscodeApi';

// Before anything draws text: the host wrote the translations into the page.
loadL10nBundle(document.body.dataset.l10n);

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const input = $<HTMLTextAreaElement>('prompt');
const sendButton = $<HTMLButtonElement>('send');
const stopButton = $<HTMLButtonElement>('stop');
const modelSelect = $<HTMLSelectElement>('model');
const chipBox = $<HTMLDivElement>('chips');
const bannerBox = $<HTMLDivElement>('banner');
const historyBox = $<HTMLDivElement>('history');
const historyList = $<HTMLUListElement>('history-list');
const queueNote = $<HTMLDivElement>('queue');
const noticeBox = $<HTMLDivElement>('notice');
const editingBox = $<HTMLDivElement>('editing');
const toggleHistoryButton = $<HTMLButtonElement>('toggle-history');
const transcript = new TranscriptView($('transcript'), $('announcer'), createMarkdown(), createSanitizer(window));
const completion = new SlashCompletion(input, $<HTMLUListElement>('slash-list'), (_command, submitNow) => {
  persist({ draft: input.value });
  if (submitNow) submit();
});
const mentions = new MentionCompletion(
  input,
  $<HTMLUListElement>('mention-list'),
  (query) => send({ type: 'mentionQuery', query }),
  (option) => {
    persist({ draft: input.value });
    send({ type: 'addMention', id: option.id });
  },
);

let state = loadState();
let currentId = '';
/** The question being edited: the next message sent replaces it and what followed it. */
let editingId: string | undefined;
input.value = state.draft;

function persist(patch: Partial<typeof state>): void {
  state = { ...state, ...patch };
  saveState(state);
}

let noticeTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows a one-off remark above the input for a while, and tells screen readers. */
function showNotice(text: string): void {
  $('announcer').textContent = text;
  noticeBox.textContent = text;
  noticeBox.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => (noticeBox.hidden = true), 10_000);
}

function submit(): void {
  const text = input.value.trim();
  if (!text) return;
  // The host would refuse it too; checked here so the text stays in the box to be shortened.
  const tooLong = questionTooLong(text);
  if (tooLong) return showNotice(tooLong);
  const command = parseSlashCommand(text);
  // An unknown command never reaches the model; the text stays in the box to be corrected.
  if (command?.kind === 'unknown') return showNotice(unknownCommandHint(command.name));
  noticeBox.hidden = true;
  if (command) send({ type: 'slashCommand', name: command.name, argument: command.argument });
  else {
    send({ type: 'send', text, ...(editingId ? { replaces: editingId } : {}) });
    setEditing(undefined);
  }
  persist({ draft: '', lastPrompt: text });
  input.value = '';
  completion.update();
  // Sent with the Send button too: the next question is typed where the last one was.
  input.focus();
}

/** Puts a question back in the input to be changed and sent again, or (undefined) stops editing. */
function setEditing(id: string | undefined, text?: string): void {
  editingId = id;
  editingBox.hidden = id === undefined;
  if (id === undefined || text === undefined) return;
  input.value = text;
  persist({ draft: text });
  completion.update();
  input.focus();
  input.setSelectionRange(text.length, text.length);
}

input.addEventListener('keydown', (e) => {
  if (mentions.handleKey(e) || completion.handleKey(e)) return;
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    submit();
  } else if (e.key === 'ArrowUp' && input.value === '' && state.lastPrompt) {
    e.preventDefault();
    input.value = state.lastPrompt;
  } else if (e.key === 'Escape' && editingId !== undefined) {
    e.preventDefault();
    setEditing(undefined);
  }
});
// Escape anywhere in the view: closes the history panel when focus is in it, otherwise stops the answer.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  if (!historyBox.hidden && historyBox.contains(document.activeElement)) {
    e.preventDefault();
    setHistoryOpen(false);
    toggleHistoryButton.focus();
  } else if (!stopButton.hidden) {
    e.preventDefault();
    stopAnswer();
  }
});
input.addEventListener('input', () => {
  persist({ draft: input.value });
  completion.update();
  mentions.update();
});
// The list belongs to the input: it closes when focus leaves (a click on an option keeps focus, see SlashCompletion).
input.addEventListener('blur', () => completion.open && completion.close());
$('cancel-edit').addEventListener('click', () => setEditing(undefined));
sendButton.addEventListener('click', submit);
stopButton.addEventListener('click', stopAnswer);
$('new-chat').addEventListener('click', () => {
  send({ type: 'newChat' });
  input.focus();
});
toggleHistoryButton.addEventListener('click', () => {
  setHistoryOpen(historyBox.hidden);
  if (!historyBox.hidden) historyButtons()[0]?.focus();
});
// Up/Down (and Home/End) move between the history panel's buttons, as in a list.
historyBox.addEventListener('keydown', (e) => {
  const buttons = historyButtons();
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
  if (next === undefined || at < 0) return;
  e.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
});

/** The stop button disappears once the answer stops, so focus goes back to the input rather than nowhere. */
function stopAnswer(): void {
  send({ type: 'stop' });
  input.focus();
}

function setHistoryOpen(open: boolean): void {
  historyBox.hidden = !open;
  toggleHistoryButton.setAttribute('aria-expanded', String(open));
}

/** The history panel's buttons in order: each conversation (open, delete), then Clear all. */
function historyButtons(): HTMLButtonElement[] {
  return Array.from(historyBox.querySelectorAll<HTMLButtonElement>('button'));
}
$('clear-history').addEventListener('click', () => send({ type: 'clearHistory' }));
modelSelect.addEventListener('change', () => send({ type: 'selectModel', model: modelSelect.value }));

// One delegated listener for everything rendered later: code buttons, links, actions, history rows.
document.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const link = target.closest('a');
  if (link) {
    e.preventDefault();
    const href = link.getAttribute('href');
    if (href) send({ type: 'openLink', href });
    return;
  }
  const codeButton = target.closest<HTMLElement>('[data-code-action]');
  if (codeButton) {
    const code = codeButton.closest('.code-block')?.querySelector('code')?.textContent ?? '';
    const action = codeButton.dataset.codeAction;
    if (action === 'copy') {
      send({ type: 'copyCode', code });
      codeButton.textContent = l10n.t('Copied');
      setTimeout(() => (codeButton.textContent = l10n.t('Copy')), 1500);
    } else send({ type: 'insertCode', code, mode: action === 'replace' ? 'replace' : 'insert' });
    return;
  }
  const contextButton = target.closest<HTMLElement>('[data-context-path]');
  if (contextButton) {
    const { contextPath, contextStart, contextEnd } = contextButton.dataset;
    return send({ type: 'openContext', path: contextPath ?? '', startLine: Number(contextStart), endLine: Number(contextEnd) });
  }
  const turnButton = target.closest<HTMLElement>('[data-turn-action]');
  if (turnButton) {
    const id = turnButton.closest<HTMLElement>('[data-turn-id]')?.dataset.turnId;
    if (!id) return;
    if (turnButton.dataset.turnAction === 'regenerate') return send({ type: 'regenerate', turnId: id });
    return setEditing(id, transcript.questionText(id) ?? '');
  }
  const actionButton = target.closest<HTMLElement>('[data-action]');
  if (actionButton) return send({ type: 'action', action: actionButton.dataset.action as ActionId });
  if (target.closest('[data-welcome-action]')) return send({ type: 'openSample' });
  const row = target.closest<HTMLElement>('[data-conversation]');
  if (row) {
    const id = row.dataset.conversation!;
    if (target.closest('.delete')) {
      // The list is drawn again without this row: focus then goes to the row that took its place.
      focusHistoryRowAfterUpdate = Array.from(historyList.children).indexOf(row);
      send({ type: 'deleteConversation', id });
    } else {
      send({ type: 'switchConversation', id });
      setHistoryOpen(false);
      input.focus();
    }
  }
});

function chipText(chip: ContextChip): string {
  if (chip.kind === 'file' || chip.kind === 'problems') return chip.label;
  const lines = chip.lineCount === 1 ? l10n.t('1 line') : l10n.t('{0} lines', chip.lineCount);
  if (chip.kind === 'symbol') return `${chip.label} · ${lines}`;
  return `${chip.label} · ${chip.languageId} · ${lines}`;
}

/** The chips waiting in the input, each removable. */
function showChips(chips: readonly ContextChip[]): void {
  chipBox.replaceChildren();
  chipBox.hidden = chips.length === 0;
  for (const chip of chips) {
    const box = el('span', 'chip');
    box.dataset.kind = chip.kind ?? 'selection';
    box.appendChild(el('span', 'chip-label', chipText(chip)));
    const remove = el('button', 'chip-remove', '×');
    remove.type = 'button';
    remove.title = l10n.t('Remove this context');
    remove.setAttribute('aria-label', l10n.t('Remove context {0}', chip.label));
    remove.addEventListener('click', () => send({ type: 'removeContext', id: chip.id }));
    box.appendChild(remove);
    chipBox.appendChild(box);
  }
}

function showBanner(banner: Banner | null): void {
  bannerBox.replaceChildren();
  bannerBox.hidden = !banner;
  if (!banner) return;
  bannerBox.className = `banner banner-${banner.kind}`;
  bannerBox.appendChild(el('strong', 'banner-title', banner.title));
  bannerBox.appendChild(el('p', 'banner-message', banner.message));
  for (const action of banner.actions) {
    const button = el('button', 'action-button', action.label);
    button.type = 'button';
    button.dataset.action = action.id;
    bannerBox.appendChild(button);
  }
}

let focusHistoryRowAfterUpdate: number | undefined;

function showHistory(items: readonly ConversationSummary[]): void {
  historyList.replaceChildren();
  for (const item of items) {
    const row = el('li', item.id === currentId ? 'history-row current' : 'history-row');
    row.dataset.conversation = item.id;
    const open = el('button', 'open', item.title);
    open.type = 'button';
    open.title = new Date(item.updatedAt).toLocaleString();
    const del = el('button', 'delete', '×');
    del.type = 'button';
    del.title = l10n.t('Delete conversation');
    del.setAttribute('aria-label', l10n.t('Delete {0}', item.title));
    row.append(open, del);
    historyList.appendChild(row);
  }
  if (items.length === 0) historyList.appendChild(el('li', 'history-empty', l10n.t('No saved conversations yet.')));
  if (focusHistoryRowAfterUpdate !== undefined && !historyBox.hidden) {
    const rows = historyList.querySelectorAll<HTMLButtonElement>('.history-row .open');
    (rows[Math.min(focusHistoryRowAfterUpdate, rows.length - 1)] ?? $('clear-history')).focus();
  }
  focusHistoryRowAfterUpdate = undefined;
}

function setBusy(busy: boolean, queued: number): void {
  if (!busy && document.activeElement === stopButton) input.focus();
  stopButton.hidden = !busy;
  queueNote.hidden = queued === 0;
  queueNote.textContent = queued === 0 ? '' : queued === 1 ? l10n.t('1 message queued — sent when this answer ends.') : l10n.t('{0} messages queued — sent when this answer ends.', queued);
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'restore':
      if (message.conversationId !== currentId) setEditing(undefined);
      currentId = message.conversationId;
      transcript.reset(message.turns);
      showHistory(message.history);
      setBusy(message.busy, 0);
      // Marks the view as live for assistive tech and for tests waiting on a fully wired view.
      document.body.dataset.ready = 'true';
      break;
    case 'history':
      currentId = message.currentId;
      showHistory(message.history);
      break;
    case 'models': {
      modelSelect.replaceChildren();
      const known = message.models.includes(message.current) || message.models.includes(`${message.current}:latest`);
      const names = known ? message.models : [message.current, ...message.models];
      for (const name of names) {
        const option = el('option', undefined, name);
        option.value = name;
        option.selected = name === message.current || name === `${message.current}:latest`;
        modelSelect.appendChild(option);
      }
      break;
    }
    case 'contextChips':
      showChips(message.chips);
      break;
    case 'mentionOptions':
      mentions.show(message.query, message.options);
      break;
    case 'turnAdded':
      transcript.add(message.turn);
      break;
    case 'answerChunk':
      transcript.appendChunk(message.id, message.text);
      break;
    case 'answerEnded':
      transcript.end(message.turn);
      break;
    case 'questionUpdated':
      transcript.updateQuestion(message.turn);
      break;
    case 'turnsRemoved':
      if (editingId !== undefined && message.ids.includes(editingId)) setEditing(undefined);
      transcript.remove(message.ids);
      break;
    case 'banner':
      showBanner(message.banner);
      break;
    case 'busy':
      setBusy(message.busy, message.queued);
      break;
    case 'notice':
      showNotice(message.message);
      break;
    case 'focusInput':
      input.focus();
      break;
    case 'unsent':
      // Only into an empty box: anything typed since is not overwritten.
      if (input.value.trim() !== '') break;
      if (message.replaces) setEditing(message.replaces, message.text);
      else {
        input.value = message.text;
        persist({ draft: message.text });
        completion.update();
      }
      break;
    case 'preferences':
      transcript.announceWhileStreaming = message.announceWhileStreaming;
      break;
    case 'welcome':
      transcript.setWelcome(message.welcome);
      break;
    default: {
      const never: never = message;
      void never;
    }
  }
});

send({ type: 'ready' });
