// "Write Unit Tests": tests for the selection (or the block at the cursor) in the project's framework, opened
// as a new untitled file beside the source. Nothing is written to disk; the user saves it where they want.
import * as vscode from 'vscode';
import { gatherContext } from '../context/gatherContext';
import type { OllamaError } from '../ollama/OllamaError';
import { TESTS_SYSTEM_PROMPT, testsQuestion } from '../prompt/systemPrompts';
import { runRequest } from '../request/runRequest';
import { countTokens } from '../tokens/countTokens';
import { extractTestFile } from '../unitTests/extractTestFile';
import { showRequestError } from './showRequestError';
import { chooseTestFramework } from './chooseTestFramework';
import type { Services } from './createServices';
import { addDefinitions } from './context/addDefinitions';
import { snapshotEditor } from './snapshotEditor';

export function registerWriteTests(context: vscode.ExtensionContext, services: Services, lastEditor: () => vscode.TextEditor | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand('phi4.writeTests', () => writeTests(services, vscode.window.activeTextEditor ?? lastEditor())));
}

async function writeTests(services: Services, editor: vscode.TextEditor | undefined): Promise<void> {
  if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select the code to write unit tests for.'));
  const gathered = gatherContext(snapshotEditor(editor, editor.selection));
  if (gathered.selection.trim() === '') return void vscode.window.showInformationMessage(vscode.l10n.t('There is no code here to test. Select the code you want unit tests for.'));
  const settings = services.settings();
  if (settings.hostError) return void vscode.window.showErrorMessage(settings.hostError, vscode.l10n.t('Open Settings')).then((c) => c && vscode.commands.executeCommand('phi4.openSettings'));
  const framework = await chooseTestFramework(editor.document);
  if (!framework || !(await services.consent.confirm(settings.host))) return;

  const system = await services.instructions.systemFor(TESTS_SYSTEM_PROMPT);
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Phi-4 is writing {0} tests…', framework.label), cancellable: true }, async (_progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    // Tests need the types the code takes and the functions it calls, as Explain and Fix do; Cancel stops that wait too.
    const found = await addDefinitions(services, editor.document, editor.selection, gathered, abort.signal);
    if (found.cancelled) return undefined;
    const spec = { kind: 'tests' as const, ...system, notes: [...(system.notes ?? []), ...found.notes], history: [], question: testsQuestion(framework.guidance, gathered.relativePath), context: found.context, minAnswerTokens: countTokens(gathered.selection) * 3 + 512 };
    return runRequest(services, spec, abort.signal);
  });
  if (!outcome) return;
  if (outcome.error) return failed(outcome.error, () => writeTests(services, editor));
  const file = extractTestFile(outcome.text);
  if (!file.ok) {
    services.log.warn(`tests outcome=no-code chars=${outcome.text.length}`);
    return void vscode.window.showWarningMessage(file.reason);
  }
  const document = await vscode.workspace.openTextDocument({ language: editor.document.languageId, content: file.code });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const notes = file.complete ? outcome.notes : [...outcome.notes, vscode.l10n.t('The answer ended before the test file was complete.')];
  if (notes.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Phi-4 tests: {0}', notes.join(' ')));
}

async function failed(error: OllamaError, retry: () => Promise<void>): Promise<void> {
  if (error.kind !== 'cancelled') await showRequestError((reason) => vscode.l10n.t('Phi-4 could not write tests: {0}', reason), error, retry);
}
