import { describe, expect, it } from 'vitest';
import { findSites, SiteDiscs } from '../../../src/engines/three/ground-sites';

describe('findSites and SiteDiscs', () => {
  const home = Float32Array.of(0, 400, 0, 50, 402, 30, 9_000, 405, 0); // two cells that touch: one site
  const far = Float32Array.of(-24_000, 250, 0, -24_010, 249, 10);

  it('groups building bases into sites of touching 10 km cells, with their lowest base', () => {
    const sites = findSites([home, far, Float32Array.of(NaN, NaN, NaN)]);
    expect(sites).toHaveLength(2);
    const [a, b] = sites.sort((x, y) => y.centre.x - x.centre.x);
    expect(a.lowestY).toBe(400);
    expect(a.radius).toBeGreaterThan(5_000);
    expect(b.lowestY).toBe(249);
    // far from the origin the vertical leans towards it
    expect(b.up.x).toBeLessThan(0);
  });

  it('puts a disc under each site but home, keeps the home plane off it, and answers heights on it', () => {
    const sites = findSites([home, far]);
    const homeSite = sites.find((s) => s.lowestY === 400)!;
    const discs = new SiteDiscs();
    const reach = discs.set(sites, homeSite);
    expect(discs.group.children).toHaveLength(1);
    expect(reach).toBeLessThan(24_000 - 2_000);
    const y = discs.heightAt(-24_010, 10);
    expect(y).toBeGreaterThan(248.9);
    expect(y).toBeLessThan(249);
    expect(discs.heightAt(0, 0)).toBeNaN();
    // the same sites again: the same discs, not new ones
    const disc = discs.group.children[0];
    const again = findSites([home, far]);
    discs.set(again, again.find((s) => s.lowestY === 400)!);
    expect(discs.group.children[0]).toBe(disc);
    discs.dispose();
  });
});
