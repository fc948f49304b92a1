// Takes the test file out of the model's answer: the longest fenced block, since answers sometimes add a short
// block for the install or run command next to the tests.
import * as l10n from '@vscode/l10n';
import { restoreSpecialTokens } from '../chatml/specialTokens';
import { findFences } from '../fix/extractFix';

export type TestFile = { readonly ok: true; readonly code: string; readonly complete: boolean } | { readonly ok: false; readonly reason: string };

export function extractTestFile(answer: string): TestFile {
  const fences = findFences(restoreSpecialTokens(answer)).filter((f) => f.body.trim() !== '');
  if (fences.length === 0) return { ok: false, reason: l10n.t('Phi-4 answered without a code block, so no test file was opened. Try again, or select a smaller piece of code.') };
  const longest = fences.reduce((best, f) => (f.body.length > best.body.length ? f : best));
  return { ok: true, code: `${longest.body.replace(/\s+$/, '')}\n`, complete: longest.closed };
}
