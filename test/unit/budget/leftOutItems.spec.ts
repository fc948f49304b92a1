// Definitions gathering did not send still appear in the "Context used" list, each with its reason.
import * as assert from 'node:assert/strict';
import { fitToBudget } from '../../../src/budget/fitToBudget';
import { gatherContext } from '../../../src/context/gatherContext';
import type { DefinitionsLeftOut } from '../../../src/context/definitions/DefinitionsLeftOut';

function itemsFor(definitionsLeftOut: DefinitionsLeftOut) {
  const text = 'const total = compute(values);\n';
  const context = { ...gatherContext({ text, languageId: 'typescript', relativePath: 'src/a.ts', selectionStart: 0, selectionEnd: text.length - 1, diagnostics: [] }), definitionsLeftOut };
  return fitToBudget({ system: 'Rules.', history: [], question: 'Explain this.', context }, { contextWindow: 4096, maxAnswerTokens: 512 }).items.filter((i) => i.kind === 'definition');
}

describe('definitions left out in the Context used list', () => {
  it('a language server that timed out is an entry that says nothing was sent and why', () => {
    const [item, ...rest] = itemsFor({ skipped: [], timedOut: { ms: 300, nothingFound: true } });
    assert.deepEqual(rest, []);
    assert.equal(item.status, 'omitted');
    assert.equal(item.tokens, 0);
    assert.match(item.note ?? '', /did not answer within 300 ms/);
    assert.match(itemsFor({ skipped: [], timedOut: { ms: 300, nothingFound: false } })[0].note ?? '', /some may be missing.*300 ms/);
  });

  it('secret-looking and minified files each get an entry naming the file; library files share one', () => {
    const items = itemsFor({
      skipped: [
        { name: 'length', file: 'lib.es5.d.ts', reason: 'outsideWorkspace' },
        { name: 'log', file: 'lib.dom.d.ts', reason: 'outsideWorkspace' },
        { name: 'length', file: 'lib.es5.d.ts', reason: 'outsideWorkspace' },
        { name: 'API_KEY', file: 'config/.env.ts', reason: 'secret' },
        { name: 'render', file: 'dist/app.min.js', reason: 'minified' },
        { name: 'mount', file: 'dist/app.min.js', reason: 'minified' },
      ],
    });
    assert.deepEqual(
      items.map((i) => [i.label, i.status, i.note]),
      [
        ['Outside the workspace (lib.es5.d.ts, lib.dom.d.ts)', 'omitted', '`length`, `log`: not sent: outside the workspace folders (the language or a library, not your code)'],
        ['config/.env.ts', 'omitted', '`API_KEY`: not sent: the file looks like it holds secrets (mention it to send it)'],
        ['dist/app.min.js', 'omitted', '`render`, `mount`: not sent: the file is generated or minified'],
      ],
    );
  });

  it('nothing left out adds nothing', () => {
    assert.deepEqual(itemsFor({ skipped: [] }), []);
  });
});
