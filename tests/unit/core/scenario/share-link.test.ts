import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJsonFragment, encodeJsonFragment, fromBase64Url, readScenario, readShareFragment, shareFragment, toBase64Url, type Scenario } from '../../../../src/core/scenario/index.js';
import { seededRandom } from '../../../helpers/seeded-random.js';

const root = resolve(import.meta.dirname, '../../../..');
const scenario = readScenario(readFileSync(resolve(root, 'tests/fixtures/scenario/good.json'), 'utf8')).scenario!;
const view = { lon: 12.123456789012, lat: 48.987654321098, height: 612.3456, heading: 33.3333, pitch: -41.25 };

describe('share link', () => {
  it('base64url round trip for every length', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('a scenario, its variant, compare mode and camera come back the same from the fragment', async () => {
    const result = await shareFragment({ scenario, variant: 'b', compare: 'swipe', compareWith: 'a', view });
    if (!result.ok) throw new Error(result.message);
    expect(result.fragment).toMatch(/^scenario=[A-Za-z0-9_-]+$/);
    const back = await readShareFragment(`#${result.fragment}`);
    expect(back.issues).toEqual([]);
    expect(JSON.stringify(back.state!.scenario)).toBe(JSON.stringify(scenario));
    expect(back.state).toMatchObject({ variant: 'b', compare: 'swipe', compareWith: 'a', view });
  });

  it('any JSON survives the codec', async () => {
    const value = { text: 'Mühlbach – Straße ✓', n: [1.5, -0, 1e-300], nested: { a: null, b: [true, false] } };
    expect(await decodeJsonFragment(await encodeJsonFragment(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('refuses, with a clear message, a scenario too long for a link instead of cutting it', async () => {
    const big: Scenario = structuredClone(scenario);
    const random = seededRandom(1);
    big.variants[0].buildings = Array.from({ length: 400 }, (_, i) => ({
      kind: 'block' as const,
      id: `blk-${i}`,
      footprint: Array.from({ length: 4 }, (_, k) => [724000 + random() * 500 + (k & 1) * 10, 5377000 + random() * 500 + (k >> 1) * 10] as [number, number]).slice(0, 3),
      height: 3 + random() * 20,
    }));
    const result = await shareFragment({ scenario: big, variant: 'a', compare: 'single' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('too-long');
    expect(result.length).toBeGreaterThan(8000);
    expect(result.message).toMatch(/Save it as a file/);
  });

  it('refuses an inlined model, naming it', async () => {
    const inline: Scenario = structuredClone(scenario);
    const model = inline.variants[0].buildings[1];
    if (model.kind !== 'model') throw new Error('fixture changed');
    model.src = 'data:model/gltf-binary;base64,Z2xURg==';
    const result = await shareFragment({ scenario: inline, variant: 'a', compare: 'single' });
    expect(result).toMatchObject({ ok: false, reason: 'inline-model' });
    if (!result.ok) expect(result.message).toMatch(/variants\[0\]\.buildings\[1\], "A-2"/);
  });

  it('a damaged link is a readable issue, not a throw', async () => {
    const result = await shareFragment({ scenario, variant: 'a', compare: 'single' });
    if (!result.ok) throw new Error(result.message);
    const cut = await readShareFragment(result.fragment.slice(0, 60));
    expect(cut.state).toBeNull();
    expect(cut.issues[0].path).toBe('#scenario');
    expect(cut.issues[0].message).toMatch(/damaged|not JSON/);
    expect((await readShareFragment('#view=1,2,3')).state).toBeNull();
  });
});
