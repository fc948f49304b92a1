// The key a user presses for a command, as VS Code writes it on their platform, read from the manifest's
// contributes.keybindings so a tooltip can never disagree with the binding it names.

interface Keybinding {
  readonly command?: unknown;
  readonly key?: unknown;
  readonly mac?: unknown;
  readonly linux?: unknown;
  readonly win?: unknown;
}

const MAC_MODIFIERS: Readonly<Record<string, string>> = { ctrl: '⌃', alt: '⌥', shift: '⇧', cmd: '⌘', meta: '⌘' };
const OTHER_MODIFIERS: Readonly<Record<string, string>> = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', cmd: 'Meta', meta: 'Meta', win: 'Win' };
/** VS Code's modifier order: Ctrl, Shift, Alt, Meta elsewhere; ⌃⌥⇧⌘ on macOS. */
const ORDER = ['ctrl', 'shift', 'alt', 'cmd', 'meta', 'win'];
const MAC_ORDER = ['ctrl', 'alt', 'shift', 'cmd', 'meta'];

/** "ctrl+shift+enter" as VS Code shows it: "Ctrl+Shift+Enter", or "⇧⌘Enter" on macOS. */
export function formatKey(key: string, platform: string): string {
  const parts = key.toLowerCase().split('+');
  const main = parts.pop() ?? '';
  const name = main.length === 1 ? main.toUpperCase() : main.charAt(0).toUpperCase() + main.slice(1);
  if (platform === 'darwin') {
    const mods = MAC_ORDER.filter((m) => parts.includes(m)).map((m) => MAC_MODIFIERS[m]);
    return [...new Set(mods)].join('') + name;
  }
  return [...ORDER.filter((m) => parts.includes(m)).map((m) => OTHER_MODIFIERS[m]), name].join('+');
}

/** The first key bound to `command` on `platform` (a Node platform name), as shown to the user; undefined if none. */
export function keybindingLabel(keybindings: unknown, command: string, platform: string): string | undefined {
  if (!Array.isArray(keybindings)) return undefined;
  const field = platform === 'darwin' ? 'mac' : platform === 'win32' ? 'win' : 'linux';
  for (const binding of keybindings as Keybinding[]) {
    if (!binding || binding.command !== command) continue;
    const key = typeof binding[field] === 'string' ? binding[field] : binding.key;
    if (typeof key === 'string' && key) return formatKey(key, platform);
  }
  return undefined;
}
