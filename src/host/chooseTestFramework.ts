// Decides which test framework Write Unit Tests uses: the one the project's manifests name (read from the
// source file's folder up to its workspace folder), else the user's choice in a QuickPick.
import * as vscode from 'vscode';
import { detectTestFramework, MANIFEST_FILES, type ProjectFile } from '../unitTests/detectTestFramework';
import { frameworksFor, TEST_FRAMEWORKS, type TestFramework } from '../unitTests/testFrameworks';

/** For a language without a known framework, or a user who does not know which one. A function: its label is translated when asked for, not when the module loads. */
function usualFramework(): TestFramework {
  return { id: 'usual', label: vscode.l10n.t('The usual framework for this language'), languages: [], guidance: 'Use the test framework most common for this language.' };
}

/** The framework to use; undefined when the user cancelled the question. */
export async function chooseTestFramework(document: vscode.TextDocument): Promise<TestFramework | undefined> {
  const detection = detectTestFramework(document.languageId, await manifestsAround(document.uri));
  if (detection.kind === 'found') return detection.framework;
  const offered = new Set(detection.candidates.map((c) => c.id));
  const others = frameworksFor(document.languageId).filter((f) => !offered.has(f.id));
  type Item = vscode.QuickPickItem & { framework?: TestFramework };
  const items: Item[] = [
    ...detection.candidates.map((framework) => ({ label: framework.label, framework })),
    ...others.map((framework) => ({ label: framework.label, framework })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: usualFramework().label, framework: usualFramework() },
    ...TEST_FRAMEWORKS.filter((f) => !f.languages.includes(document.languageId)).map((framework) => ({ label: framework.label, description: framework.languages[0], framework })),
  ];
  const placeHolder =
    detection.candidates.length > 1 && others.length > 0
      ? vscode.l10n.t('The project uses more than one test framework. Which one should the tests use?')
      : vscode.l10n.t('No test framework was found in the project files. Which one should the tests use?');
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Write Unit Tests'), placeHolder, ignoreFocusOut: true });
  return picked?.framework;
}

/** Manifest files nearest first: the file's folder, then each parent up to (and including) its workspace folder. */
async function manifestsAround(uri: vscode.Uri): Promise<ProjectFile[]> {
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  if (!root) return [];
  const files: ProjectFile[] = [];
  let dir = vscode.Uri.joinPath(uri, '..');
  for (let depth = 0; depth < 32 && dir.path.startsWith(root.path); depth++) {
    const read = await Promise.all(MANIFEST_FILES.map(async (name) => ({ name, text: await readText(vscode.Uri.joinPath(dir, name)) })));
    for (const file of read) if (file.text !== undefined) files.push({ name: file.name, text: file.text });
    if (dir.path === root.path) break;
    dir = vscode.Uri.joinPath(dir, '..');
  }
  return files;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
