// Numeric settings from any settings.json, a repository's included, end up in a range the extension works with.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NUMERIC_SETTING_BOUNDS, clampSetting, type NumericSettingKey } from '../../../src/settings/clampSetting';

const root = path.join(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown; minimum?: number; maximum?: number }> } };
};

const clamp = (key: NumericSettingKey, raw: unknown): { value: number; note?: string } => clampSetting(key, raw, NUMERIC_SETTING_BOUNDS[key]);

describe('clampSetting', () => {
  it('caps a load timeout that would overflow Node timers (which then fire at once) and says so', () => {
    const r = clamp('loadTimeoutSeconds', 99999999);
    assert.equal(r.value, 3600);
    assert.ok(r.value * 1000 <= 2 ** 31 - 1, 'the timeout in ms is a valid setTimeout delay');
    assert.match(r.note ?? '', /phi4\.loadTimeoutSeconds is 99999999.*using 3600/);
  });

  it('caps an answer limit no model could hold, and raises one too small to answer', () => {
    assert.equal(clamp('maxAnswerTokens', 100000000).value, 8192);
    assert.equal(clamp('maxAnswerTokens', 3).value, 64);
    assert.match(clamp('maxAnswerTokens', 3).note ?? '', /below the smallest usable value; using 64/);
  });

  it('keeps contextWindow 0 (automatic) and moves other values into 512..131072', () => {
    assert.deepEqual(clamp('contextWindow', 0), { value: 0 });
    assert.equal(clamp('contextWindow', 100).value, 512);
    assert.equal(clamp('contextWindow', -5).value, 512);
    assert.equal(clamp('contextWindow', 10_000_000).value, 131072);
    assert.deepEqual(clamp('contextWindow', 8192), { value: 8192 });
  });

  it('bounds temperature, keeping fractions; rounds whole-number settings down', () => {
    assert.deepEqual(clamp('temperature', 0.7), { value: 0.7 });
    assert.equal(clamp('temperature', 50).value, 2);
    assert.equal(clamp('temperature', -1).value, 0);
    assert.deepEqual(clamp('maxConversations', 12.9), { value: 12 });
    assert.equal(clamp('maxConversations', 0).value, 1);
    assert.equal(clamp('maxConversations', 1e9).value, 500);
  });

  it('uses the default for anything that is not a finite number, naming the value', () => {
    for (const raw of ['300', null, Number.NaN, Number.POSITIVE_INFINITY, true, { seconds: 5 }, [1]]) {
      const r = clamp('loadTimeoutSeconds', raw);
      assert.equal(r.value, 300, JSON.stringify(raw));
      assert.match(r.note ?? '', /not a usable number; using the default 300/);
    }
    assert.deepEqual(clamp('loadTimeoutSeconds', undefined), { value: 300 }, 'unset is not worth a note');
  });

  it('leaves values in range alone, without a note', () => {
    for (const [key, bounds] of Object.entries(NUMERIC_SETTING_BOUNDS) as [NumericSettingKey, (typeof NUMERIC_SETTING_BOUNDS)[NumericSettingKey]][]) {
      assert.deepEqual(clamp(key, bounds.min), { value: bounds.min });
      assert.deepEqual(clamp(key, bounds.max), { value: bounds.max });
      assert.deepEqual(clamp(key, bounds.fallback), { value: bounds.fallback });
    }
  });

  it('package.json offers the same ranges and defaults, so the Settings editor warns about what gets clamped', () => {
    for (const [key, bounds] of Object.entries(NUMERIC_SETTING_BOUNDS)) {
      const declared = manifest.contributes.configuration.properties[`phi4.${key}`];
      assert.ok(declared, `phi4.${key} is declared`);
      assert.equal(declared.default, bounds.fallback, `phi4.${key} default`);
      assert.equal(declared.minimum, 'special' in bounds ? Math.min(bounds.special, bounds.min) : bounds.min, `phi4.${key} minimum`);
      assert.equal(declared.maximum, bounds.max, `phi4.${key} maximum`);
    }
  });
});
