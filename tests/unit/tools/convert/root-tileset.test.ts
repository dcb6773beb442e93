import { describe, expect, it } from 'vitest';
import { ecefToGeodetic, enuToEcef, transformPoint } from '../../../../src/core/geo';
import { regionDiagonal, volumeToRegion, type Region } from '../../../../tools/convert/bounding-region';
import { buildRootTileset } from '../../../../tools/convert/root-tileset';

const RAD = Math.PI / 180;

function contains(r: Region, lonDeg: number, latDeg: number, h: number): boolean {
  const lon = lonDeg * RAD;
  const lat = latDeg * RAD;
  return lon >= r[0] && lon <= r[2] && lat >= r[1] && lat <= r[3] && h >= r[4] && h <= r[5];
}

/** A box in a local ENU frame at Munich, 2 km × 1 km × 60 m, with its transform. */
function enuBox() {
  const transform = Array.from(enuToEcef(11.57, 48.15, 560));
  const box = [0, 0, 30, 1000, 0, 0, 0, 500, 0, 0, 0, 30];
  return { transform, box };
}

describe('volumeToRegion', () => {
  it('passes a region through', () => {
    const region = [0.2, 0.8, 0.21, 0.81, 500, 600];
    expect(volumeToRegion({ region })).toEqual(region);
  });

  it('encloses every point of a transformed box, the ellipsoid sag under its flat bottom included', () => {
    const { transform, box } = enuBox();
    const r = volumeToRegion({ box }, transform);
    // Sample the box densely, faces and interior, and check each sample is inside.
    for (let u = -1; u <= 1; u += 0.125)
      for (let v = -1; v <= 1; v += 0.125)
        for (const w of [-1, 0, 1]) {
          const local = [u * 1000, v * 500, 30 + w * 30];
          const p = transformPoint(transform, local[0], local[1], local[2]);
          const g = ecefToGeodetic(p[0], p[1], p[2]);
          expect(contains(r, g[0], g[1], g[2])).toBe(true);
        }
    // …and stays tight: within a few metres of the box.
    expect(r[4]).toBeGreaterThan(555);
    expect(r[5]).toBeLessThan(625);
    expect((r[3] - r[1]) * 6371000).toBeLessThan(1010);
  });

  it('encloses a sphere', () => {
    const { transform } = enuBox();
    const r = volumeToRegion({ sphere: [0, 0, 0, 100] }, transform);
    expect(contains(r, 11.57, 48.15, 560 + 99)).toBe(true);
    expect(contains(r, 11.57, 48.15, 560 - 99)).toBe(true);
  });

  it('rejects a volume it does not know', () => {
    expect(() => volumeToRegion({})).toThrow(/no region, box or sphere/);
  });
});

describe('buildRootTileset', () => {
  const a = { uri: 'a/tileset.json', tileset: { geometricError: 120, root: { boundingVolume: { region: [0.2, 0.8, 0.2001, 0.8001, 500, 540] }, geometricError: 120 } } };
  const { transform, box } = enuBox();
  const b = { uri: 'b/tileset.json', tileset: { geometricError: 300, root: { boundingVolume: { box }, transform, geometricError: 250 } } };

  it('has one external-tileset child per input, each enclosing its tileset, and a root enclosing all', () => {
    const root = buildRootTileset([a, b]);
    expect(root.asset.version).toBe('1.1');
    expect(root.root.children.map((c) => c.content.uri)).toEqual(['a/tileset.json', 'b/tileset.json']);
    expect(root.root.children[0].boundingVolume.region).toEqual(a.tileset.root.boundingVolume.region);
    const rb = root.root.children[1].boundingVolume.region;
    expect(contains(rb, 11.57, 48.15, 560)).toBe(true);
    const r = root.root.boundingVolume.region;
    for (const c of root.root.children) {
      const cr = c.boundingVolume.region;
      expect(cr[0]).toBeGreaterThanOrEqual(r[0]);
      expect(cr[1]).toBeGreaterThanOrEqual(r[1]);
      expect(cr[2]).toBeLessThanOrEqual(r[2]);
      expect(cr[3]).toBeLessThanOrEqual(r[3]);
      expect(cr[4]).toBeGreaterThanOrEqual(r[4]);
      expect(cr[5]).toBeLessThanOrEqual(r[5]);
    }
  });

  it('gives each child its tileset error and the root an error no smaller than any child, from its size', () => {
    const root = buildRootTileset([a, b]);
    expect(root.root.children.map((c) => c.geometricError)).toEqual([120, 300]);
    expect(root.geometricError).toBe(root.root.geometricError);
    expect(root.root.geometricError).toBeGreaterThanOrEqual(300);
    expect(root.root.geometricError).toBeCloseTo(Math.max(300, regionDiagonal(root.root.boundingVolume.region)), 6);
  });

  it('needs at least one child', () => {
    expect(() => buildRootTileset([])).toThrow(/at least one/);
  });
});
