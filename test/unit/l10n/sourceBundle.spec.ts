// l10n/bundle.l10n.json is the English bundle translators start from: every l10n.t key the code uses must be
// in it (a missing one can never be translated) and nothing else (a stale one wastes a translator's time).
// `npm run l10n` regenerates it; this test fails until someone does after changing a message.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `vscode.l10n.t(…)`, `l10n.t(…)` (@vscode/l10n or the webview's own): the calls a translation looks up. */
function isL10nCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 't') return false;
  const owner = node.expression.expression;
  return (ts.isIdentifier(owner) && owner.text === 'l10n') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n');
}

/** The bundle key of a call, as l10n-dev derives it, or why it has none. */
function keyOf(call: ts.CallExpression): { key?: string; problem?: string } {
  const first = call.arguments[0];
  if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) return { key: first.text };
  if (first && ts.isObjectLiteralExpression(first)) {
    const prop = (name: string): ts.Expression | undefined => first.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer;
    const message = prop('message');
    const comment = prop('comment');
    if (message && ts.isStringLiteral(message)) {
      const comments = comment && ts.isArrayLiteralExpression(comment) ? comment.elements.filter(ts.isStringLiteral).map((c) => c.text) : comment && ts.isStringLiteral(comment) ? [comment.text] : [];
      return { key: comments.length ? `${message.text}/${comments.join('')}` : message.text };
    }
  }
  return { problem: 'its message is not a string literal, so no tool can put it in the bundle' };
}

function usedKeys(): { keys: Map<string, string>; problems: string[] } {
  const keys = new Map<string, string>();
  const problems: string[] = [];
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (isL10nCall(node)) {
        const where = `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const { key, problem } = keyOf(node);
        if (key !== undefined) keys.set(key, where);
        else problems.push(`${where}: ${problem}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { keys, problems };
}

describe('the English l10n bundle', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
  const bundlePath = path.join(ROOT, manifest.l10n ?? './l10n', 'bundle.l10n.json');
  const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8')) as Record<string, unknown>;
  const { keys, problems } = usedKeys();

  it('is where package.json tells VS Code to look for translations', () => {
    assert.equal(manifest.l10n, './l10n');
    assert.ok(fs.existsSync(bundlePath));
  });

  it('holds every message the host, the webview and the pure layers translate', () => {
    assert.ok(keys.size > 200, `found only ${keys.size} messages: the scan is broken`);
    assert.deepEqual(problems, []);
    const missing = [...keys].filter(([key]) => !(key in bundle)).map(([key, where]) => `${where}: ${key}`);
    assert.deepEqual(missing, [], 'run `npm run l10n` to add these to l10n/bundle.l10n.json');
  });

  it('holds nothing the code no longer uses', () => {
    const stale = Object.keys(bundle).filter((key) => !keys.has(key));
    assert.deepEqual(stale, [], 'run `npm run l10n` to drop these from l10n/bundle.l10n.json');
  });
});
