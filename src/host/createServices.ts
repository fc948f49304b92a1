// The services every feature shares, built once in activate(): settings, the Ollama client, the model
// resolver, remote-host consent, conversation storage and the custom instructions. Settings and the client are made on first use
// and dropped when a phi4.* setting changes, so the next request sees the new values.
import * as vscode from 'vscode';
import type { ConversationStore } from '../storage/ConversationStore';
import { askToTrimConversations } from './askToTrimConversations';
import { CustomInstructionsSource } from './CustomInstructionsSource';
import type { Logger } from '../log/Logger';
import { OllamaClient } from '../ollama/OllamaClient';
import { LastPrompts } from '../request/LastPrompts';
import { ModelPreloader } from '../request/ModelPreloader';
import { OpenAiClient } from '../openai/OpenAiClient';
import type { AnswerClient } from '../request/AnswerClient';
import { ApiKeys } from './ApiKeys';
import { ModelResolver } from '../request/ModelResolver';
import type { RequestServices } from '../request/RequestSpec';
import type { RequestSettings } from '../request/RequestSettings';
import { OllamaError } from '../ollama/OllamaError';
import { ContextGathering } from './context/ContextGathering';
import { HostConsent } from './HostConsent';
import { openConversationStorage } from './openConversationStorage';
import { affectsSettings, readSettings, type Settings } from './settings';

export interface Services extends RequestServices {
  readonly settings: () => Settings;
  /** The Ollama client for Ollama-only actions (pull, preload); requests go through `client`. */
  readonly ollama: () => OllamaClient;
  readonly apiKeys: ApiKeys;
  readonly mayContact: NonNullable<RequestServices['mayContact']>;
  readonly consent: HostConsent;
  readonly store: ConversationStore;
  /** phi4.instructions and .phi4/instructions.md, appended to the system rules of every request. */
  readonly instructions: CustomInstructionsSource;
  readonly channel: vscode.LogOutputChannel;
  /** Loads the model ahead of the first answer; drives the status bar's loading state. */
  readonly preloader: ModelPreloader;
  /** Definitions being gathered for requests not sent yet; Stop stops waiting for them. */
  readonly gathering: ContextGathering;
  /** Fires after a phi4.* setting changed and the cached settings and client were dropped. */
  readonly onDidChangeSettings: vscode.Event<void>;
  /** Fires after the user agreed to delete conversations over a lowered phi4.maxConversations. */
  readonly onDidTrimConversations: vscode.Event<void>;
}

export function createServices(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel, log: Logger): Services {
  let cachedSettings: Settings | undefined;
  const settings = (): Settings => (cachedSettings ??= readSettings(log));
  const apiKeys = new ApiKeys(context.secrets, context.globalState);
  context.subscriptions.push(apiKeys);
  let cachedClient: OllamaClient | OpenAiClient | undefined;
  const client = (): OllamaClient | OpenAiClient => {
    if (cachedClient) return cachedClient;
    const { provider, host, loadTimeoutMs, stallTimeoutMs } = settings();
    // Read per request from secret storage, so a key set or cleared applies to the next request.
    const options = { host, loadTimeoutMs, stallTimeoutMs, apiKey: () => apiKeys.get(host) };
    return (cachedClient = provider === 'openai-compatible' ? new OpenAiClient(options) : new OllamaClient(options));
  };
  const ollama = (): OllamaClient => {
    const current = client();
    return current instanceof OllamaClient ? current : new OllamaClient({ host: current.host });
  };
  const resolver = new ModelResolver();
  const changed = new vscode.EventEmitter<void>();
  const instructions = new CustomInstructionsSource(settings, log);
  context.subscriptions.push(
    changed,
    instructions,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsSettings(e)) return;
      // Settings apply to the next request; an answer already streaming finishes with the old ones.
      cachedSettings = undefined;
      cachedClient = undefined;
      resolver.invalidate();
      instructions.reread();
      changed.fire();
    }),
  );
  const consent = new HostConsent(context.globalState);
  context.subscriptions.push(consent);
  const trimmed = new vscode.EventEmitter<void>();
  context.subscriptions.push(trimmed);
  const store = openConversationStorage(context, () => ({ maxConversations: settings().maxConversations, maxTurns: 200 }), {
    problem: (message) => {
      log.warn(message);
      void vscode.window.showWarningMessage(message);
    },
    overLimit: (over) => void askToTrimConversations(over, async () => trimmed.fire()),
  });
  // Checked again right before sending: a request may have waited in the queue while the host setting changed.
  const mayContact = async (request: RequestSettings): Promise<OllamaError | undefined> => {
    const hostError = settings().hostError;
    if (hostError) return new OllamaError('invalidHost', hostError, ['openSettings']);
    if (!(await consent.confirm(request.host))) return new OllamaError('cancelled', vscode.l10n.t('Not sent: {0} is not allowed.', request.host), []);
    return undefined;
  };
  const lastPrompts = new LastPrompts();
  // Preloading never asks for consent: it waits until the host is valid and allowed.
  const preloader = new ModelPreloader({ settings, ollama, resolver, log }, (s) => !settings().hostError && consent.isAccepted(s.host));
  return { settings, client: client as () => AnswerClient, ollama, apiKeys, resolver, lastPrompts, preloader, gathering: new ContextGathering(), log, channel, store, consent, instructions, mayContact, onDidChangeSettings: changed.event, onDidTrimConversations: trimmed.event };
}
