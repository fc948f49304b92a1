// Lint enforces the layers: only src/host (and extension.ts) may import 'vscode'; the webview talks to
// the host only through src/protocol; unit tests never import the host.
import tseslint from 'typescript-eslint';
import l10nPlugin from './eslint/noRawUiString.mjs';

const vscodeBan = { name: 'vscode', message: 'Only src/host may use the VS Code API; pass plain values in.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/host/**', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeBan], patterns: [{ group: ['**/host/**', '**/host'], message: 'Pure code must not depend on the host layer.' }] }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vscodeBan, { name: 'ollama', message: 'Only the extension host talks to Ollama.' }, { name: 'ollama/browser', message: 'Only the extension host talks to Ollama.' }, { name: 'eventsource-parser', message: 'Only the extension host talks to servers.' }],
          patterns: [{ regex: '^(\\.\\./)+(chat|chatml|tokens|budget|context|fix|ollama|openai|prompt|storage|host|extension)(/|$)', message: 'The webview may import only its own files and src/protocol.' }],
        },
      ],
    },
  },
  {
    // The server clients (Ollama and OpenAI-compatible) are plain Node: the host builds them and passes values in.
    files: ['src/ollama/**/*.ts', 'src/openai/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [vscodeBan], patterns: [{ group: ['**/host/**', '**/host', '**/webview/**', '**/chat/**', '**/storage/**'], message: 'A server client depends only on pure code (chatml, request types), never on the host, the views or storage.' }] }] },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./[\\w.-]+$|@vscode/l10n$)', message: 'The protocol imports nothing but its own files (and @vscode/l10n): both bundles compile it.' }] }] },
  },
  {
    files: ['src/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/webview/**'], message: 'The host talks to the webview only through src/protocol.' }] }] },
  },
  {
    files: ['test/unit/**/*.ts', 'test/support/**/*.ts', 'test/bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [vscodeBan], patterns: [{ group: ['**/src/host/**', '**/src/extension'], message: 'Unit tests exercise pure code; the host is tested inside VS Code.' }] }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  // Localization: text shown to users comes from l10n calls (package.nls.json covers the manifest).
  {
    files: ['src/host/**/*.ts', 'src/extension.ts'],
    plugins: { phi4: l10nPlugin },
    rules: { 'phi4/no-raw-ui-string': ['error', 'host'] },
  },
  {
    files: ['src/webview/**/*.ts'],
    plugins: { phi4: l10nPlugin },
    rules: { 'phi4/no-raw-ui-string': ['error', 'webview'] },
  },
  {
    // The layers that may not import vscode localize with @vscode/l10n, which activation configures from VS Code's bundle.
    files: ['src/**/*.ts'],
    ignores: ['src/host/**', 'src/extension.ts', 'src/webview/**'],
    plugins: { phi4: l10nPlugin },
    rules: { 'phi4/no-raw-ui-string': ['error', 'pure'] },
  },
);
