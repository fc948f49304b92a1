// The default keys the empty chat's welcome shows, read from the manifest's contributes.keybindings, so the
// welcome cannot drift from what VS Code actually binds. Pure: the host passes the manifest's list in.

/** The commands the welcome offers, by the name the welcome uses for them. */
export const WELCOME_COMMANDS = {
  explain: 'phi4.explainSelection',
  fix: 'phi4.fixSelection',
  edit: 'phi4.editSelection',
  ask: 'phi4.askAboutSelection',
} as const;

export type WelcomeCommand = keyof typeof WELCOME_COMMANDS;

/** A default key binding as shown to people, e.g. "Shift+Alt+E" on Windows and Linux, "Cmd+Alt+E" on macOS. */
export interface ShownKey {
  readonly key: string;
  readonly mac: string;
}

export type WelcomeKeys = Readonly<Partial<Record<WelcomeCommand, ShownKey>>>;

/** "shift+alt+e" → "Shift+Alt+E"; a chord "ctrl+k ctrl+c" → "Ctrl+K Ctrl+C". */
export function shownKey(binding: string): string {
  return binding
    .trim()
    .split(/\s+/)
    .map((press) => press.split('+').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('+'))
    .join(' ');
}

/** The welcome's keys from contributes.keybindings; a command without a usable binding is left out. */
export function welcomeKeys(keybindings: unknown): WelcomeKeys {
  const keys: Partial<Record<WelcomeCommand, ShownKey>> = {};
  if (!Array.isArray(keybindings)) return keys;
  for (const [name, command] of Object.entries(WELCOME_COMMANDS) as [WelcomeCommand, string][]) {
    const entry: unknown = keybindings.find((b: unknown) => typeof b === 'object' && b !== null && (b as { command?: unknown }).command === command);
    const { key, mac } = (entry ?? {}) as { key?: unknown; mac?: unknown };
    if (typeof key !== 'string' || key.trim() === '') continue;
    keys[name] = { key: shownKey(key), mac: shownKey(typeof mac === 'string' && mac.trim() !== '' ? mac : key) };
  }
  return keys;
}
