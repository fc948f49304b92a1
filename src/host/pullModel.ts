// Downloads a model with a cancellable progress notification showing percent and MB.
import * as vscode from 'vscode';
import type { OllamaClient } from '../ollama/OllamaClient';
import { OllamaError } from '../ollama/OllamaError';

const MB = 1024 * 1024;

export async function pullModel(client: OllamaClient, model: string): Promise<boolean> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pulling {0}', model), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        await client.pull(
          model,
          (p) => {
            if (p.total && p.completed !== undefined) {
              const percent = Math.floor((p.completed / p.total) * 100);
              progress.report({ increment: Math.max(0, percent - reported), message: vscode.l10n.t('{0}% — {1} / {2} MB', percent, Math.round(p.completed / MB), Math.round(p.total / MB)) });
              reported = Math.max(reported, percent);
            } else progress.report({ message: p.status });
          },
          controller.signal,
        );
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} is ready.', model));
        return true;
      } catch (e) {
        if (e instanceof OllamaError && e.kind === 'cancelled') {
          void vscode.window.showInformationMessage(vscode.l10n.t('Pull of {0} cancelled. Pulling again resumes where it stopped.', model));
        } else {
          void vscode.window.showErrorMessage(vscode.l10n.t('Could not pull {0}: {1}', model, e instanceof Error ? e.message : String(e)));
        }
        return false;
      } finally {
        sub.dispose();
      }
    },
  );
}
