// Reads the custom instructions: phi4.instructions (a user setting) and each workspace folder's
// .phi4/instructions.md, the latter only in a trusted workspace, because an untrusted repository must not be
// able to steer what the model writes. Both are watched so the chat can say when a change waits for a new chat.
import * as vscode from 'vscode';
import type { Logger } from '../log/Logger';
import { customInstructions, REPOSITORY_INSTRUCTIONS_FILE, withInstructions, type CustomInstructions, type SystemText } from '../prompt/customInstructions';
import type { Settings } from './settings';

/** More than this is not instructions; reading stops here so a huge file costs nothing. */
const MAX_FILE_CHARS = 64_000;

export class CustomInstructionsSource implements vscode.Disposable {
  private lastText: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the instructions a new request would get are different from before. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly settings: () => Settings,
    private readonly log: Logger,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${REPOSITORY_INSTRUCTIONS_FILE}`);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.reread()),
      watcher.onDidChange(() => this.reread()),
      watcher.onDidDelete(() => this.reread()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reread()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reread()),
    );
  }

  /**
   * The instructions as they are now. Read for every request (a small file per workspace folder), so a request
   * right after an edit never races the file watcher.
   */
  async current(): Promise<CustomInstructions> {
    const read = await this.read();
    this.lastText ??= read.text;
    return read;
  }

  /** `base` rules with the instructions appended, for one request; never fails (no instructions then). */
  readonly systemFor = async (base: string): Promise<SystemText> => withInstructions(base, await this.current());

  /** Settings changed (the setting may be among them): read again and tell listeners if the result differs. */
  reread(): void {
    const before = this.lastText;
    void this.current().then((now) => {
      this.lastText = now.text;
      if (before !== undefined && now.text !== before) this.changed.fire();
    });
  }

  private async read(): Promise<CustomInstructions> {
    const files = vscode.workspace.isTrusted ? await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.readFolder(f.uri))) : [];
    return customInstructions({ user: this.settings().instructions, repository: files.filter((t) => t.trim() !== '').join('\n\n') });
  }

  private async readFolder(folder: vscode.Uri): Promise<string> {
    const uri = vscode.Uri.joinPath(folder, ...REPOSITORY_INSTRUCTIONS_FILE.split('/'));
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return new TextDecoder().decode(bytes.subarray(0, MAX_FILE_CHARS * 4)).slice(0, MAX_FILE_CHARS);
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) this.log.warn(`could not read ${uri.toString(true)}: ${String(e)}`);
      return '';
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
