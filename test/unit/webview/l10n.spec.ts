// The webview shows the host's translations: a bundle keyed by the English text, with {n} arguments.
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { loadL10nBundle } from '../../../src/webview/l10n';

describe('webview l10n', () => {
  afterEach(() => loadL10nBundle(undefined));

  it('shows the translation from the bundle the host wrote into the page, with its arguments', () => {
    loadL10nBundle(JSON.stringify({ 'Delete {0}': '{0} löschen', Copy: 'Kopieren' }));
    assert.equal(l10n.t('Copy'), 'Kopieren');
    assert.equal(l10n.t('Delete {0}', 'Chat 1'), 'Chat 1 löschen');
  });

  it('falls back to English for a missing key, a missing bundle or a damaged one', () => {
    loadL10nBundle(JSON.stringify({ Copy: 'Kopieren' }));
    assert.equal(l10n.t('{0} messages queued', 3), '3 messages queued');
    loadL10nBundle('{not json');
    assert.equal(l10n.t('Copy'), 'Copy');
    loadL10nBundle(undefined);
    assert.equal(l10n.t('Copy'), 'Copy');
  });
});
