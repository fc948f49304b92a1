// The layers that may not import vscode show a user the translation VS Code loaded: activation hands its bundle
// to @vscode/l10n, and every message those layers build (errors, notes, button labels) is looked up there.
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { mapOllamaError } from '../../../src/ollama/mapOllamaError';
import { ACTION_LABELS } from '../../../src/protocol/messages';
import { SLASH_COMMANDS } from '../../../src/protocol/slashCommands';
import { requestNotes } from '../../../src/request/requestNotes';
import type { FittedPrompt } from '../../../src/budget/fitToBudget';

/** A German bundle, keyed by the English text as VS Code's l10n bundles are. */
const GERMAN = {
  'Cannot reach Ollama at {0}: {1}. Start Ollama (run `ollama serve` or open the Ollama app) or fix phi4.ollamaHost.': 'Ollama unter {0} ist nicht erreichbar: {1}. Starten Sie Ollama oder korrigieren Sie phi4.ollamaHost.',
  'nothing is listening there': 'dort lauscht niemand',
  Retry: 'Wiederholen',
  'Start a new chat': 'Neuen Chat beginnen',
  '{0} earlier exchange(s) left out to fit the context window.': '{0} frühere Wortwechsel weggelassen, damit das Kontextfenster reicht.',
};

function refused(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect'), { code }) });
}

describe('l10n in the layers that may not import vscode', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('shows an Ollama error in the language of the bundle, its reason translated on its own', () => {
    l10n.config({ contents: GERMAN });
    const error = mapOllamaError(refused('ECONNREFUSED'), { host: 'http://127.0.0.1:11434' });
    assert.equal(error.message, 'Ollama unter http://127.0.0.1:11434 ist nicht erreichbar: dort lauscht niemand. Starten Sie Ollama oder korrigieren Sie phi4.ollamaHost.');
  });

  it('translates button labels and slash command descriptions read after the bundle was configured (after the modules loaded)', () => {
    l10n.config({ contents: GERMAN });
    assert.equal(ACTION_LABELS.retry, 'Wiederholen');
    assert.equal(SLASH_COMMANDS.find((c) => c.name === 'new')?.description, 'Neuen Chat beginnen');
  });

  it('translates the notes shown under an answer, with their numbers', () => {
    l10n.config({ contents: GERMAN });
    const fitted = { dropped: { historyMessages: 4, linesBefore: 0, linesAfter: 0 }, items: [], promptTokens: 100 } as unknown as FittedPrompt;
    assert.deepEqual(requestNotes(fitted, undefined), ['2 frühere Wortwechsel weggelassen, damit das Kontextfenster reicht.']);
  });

  it('keeps the English text, with its values filled in, when VS Code loaded no bundle', () => {
    const error = mapOllamaError(refused('ECONNREFUSED'), { host: 'http://127.0.0.1:11434' });
    assert.equal(error.message, 'Cannot reach Ollama at http://127.0.0.1:11434: nothing is listening there. Start Ollama (run `ollama serve` or open the Ollama app) or fix phi4.ollamaHost.');
    assert.equal(ACTION_LABELS.retry, 'Retry');
  });
});
