// Connects chat webviews to the ChatSession: validates their messages, keeps model list, banner and
// context chip, and carries out their requests (pull, insert code, open links) through VS Code.
import * as vscode from 'vscode';
import type { Ask, ChatSession, SessionStatus } from '../chat/ChatSession';
import type { Logger } from '../chat/Logger';
import type { ResolvedModel } from '../chat/ModelResolver';
import type { GatheredContext } from '../context/EditorContext';
import type { OllamaClient } from '../ollama/OllamaClient';
import { OllamaError } from '../ollama/OllamaError';
import { isWebviewToHost, type ActionId, type Banner, type ContextChip, type HostToWebview, type WebviewToHost } from '../protocol/messages';
import { ChatEndpoint } from './ChatEndpoint';
import { insertCode } from './insertCode';
import { openExternalLink } from './openExternalLink';
import type { Settings } from './settings';

export interface ChatControllerDeps {
  readonly settings: () => Settings;
  readonly client: () => OllamaClient;
  readonly log: Logger;
  readonly runCommand: (action: ActionId) => void;
  readonly lastEditor: () => vscode.TextEditor | undefined;
  readonly confirmHost: () => Promise<boolean>;
  readonly resolveModel: (client: OllamaClient) => Promise<ResolvedModel>;
}

export class ChatController implements vscode.Disposable {
  readonly endpoints = new Set<ChatEndpoint>();
  private session!: ChatSession;
  private banner: Banner | null = null;
  private models: readonly string[] = [];
  private pendingContext: { context: GatheredContext; chip: ContextChip } | undefined;
  private lastAsk: Ask | undefined;
  private preloaded = '';
  private readonly statusEmitter = new vscode.EventEmitter<SessionStatus>();
  readonly onStatus = this.statusEmitter.event;

  constructor(private readonly deps: ChatControllerDeps) {}

  /** Set once: the session posts through this controller, so it is created after it. */
  bind(session: ChatSession): void {
    this.session = session;
  }

  get chat(): ChatSession {
    return this.session;
  }

  broadcast(message: HostToWebview): void {
    for (const endpoint of this.endpoints) endpoint.post(message);
  }

  attach(webview: vscode.Webview, disposables: vscode.Disposable[], onReady?: () => void): ChatEndpoint {
    const endpoint = new ChatEndpoint(webview, onReady);
    this.endpoints.add(endpoint);
    disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        if (!isWebviewToHost(raw)) return this.deps.log.warn(`ignored an invalid message from the chat view`);
        void this.handle(endpoint, raw).catch((e) => this.deps.log.error(`chat view request failed: ${String(e)}`));
      }),
      { dispose: () => this.endpoints.delete(endpoint) },
    );
    return endpoint;
  }

  /** Called by the session whenever an answer ends or fails. */
  sessionStatus(status: SessionStatus, error?: OllamaError): void {
    this.statusEmitter.fire(status);
    if (status === 'offline' && error) this.setBanner(offlineBanner(this.deps.settings().host, error));
    else if (status === 'modelMissing') this.setBanner(modelMissingBanner(this.deps.settings().model));
    else if (status === 'ready' && this.banner?.kind !== 'info') this.setBanner(null);
  }

  private setBanner(banner: Banner | null): void {
    this.banner = banner;
    this.broadcast({ type: 'banner', banner });
  }

  /** Checks Ollama and the model, refreshing the model picker and the banner. */
  async refresh(): Promise<void> {
    const settings = this.deps.settings();
    if (settings.hostError) {
      this.statusEmitter.fire('offline');
      return this.setBanner({ kind: 'offline', title: 'phi4.ollamaHost is not valid', message: settings.hostError, actions: [{ id: 'openSettings', label: 'Open Settings' }] });
    }
    try {
      const models = await this.deps.client().listModels();
      this.models = models.map((m) => m.name);
      this.broadcast({ type: 'models', models: this.models, current: settings.model });
      const wanted = settings.model.includes(':') ? settings.model : `${settings.model}:latest`;
      if (!this.models.includes(wanted)) {
        this.statusEmitter.fire('modelMissing');
        this.setBanner(modelMissingBanner(settings.model));
      } else {
        if (!this.session?.busy) this.statusEmitter.fire('ready');
        this.setBanner(null);
        this.preload();
      }
    } catch (e) {
      const error = e instanceof OllamaError ? e : new OllamaError('unknown', String(e), ['retry']);
      this.statusEmitter.fire('offline');
      this.setBanner(offlineBanner(settings.host, error));
    }
  }

  /**
   * Loads the model into memory while the user types their first question (once per host and model),
   * with the same num_ctx the requests will use so Ollama does not reload it.
   */
  private preload(): void {
    const settings = this.deps.settings();
    const key = `${settings.host}|${settings.model}`;
    if (this.preloaded === key || this.endpoints.size === 0) return;
    this.preloaded = key;
    const client = this.deps.client();
    void this.deps
      .resolveModel(client)
      .then((resolved) => client.preload(settings.model, resolved.numCtx, settings.keepAlive))
      .then(() => this.deps.log.info(`preloaded ${settings.model}`))
      .catch((e: unknown) => {
        this.preloaded = '';
        this.deps.log.warn(`preloading ${settings.model} failed: ${e instanceof Error ? e.message : String(e)}`);
      });
  }

  setContext(context: GatheredContext, chip: ContextChip): void {
    this.pendingContext = { context, chip };
    this.broadcast({ type: 'contextChip', chip });
    this.broadcast({ type: 'focusInput' });
  }

  /** Sends a prepared request (Explain, or a message typed in the view). */
  async ask(ask: Ask): Promise<void> {
    const settings = this.deps.settings();
    if (settings.hostError) {
      await this.refresh();
      return;
    }
    if (!(await this.deps.confirmHost())) return;
    this.lastAsk = ask;
    const outcome = await this.session.send(ask);
    if (outcome.error?.kind === 'modelNotFound') this.setBanner(modelMissingBanner(settings.model));
  }

  async retry(): Promise<void> {
    await this.refresh();
    const last = this.session.current.turns.at(-1);
    if (this.lastAsk && last?.role === 'assistant' && last.state === 'failed' && !this.banner) await this.ask(this.lastAsk);
  }

  snapshot(): HostToWebview[] {
    const settings = this.deps.settings();
    return [
      this.session.restoreMessage(),
      { type: 'models', models: this.models, current: settings.model },
      { type: 'banner', banner: this.banner },
      { type: 'contextChip', chip: this.pendingContext?.chip ?? null },
      { type: 'busy', busy: this.session.busy, queued: this.session.queued },
    ];
  }

  private async handle(endpoint: ChatEndpoint, message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.session.open();
        endpoint.markReady(this.snapshot());
        if (this.models.length === 0 || this.banner) await this.refresh();
        return;
      case 'send': {
        const pending = this.pendingContext;
        this.pendingContext = undefined;
        this.broadcast({ type: 'contextChip', chip: null });
        return this.ask({ text: message.text, context: pending?.context, chip: pending?.chip });
      }
      case 'stop':
        return this.session.stop();
      case 'newChat':
        return this.session.newChat();
      case 'switchConversation':
        return this.session.switchTo(message.id);
      case 'deleteConversation':
        return this.session.delete(message.id);
      case 'clearHistory': {
        const choice = await vscode.window.showWarningMessage('Delete all saved Phi-4 conversations?', { modal: true }, 'Delete All');
        if (choice === 'Delete All') await this.session.clearHistory();
        return;
      }
      case 'removeContext':
        this.pendingContext = undefined;
        return this.broadcast({ type: 'contextChip', chip: null });
      case 'selectModel':
        await vscode.workspace.getConfiguration('phi4').update('model', message.model, vscode.ConfigurationTarget.Global);
        return;
      case 'action':
        if (message.action === 'retry') return this.retry();
        return this.deps.runCommand(message.action);
      case 'copyCode':
        await vscode.env.clipboard.writeText(message.code);
        return this.broadcast({ type: 'notice', message: 'Code copied to the clipboard.' });
      case 'insertCode':
        return insertCode(this.deps.lastEditor(), message.code, message.mode, (m) => this.broadcast({ type: 'notice', message: m }));
      case 'openLink':
        return openExternalLink(message.href, this.deps.log);
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  dispose(): void {
    this.session?.stop();
    this.statusEmitter.dispose();
  }
}

function offlineBanner(host: string, error: OllamaError): Banner {
  return {
    kind: 'offline',
    title: `Ollama is not reachable at ${host}`,
    message: error.kind === 'unreachable' ? `${error.message} Not installed yet? Get it from ollama.com.` : error.message,
    actions: [
      { id: 'retry', label: 'Retry' },
      { id: 'openSettings', label: 'Open Settings' },
    ],
  };
}

function modelMissingBanner(model: string): Banner {
  return {
    kind: 'modelMissing',
    title: `The model "${model}" is not installed`,
    message: model.startsWith('phi4') ? `Download it with Ollama (phi4 is about 9.1 GB).` : `Download it with Ollama or choose another model.`,
    actions: [
      { id: 'pullModel', label: `Pull ${model}${model === 'phi4' ? ' (9.1 GB)' : ''}` },
      { id: 'selectModel', label: 'Choose Model' },
    ],
  };
}
