// Every string the manifest shows a user (commands, menus, views, settings, the walkthrough) comes from
// package.nls.json, so a translation covers all of it. A literal slipped into package.json fails here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** Manifest fields VS Code shows to users. */
const SHOWN = new Set(['displayName', 'description', 'title', 'label', 'name', 'contextualTitle', 'category', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage', 'altText']);

/** Every user-visible string in the manifest, with where it is. */
function shownStrings(): { where: string; value: string }[] {
  const found: { where: string; value: string }[] = [];
  const walk = (node: unknown, where: string, shown: boolean): void => {
    if (typeof node === 'string') {
      if (shown) found.push({ where, value: node });
    } else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${where}[${i}]`, shown));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, `${where}.${key}`, SHOWN.has(key));
    }
  };
  walk(manifest.displayName, 'displayName', true);
  walk(manifest.description, 'description', true);
  walk(manifest.capabilities, 'capabilities', false);
  walk(manifest.contributes, 'contributes', false);
  return found;
}

describe('manifest localization', () => {
  it('every user-visible manifest string is a %key% defined in package.nls.json', () => {
    const strings = shownStrings();
    assert.ok(strings.length > 50, `found only ${strings.length} strings: the walk is broken`);
    const literal = strings.filter((s) => !/^%[\w.-]+%$/.test(s.value)).map((s) => `${s.where}: "${s.value}"`);
    assert.deepEqual(literal, [], 'put these in package.nls.json and refer to them as %key%');
    const missing = strings.map((s) => s.value.slice(1, -1)).filter((key) => !(key in nls));
    assert.deepEqual(missing, [], 'keys used in package.json but missing from package.nls.json');
  });

  it('package.nls.json has no keys the manifest no longer uses', () => {
    const used = new Set(shownStrings().map((s) => s.value.slice(1, -1)));
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
  });

  it('the walkthrough has the six steps of the first run, each completed by an event the extension sets', () => {
    const contributes = manifest.contributes as { walkthroughs: { steps: { id: string; completionEvents: string[] }[] }[] };
    const steps = contributes.walkthroughs[0].steps;
    assert.deepEqual(steps.map((s) => s.id), ['checkOllama', 'getModel', 'explain', 'fix', 'edit', 'chat']);
    const source = fs.readFileSync(path.join(ROOT, 'src', 'host', 'walkthrough', 'WalkthroughProgress.ts'), 'utf8');
    for (const step of steps) {
      assert.equal(step.completionEvents.length, 1);
      const [, key] = /^onContext:phi4\.walkthrough\.(\w+)$/.exec(step.completionEvents[0]) ?? [];
      assert.ok(key && source.includes(`'${key}'`), `${step.id} completes on ${step.completionEvents[0]}, which the extension never sets`);
    }
  });
});
