// The single place the webview obtains the VS Code API; everything else posts through `send`.
import type { WebviewToHost } from '../protocol/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function send(message: WebviewToHost): void {
  api.postMessage(message);
}

export interface DraftState {
  readonly draft: string;
  readonly lastPrompt: string;
}

export function loadState(): DraftState {
  const s = api.getState() as Partial<DraftState> | undefined;
  return { draft: s?.draft ?? '', lastPrompt: s?.lastPrompt ?? '' };
}

export function saveState(state: DraftState): void {
  api.setState(state);
}
