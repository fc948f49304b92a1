// The Accept all / Reject all tooltips name the key a user presses: on macOS that is ⌘, not Ctrl, and the text
// comes from the manifest's own contributes.keybindings so it cannot drift from the binding.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatKey, keybindingLabel } from '../../../src/keybindings/keybindingLabel';

const ROOT = path.join(__dirname, '../../../..');
const keybindings = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { keybindings: unknown } }).contributes.keybindings;

describe('keybindingLabel', () => {
  it('names the manifest binding of Accept all and Reject all as VS Code shows it on Linux and Windows', () => {
    for (const platform of ['linux', 'win32']) {
      assert.equal(keybindingLabel(keybindings, 'phi4.fixAcceptAll', platform), 'Ctrl+Shift+Enter');
      assert.equal(keybindingLabel(keybindings, 'phi4.fixRejectAll', platform), 'Ctrl+Shift+Backspace');
    }
  });

  it('names the mac binding with ⌘ on macOS', () => {
    assert.equal(keybindingLabel(keybindings, 'phi4.fixAcceptAll', 'darwin'), '⇧⌘Enter');
    assert.equal(keybindingLabel(keybindings, 'phi4.fixRejectAll', 'darwin'), '⇧⌘Backspace');
    assert.equal(keybindingLabel(keybindings, 'phi4.fixCancel', 'darwin'), 'Escape');
  });

  it('follows the manifest: a platform-specific key wins over the default, and a changed binding changes the text', () => {
    const custom = [{ command: 'phi4.fixAcceptAll', key: 'ctrl+alt+y', linux: 'alt+shift+a', mac: 'cmd+k' }];
    assert.equal(keybindingLabel(custom, 'phi4.fixAcceptAll', 'linux'), 'Shift+Alt+A');
    assert.equal(keybindingLabel(custom, 'phi4.fixAcceptAll', 'win32'), 'Ctrl+Alt+Y');
    assert.equal(keybindingLabel(custom, 'phi4.fixAcceptAll', 'darwin'), '⌘K');
  });

  it('says nothing for an unbound command or a damaged manifest instead of throwing', () => {
    assert.equal(keybindingLabel(keybindings, 'phi4.noSuchCommand', 'linux'), undefined);
    assert.equal(keybindingLabel(undefined, 'phi4.fixAcceptAll', 'linux'), undefined);
    assert.equal(keybindingLabel([null, { command: 'phi4.fixAcceptAll', key: 7 }], 'phi4.fixAcceptAll', 'linux'), undefined);
  });

  it('writes VS Code’s own Undo key per platform', () => {
    assert.equal(formatKey('ctrl+z', 'linux'), 'Ctrl+Z');
    assert.equal(formatKey('cmd+z', 'darwin'), '⌘Z');
  });
});
