// The one message protocol between the chat webview and the extension host. Imports only its own files and
// @vscode/l10n: both bundles compile it, and the host validates everything that arrives with isWebviewToHost.
import * as l10n from '@vscode/l10n';
import type { ContextItem } from './contextItems';
import { SLASH_COMMANDS, type SlashCommandName } from './slashCommands';
import type { WelcomeKeys } from './welcomeKeys';

export type ActionId = 'retry' | 'openSettings' | 'pullModel' | 'selectModel' | 'showLog' | 'allowHost' | 'setApiKey';

/**
 * Button text for each action, the same in the chat view and in the host's notifications. Getters, so each is
 * translated when read, after the host (or the webview) has loaded the bundle.
 */
export const ACTION_LABELS: Readonly<Record<ActionId, string>> = {
  get retry() { return l10n.t('Retry'); },
  get openSettings() { return l10n.t('Open Settings'); },
  get pullModel() { return l10n.t('Pull Model'); },
  get selectModel() { return l10n.t('Choose Model'); },
  get showLog() { return l10n.t('Show Log'); },
  get allowHost() { return l10n.t('Allow This Host'); },
  get setApiKey() { return l10n.t('Set API Key'); },
};

export interface ContextChip {
  readonly label: string; // "src/a.ts:10-20"
  readonly languageId: string;
  readonly lineCount: number;
  /** Set on a chip waiting in the chat input, so the view can ask to remove that one. */
  readonly id?: string;
  /** What the chip adds; a plain selection when absent. */
  readonly kind?: 'selection' | 'file' | 'symbol' | 'problems';
}

/** One entry of the @-mention list. */
export interface MentionOption {
  /** Opaque to the view: the host resolves it when the entry is chosen. */
  readonly id: string;
  readonly kind: 'file' | 'symbol' | 'problems' | 'selection';
  readonly label: string;
  readonly detail: string;
}

export interface StatsView {
  readonly model: string;
  readonly promptTokens?: number;
  readonly answerTokens?: number;
  readonly timeToFirstTokenMs?: number;
  readonly tokensPerSecond?: number;
  /** Prompt tokens the server took from its cache, when it reports them. */
  readonly cachedPromptTokens?: number;
  /** Time the server spent reading the prompt's uncached part. */
  readonly promptEvalMs?: number;
  /** Time the server spent loading the model for this answer. */
  readonly loadMs?: number;
  /** The prompt format the answer was asked in (phi4, chatml, ollama-template). */
  readonly format?: string;
}

export type TurnState = 'streaming' | 'done' | 'stopped' | 'failed';

export interface TurnView {
  readonly id: string;
  readonly role: 'user' | 'assistant';
  readonly text: string;
  readonly context?: ContextChip;
  /**
   * A question as it was sent to the model, with its code context: later turns re-send exactly this, so the
   * model keeps seeing the code and the prompt's start stays the same from turn to turn.
   */
  readonly sent?: string;
  /** On a question: what its prompt carried, item by item, and what was shortened or left out (the "Context used" list). */
  readonly contextUsed?: readonly ContextItem[];
  readonly state?: TurnState;
  readonly stats?: StatsView;
  /** Things the user should know about this answer (dropped context, truncation, errors). */
  readonly notes?: readonly string[];
  readonly error?: { readonly message: string; readonly actions: readonly ActionId[] };
}

export interface ConversationSummary {
  readonly id: string;
  readonly title: string;
  readonly updatedAt: number;
}

/** A condition of the whole view, not one answer: Ollama down, model missing. */
export interface Banner {
  readonly kind: 'offline' | 'modelMissing' | 'info';
  readonly title: string;
  readonly message: string;
  readonly actions: readonly { readonly id: ActionId; readonly label: string }[];
}

/** Where prompts and code go, from the settings: the empty chat's welcome says it, as the status bar does. */
export interface PromptDestination {
  readonly provider: 'ollama' | 'openai-compatible';
  /** phi4.ollamaHost or phi4.openaiCompatible.baseUrl as used; empty when the base URL is not set. */
  readonly host: string;
  /** The host is this machine, so nothing leaves it. */
  readonly local: boolean;
}

/** What the empty chat's welcome needs from the host. */
export interface WelcomeInfo {
  readonly destination: PromptDestination;
  /** The default keys, from package.json's contributes.keybindings. */
  readonly keys: WelcomeKeys;
}

export type HostToWebview =
  | { readonly type: 'restore'; readonly conversationId: string; readonly turns: readonly TurnView[]; readonly history: readonly ConversationSummary[]; readonly busy: boolean }
  | { readonly type: 'history'; readonly history: readonly ConversationSummary[]; readonly currentId: string }
  | { readonly type: 'models'; readonly models: readonly string[]; readonly current: string }
  /** The chips waiting in the chat input, sent with the next message. */
  | { readonly type: 'contextChips'; readonly chips: readonly ContextChip[] }
  | { readonly type: 'mentionOptions'; readonly query: string; readonly options: readonly MentionOption[] }
  | { readonly type: 'turnAdded'; readonly turn: TurnView }
  | { readonly type: 'answerChunk'; readonly id: string; readonly text: string }
  | { readonly type: 'answerEnded'; readonly turn: TurnView }
  /** A question now carries what was sent with it (its "Context used" list). */
  | { readonly type: 'questionUpdated'; readonly turn: TurnView }
  | { readonly type: 'turnsRemoved'; readonly ids: readonly string[] }
  | { readonly type: 'banner'; readonly banner: Banner | null }
  | { readonly type: 'busy'; readonly busy: boolean; readonly queued: number }
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'focusInput' }
  /** A message the host did not send (its host is invalid or not allowed): back into the input, nothing lost. */
  | { readonly type: 'unsent'; readonly text: string; readonly replaces?: string }
  /** How the view behaves for this user (phi4.announceWhileStreaming). */
  | { readonly type: 'preferences'; readonly announceWhileStreaming: boolean }
  /** Where prompts go and the default keys, for the empty chat's welcome; sent again when a setting changes. */
  | { readonly type: 'welcome'; readonly welcome: WelcomeInfo };

export type WebviewToHost =
  | { readonly type: 'ready' }
  /** `replaces`: the id of the question the user edited; it and everything after it are replaced. */
  | { readonly type: 'send'; readonly text: string; readonly replaces?: string }
  | { readonly type: 'regenerate'; readonly turnId: string }
  | { readonly type: 'slashCommand'; readonly name: SlashCommandName; readonly argument: string }
  | { readonly type: 'stop' }
  | { readonly type: 'newChat' }
  | { readonly type: 'switchConversation'; readonly id: string }
  | { readonly type: 'deleteConversation'; readonly id: string }
  | { readonly type: 'clearHistory' }
  /** Removes one chip (by id), or all when no id is given. */
  | { readonly type: 'removeContext'; readonly id?: string }
  | { readonly type: 'mentionQuery'; readonly query: string }
  | { readonly type: 'addMention'; readonly id: string }
  | { readonly type: 'selectModel'; readonly model: string }
  | { readonly type: 'action'; readonly action: ActionId }
  | { readonly type: 'copyCode'; readonly code: string }
  | { readonly type: 'insertCode'; readonly code: string; readonly mode: 'insert' | 'replace' }
  | { readonly type: 'openLink'; readonly href: string }
  /** Opens a file range listed under "Context used" (workspace-relative path, 0-based lines). */
  | { readonly type: 'openContext'; readonly path: string; readonly startLine: number; readonly endLine: number }
  /** "Try it on a sample file" in the empty chat's welcome. */
  | { readonly type: 'openSample' };

const ACTIONS: readonly string[] = Object.keys(ACTION_LABELS);
const MAX_TEXT = 1_000_000;

/**
 * Longest message the chat accepts. Text and code run 3–4 characters a token, so 100,000 characters are
 * 25,000–33,000 tokens: twice Phi-4's whole 16,384-token window. A longer message could never be answered,
 * and would only fail after being stored in the conversation.
 */
export const MAX_QUESTION_CHARS = 100_000;

/** What the chat view shows instead of sending a message that is too long; undefined when it is fine. */
export function questionTooLong(text: string): string | undefined {
  if (text.length <= MAX_QUESTION_CHARS) return undefined;
  const n = (v: number): string => v.toLocaleString('en-US');
  return l10n.t('Your message is too long: {0} characters, at most {1}. That is about twice what Phi-4 reads at once (16,000 tokens); shorten it or split it up.', n(text.length), n(MAX_QUESTION_CHARS));
}

const str = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const line = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Validates a message from the webview: anything else is dropped by the host. */
export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'stop':
    case 'newChat':
    case 'clearHistory':
    case 'openSample':
      return true;
    case 'removeContext':
      return m.id === undefined || str(m.id, 200);
    case 'mentionQuery':
      return str(m.query, 200);
    case 'addMention':
      return str(m.id, 4096) && m.id.length > 0;
    case 'send':
      return str(m.text, MAX_QUESTION_CHARS) && (m.replaces === undefined || str(m.replaces, 200));
    case 'slashCommand':
      return SLASH_COMMANDS.some((c) => c.name === m.name) && str(m.argument, MAX_QUESTION_CHARS);
    case 'regenerate':
    case 'switchConversation':
    case 'deleteConversation':
      return str(m.type === 'regenerate' ? m.turnId : m.id, 200);
    case 'selectModel':
      return str(m.model, 200) && m.model.length > 0;
    case 'action':
      return typeof m.action === 'string' && ACTIONS.includes(m.action);
    case 'copyCode':
      return str(m.code);
    case 'insertCode':
      return str(m.code) && (m.mode === 'insert' || m.mode === 'replace');
    case 'openLink':
      return str(m.href, 4096);
    case 'openContext':
      return str(m.path, 4096) && m.path.length > 0 && line(m.startLine) && line(m.endLine);
    default:
      return false;
  }
}

/** For a message the guard dropped that the user can cause by what they type, the notice to show them. */
export function rejectionNotice(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  return m.type === 'send' && typeof m.text === 'string' ? questionTooLong(m.text) : undefined;
}
