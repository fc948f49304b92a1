// Connects chat webviews to the ChatSession: relays the session's events to every view, validates the views'
// messages, keeps model list, banner and context chip, and carries out requests (pull, insert code, open
// links) through VS Code.
import * as vscode from 'vscode';
import type { Ask, ChatSession, SessionEvent, SessionStatus } from '../chat/ChatSession';
import { restoreSpecialTokens } from '../chatml/specialTokens';
import type { GatheredContext } from '../context/EditorContext';
import { OllamaError } from '../ollama/OllamaError';
import { isWebviewToHost, rejectionNotice, type ActionId, type Banner, type ContextChip, type HostToWebview, type WebviewToHost } from '../protocol/messages';
import { chooseModelBanner, hostNotAllowedBanner, missingModelBanner, modelMissingBanner, offlineBanner } from './chatBanners';
import { ChatEndpoint } from './ChatEndpoint';
import { insertCode } from './insertCode';
import { confirmSecret, fileMention, problemsMention, rangeMention } from './context/mentionSources';
import { openContextRange } from './context/openContextRange';
import { PendingContext, type PendingItem } from '../chat/PendingContext';
import { searchMentions, type MentionChoice } from './context/searchMentions';
import { workspacePath } from './context/workspacePath';
import { openExternalLink } from './openExternalLink';
import { runSlashCommand } from './runSlashCommand';
import type { Services } from './createServices';
import type { RequestKind } from '../request/RequestSpec';
import { welcomeInfo } from './welcomeInfo';

/** The session's status, or that nothing may be contacted until the user allows a host that is not this machine. */
export type ChatStatus = SessionStatus | 'hostNotAllowed';

export interface ChatControllerDeps {
  readonly services: Services;
  readonly session: ChatSession;
  readonly runCommand: (action: ActionId) => void;
  readonly lastEditor: () => vscode.TextEditor | undefined;
}

export class ChatController implements vscode.Disposable {
  readonly endpoints = new Set<ChatEndpoint>();
  private readonly session: ChatSession;
  private readonly services: Services;
  private readonly subscription: { dispose(): void };
  private readonly answerEmitter = new vscode.EventEmitter<{ readonly kind: RequestKind; readonly mentioned: boolean }>();
  /** A question asked through the chat got a complete answer (not stopped, no error); says which kind. */
  readonly onDidAnswer = this.answerEmitter.event;
  private banner: Banner | null = null;
  private models: readonly string[] = [];
  private readonly pending = new PendingContext();
  /**
   * What the entries of each view's @-mention list last offered stand for; ids from a view mean nothing else.
   * Ids carry their query's number, so a slow, older query cannot replace what a view shows.
   */
  private readonly offered = new WeakMap<ChatEndpoint, { readonly query: number; readonly choices: Map<string, MentionChoice> }>();
  private mentionQueries = 0;
  /** Sends the last request again (Retry after a failed answer). */
  private retryLast: (() => Promise<void>) | undefined;
  private readonly statusEmitter = new vscode.EventEmitter<ChatStatus>();
  readonly onStatus = this.statusEmitter.event;

  constructor(private readonly deps: ChatControllerDeps) {
    this.session = deps.session;
    this.services = deps.services;
    this.subscription = deps.session.onEvent((event) => this.relay(event));
  }

  private relay(event: SessionEvent): void {
    if (event.type === 'status') this.sessionStatus(event.status, event.error);
    else this.broadcast(event);
  }

  broadcast(message: HostToWebview): void {
    for (const endpoint of this.endpoints) endpoint.post(message);
  }

  attach(webview: vscode.Webview, disposables: vscode.Disposable[], onReady?: () => void): ChatEndpoint {
    const endpoint = new ChatEndpoint(webview, onReady);
    this.endpoints.add(endpoint);
    disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        if (!isWebviewToHost(raw)) {
          const notice = rejectionNotice(raw); // e.g. a message too long to answer: never stored, the user is told why
          if (notice) endpoint.post({ type: 'notice', message: notice });
          return this.services.log.warn(`ignored an invalid message from the chat view`);
        }
        void this.handle(endpoint, raw).catch((e) => this.services.log.error(`chat view request failed: ${String(e)}`));
      }),
      { dispose: () => this.endpoints.delete(endpoint) },
    );
    return endpoint;
  }

  /** The session's status after an answer starts, ends or fails. */
  private sessionStatus(status: SessionStatus, error?: OllamaError): void {
    this.statusEmitter.fire(status);
    const settings = this.services.settings();
    if (status === 'offline' && error) this.setBanner(offlineBanner(settings, error));
    else if (status === 'modelMissing') this.setBanner(settings.provider === 'ollama' ? modelMissingBanner(settings.model) : chooseModelBanner(settings, error?.message ?? vscode.l10n.t('The server does not serve this model.')));
    else if (status === 'ready' && this.banner?.kind !== 'info') this.setBanner(null);
  }

  private setBanner(banner: Banner | null): void {
    this.banner = banner;
    this.broadcast({ type: 'banner', banner });
  }

  /** A phi4.* setting changed: the status starts over and the server and model are checked again. */
  async settingsChanged(): Promise<void> {
    this.statusEmitter.fire(this.session.busy ? 'generating' : 'ready');
    const settings = this.services.settings();
    this.broadcast({ type: 'preferences', announceWhileStreaming: settings.announceWhileStreaming });
    this.broadcast({ type: 'welcome', welcome: welcomeInfo(settings) });
    await this.refresh();
  }

  /** Checks Ollama and the model, refreshing the model picker and the banner. */
  async refresh(): Promise<void> {
    const settings = this.services.settings();
    if (settings.hostError) {
      this.statusEmitter.fire('offline');
      return this.setBanner({ kind: 'offline', title: settings.provider === 'ollama' ? vscode.l10n.t('phi4.ollamaHost is not valid') : vscode.l10n.t('phi4.openaiCompatible.baseUrl is not valid'), message: settings.hostError, actions: [{ id: 'openSettings', label: vscode.l10n.t('Open Settings') }] });
    }
    // Not even the health check goes to a host that is not this machine before the user agreed.
    if (!this.services.consent.isAccepted(settings.host)) {
      this.statusEmitter.fire('hostNotAllowed');
      return this.setBanner(hostNotAllowedBanner(settings));
    }
    try {
      const models = await this.services.client().listModels();
      this.models = models.map((m) => m.name);
      this.broadcast({ type: 'models', models: this.models, current: settings.model });
      const missing = missingModelBanner(settings, this.models);
      if (missing) {
        this.statusEmitter.fire('modelMissing');
        this.setBanner(missing);
      } else {
        if (!this.session.busy) this.statusEmitter.fire('ready');
        this.setBanner(null);
        this.preload();
      }
    } catch (e) {
      const error = e instanceof OllamaError ? e : new OllamaError('unknown', String(e), ['retry']);
      this.statusEmitter.fire('offline');
      this.setBanner(offlineBanner(settings, error));
    }
  }

  /** Loads the model while the user types their first question, once a chat view is there to ask it. */
  private preload(): void {
    if (this.endpoints.size > 0) this.preloadModel();
  }

  /** Loads the model now unless it is loaded (Explain: while the chat view opens). */
  preloadModel(): void {
    void this.services.preloader.ensure();
  }

  /** Adds a selection chip to the chat input (Ask About Selection, @selection); returns it so definitions can join it later. */
  addSelection(context: GatheredContext, chip: ContextChip): PendingItem {
    const item = this.pending.add({ chip: { ...chip, kind: 'selection' }, focus: { context, notes: [] } });
    this.showChips();
    return item;
  }

  /** Adds the definitions found later to a selection chip, unless the user removed it meanwhile. */
  updateSelection(item: PendingItem, context: GatheredContext, notes: readonly string[]): void {
    if (this.pending.has(item)) item.focus = { context, notes };
  }

  /** Adds a file chip (Add File to Phi-4 Chat, @file), after asking about one that looks like it holds secrets. */
  async addFile(uri: vscode.Uri): Promise<void> {
    if (!(await confirmSecret(uri))) return;
    this.pending.add({ chip: { label: workspacePath(uri), languageId: '', lineCount: 0, kind: 'file' }, read: (question, selection) => fileMention(uri, question, selection) });
    this.showChips();
  }

  private showChips(): void {
    this.broadcast({ type: 'contextChips', chips: this.pending.chips });
    this.broadcast({ type: 'focusInput' });
  }

  private async mentionQuery(endpoint: ChatEndpoint, query: string): Promise<void> {
    const number = ++this.mentionQueries;
    const found = (await searchMentions(query, this.deps.lastEditor())).map((f) => ({ ...f, option: { ...f.option, id: `q${number}-${f.option.id}` } }));
    if ((this.offered.get(endpoint)?.query ?? 0) > number) return;
    this.offered.set(endpoint, { query: number, choices: new Map(found.map((f) => [f.option.id, f.choice])) });
    endpoint.post({ type: 'mentionOptions', query, options: found.map((f) => f.option) });
  }

  private async addMention(endpoint: ChatEndpoint, id: string): Promise<void> {
    const choice = this.offered.get(endpoint)?.choices.get(id);
    if (!choice) return this.services.log.warn('ignored a mention the list did not offer');
    const editor = this.deps.lastEditor();
    if (choice.kind === 'file') return this.addFile(choice.uri);
    if (choice.kind === 'symbol') {
      if (!(await confirmSecret(choice.uri))) return;
      this.pending.add({ chip: { label: `${choice.name} (${workspacePath(choice.uri)}:${choice.range.start.line + 1})`, languageId: '', lineCount: choice.range.end.line - choice.range.start.line + 1, kind: 'symbol' }, read: () => rangeMention(choice.uri, choice.range, 'symbol') });
    } else if (choice.kind === 'problems' && editor) {
      const uri = editor.document.uri;
      this.pending.add({ chip: { label: vscode.l10n.t('Problems in {0}', workspacePath(uri)), languageId: '', lineCount: 0, kind: 'problems' }, read: async () => problemsMention(uri) });
    } else if (choice.kind === 'selection' && editor) {
      return void (await vscode.commands.executeCommand('phi4.askAboutSelection'));
    }
    this.showChips();
  }

  /** Sends a prepared request (Explain, or a message typed in the view). */
  async ask(ask: Ask, replaces?: string): Promise<void> {
    const settings = this.services.settings();
    if (settings.hostError) {
      await this.refresh();
      return;
    }
    if (!(await this.services.consent.confirm(settings.host))) return;
    this.retryLast = () => this.ask(ask);
    const outcome = await this.session.send(ask, replaces);
    if (outcome.error?.kind === 'modelNotFound' && settings.provider === 'ollama') this.setBanner(modelMissingBanner(settings.model));
    if (!outcome.error && outcome.turn.state === 'done') this.answerEmitter.fire({ kind: ask.kind ?? 'chat', mentioned: (ask.mentions?.length ?? 0) > 0 });
  }

  private async regenerate(turnId: string): Promise<void> {
    const settings = this.services.settings();
    if (settings.hostError) return this.refresh();
    if (!(await this.services.consent.confirm(settings.host))) return;
    const outcome = await this.session.regenerate(turnId);
    if (!outcome.refused) this.retryLast = () => this.regenerate(outcome.turn.id);
    if (outcome.refused) this.broadcast({ type: 'notice', message: outcome.refused });
    if (outcome.error?.kind === 'modelNotFound' && settings.provider === 'ollama') this.setBanner(modelMissingBanner(settings.model));
  }

  async retry(): Promise<void> {
    if (!(await this.services.consent.confirm(this.services.settings().host))) return;
    await this.refresh();
    // Before the view has opened the chat, `current` would be a blank conversation hiding the last one.
    await this.session.open();
    const last = this.session.current.turns.at(-1);
    if (this.retryLast && last?.role === 'assistant' && last.state === 'failed' && !this.banner) await this.retryLast();
  }

  snapshot(): HostToWebview[] {
    const settings = this.services.settings();
    return [
      { type: 'preferences', announceWhileStreaming: settings.announceWhileStreaming },
      // Before the conversation, so an empty chat's welcome already says where prompts go.
      { type: 'welcome', welcome: welcomeInfo(settings) },
      this.session.restoreEvent(),
      { type: 'models', models: this.models, current: settings.model },
      { type: 'banner', banner: this.banner },
      { type: 'contextChips', chips: this.pending.chips },
      { type: 'busy', busy: this.session.busy, queued: this.session.queued },
    ];
  }

  private async handle(endpoint: ChatEndpoint, message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.session.open();
        endpoint.markReady(this.snapshot());
        if (this.models.length === 0 || this.banner) await this.refresh();
        // The check at startup ran before any view existed; the first view shown is the moment to load.
        else this.preload();
        return;
      case 'send': {
        // Refused before anything is taken: the text goes back to the input and the chips stay.
        const settings = this.services.settings();
        if (settings.hostError || !(await this.services.consent.confirm(settings.host))) {
          endpoint.post({ type: 'unsent', text: message.text, ...(message.replaces ? { replaces: message.replaces } : {}) });
          if (settings.hostError) await this.refresh();
          return;
        }
        const taken = await this.pending.take(message.text);
        this.broadcast({ type: 'contextChips', chips: [] });
        return this.ask({ text: message.text, context: taken.context, chip: taken.chip, mentions: taken.mentions, notes: taken.notes }, message.replaces);
      }
      case 'regenerate':
        return this.regenerate(message.turnId);
      case 'slashCommand':
        return runSlashCommand(message.name, message.argument, { newChat: () => this.session.newChat(), notice: (m) => this.broadcast({ type: 'notice', message: m }) });
      case 'stop':
        this.services.preloader.stop();
        this.services.gathering.stop();
        return this.session.stop();
      case 'newChat':
        return this.session.newChat();
      case 'switchConversation':
        return this.session.switchTo(message.id);
      case 'deleteConversation':
        return this.session.delete(message.id);
      case 'clearHistory': {
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Delete all saved Phi-4 conversations?'), { modal: true }, vscode.l10n.t('Delete All'));
        if (choice === vscode.l10n.t('Delete All')) await this.session.clearHistory();
        return;
      }
      case 'removeContext':
        this.pending.remove(message.id);
        return this.broadcast({ type: 'contextChips', chips: this.pending.chips });
      case 'mentionQuery':
        return this.mentionQuery(endpoint, message.query);
      case 'addMention':
        return this.addMention(endpoint, message.id);
      case 'selectModel':
        // Only a model the server listed: a view's message must not be able to set any model name.
        if (!this.models.includes(message.model)) return this.services.log.warn(`ignored a request to select a model the server did not list`);
        await vscode.workspace.getConfiguration('phi4').update('model', message.model, vscode.ConfigurationTarget.Global);
        return;
      case 'action':
        if (message.action === 'retry' || message.action === 'allowHost') return this.retry();
        if (message.action === 'pullModel' && !(await this.confirmPull())) return;
        return this.deps.runCommand(message.action);
      // Code blocks show what the model wrote, with the special-token strings it echoed still neutralized.
      case 'copyCode':
        await vscode.env.clipboard.writeText(restoreSpecialTokens(message.code));
        return this.broadcast({ type: 'notice', message: vscode.l10n.t('Code copied to the clipboard.') });
      case 'insertCode':
        return insertCode(this.deps.lastEditor(), restoreSpecialTokens(message.code), message.mode, (m) => this.broadcast({ type: 'notice', message: m }));
      case 'openLink':
        return openExternalLink(message.href, this.services.log);
      case 'openContext':
        return openContextRange(message.path, message.startLine, message.endLine, (m) => this.broadcast({ type: 'notice', message: m }));
      case 'openSample':
        await vscode.commands.executeCommand('phi4.openSample');
        return;
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  /** A download of gigabytes is started from the view only after the user says so. */
  private async confirmPull(): Promise<boolean> {
    const model = this.services.settings().model;
    const size = model === 'phi4' || model === 'phi4:latest' ? ' (about 9.1 GB)' : '';
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Download {0}{1} with Ollama at {2}?', model, size, this.services.settings().host), { modal: true }, vscode.l10n.t('Pull'));
    return choice === vscode.l10n.t('Pull');
  }

  dispose(): void {
    this.subscription.dispose();
    this.session.stop();
    this.statusEmitter.dispose();
    this.answerEmitter.dispose();
  }
}
