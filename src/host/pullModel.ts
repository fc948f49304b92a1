// Downloads a model with a cancellable progress notification showing percent and MB.
import * as vscode from 'vscode';
import type { OllamaClient } from '../ollama/OllamaClient';
import { OllamaError } from '../ollama/OllamaError';

const MB = 1024 * 1024;

export async function pullModel(client: OllamaClient, model: string): Promise<boolean> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Pulling ${model}`, cancellable: true },
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
              progress.report({ increment: Math.max(0, percent - reported), message: `${percent}% — ${Math.round(p.completed / MB)} / ${Math.round(p.total / MB)} MB` });
              reported = Math.max(reported, percent);
            } else progress.report({ message: p.status });
          },
          controller.signal,
        );
        void vscode.window.showInformationMessage(`${model} is ready.`);
        return true;
      } catch (e) {
        if (e instanceof OllamaError && e.kind === 'cancelled') {
          void vscode.window.showInformationMessage(`Pull of ${model} cancelled. Pulling again resumes where it stopped.`);
        } else {
          void vscode.window.showErrorMessage(`Could not pull ${model}: ${e instanceof Error ? e.message : String(e)}`);
        }
        return false;
      } finally {
        sub.dispose();
      }
    },
  );
}
