// The walkthrough's steps complete on real events: each is a context key set here when the event happens
// (a successful check, a model ready, an answer, an accepted change), never on a click in the walkthrough.
import * as vscode from 'vscode';

export type WalkthroughStep = 'ollamaReady' | 'modelReady' | 'explained' | 'fixAccepted' | 'edited' | 'chatAnswered';

export class WalkthroughProgress {
  private readonly done = new Set<WalkthroughStep>();

  /** Sets `phi4.walkthrough.<step>`, the step's completion event in package.json. */
  complete(step: WalkthroughStep): void {
    if (this.done.has(step)) return;
    this.done.add(step);
    void vscode.commands.executeCommand('setContext', `phi4.walkthrough.${step}`, true);
  }
}
