/**
 * End to end on real public samples from ../shared/data/citygml (read at test time, never copied).
 * The full real-data sweep over every sample lives with the reader; this checks that what the
 * converter writes from real LoD2 data is valid and lands where the data is.
 */
import { createReadStream, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { readTiles } from '../../helpers/tileset-reader';
import { validateTilesetFiles } from '../../helpers/validate-tileset';

const shared = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/citygml');

async function convertFile(relative: string, options: { maxFeaturesPerTile?: number } = {}) {
  const path = resolve(shared, relative);
  expect(existsSync(path), `${path} (../shared is part of the CI checkout)`).toBe(true);
  const files = new Map<string, Uint8Array>();
  const summary = await convertCityGML(createReadStream(path) as unknown as AsyncIterable<Uint8Array>, { write: (p, b) => void files.set(p, b) }, { file: relative, ...options });
  return { files, summary };
}

describe('real CityGML samples', () => {
  it('TUM Munich (Gauß-Krüger 4 + DHHN92, LoD2, 290 buildings): valid tileset where Munich is', { timeout: 400_000 }, async () => {
    const { files, summary } = await convertFile('bayern-tum-munich-3dcitydb/TUM_Munich.gml', { maxFeaturesPerTile: 50 });
    expect(summary.error).toBeUndefined();
    expect(summary.buildings).toBe(290);
    expect(summary.crs).toMatchObject({ epsg: 31468, verticalDatum: 'DHHN92' });
    const b = summary.bounds!;
    expect(b.west).toBeGreaterThan(11.55);
    expect(b.east).toBeLessThan(11.58);
    expect(b.south).toBeGreaterThan(48.14);
    expect(b.north).toBeLessThan(48.16);
    // Munich lies ~515–520 m above sea level; ζ ≈ 45.7 m; the highest roofs reach ~45 m more.
    expect(b.minHeight).toBeGreaterThan(545);
    expect(b.maxHeight).toBeLessThan(620);
    const ids = (await readTiles(files)).flatMap((t) => t.columns.id);
    expect(new Set(ids).size).toBe(290);
    const report = await validateTilesetFiles(files);
    expect(report.numErrors).toBe(0);
  });

  it.each([
    ['bayern-ldbv-coreg/DEBY_LOD2_4959457.gml', 25832, 1],
    ['fzk-haus-kit/fzk_haus_lod2_v2.gml', 25832, 1],
    ['berlin-lod2-argis/Berlin2/3910_5819.gml', 25833, 30],
    ['potsdam-lod1-3dcitydb/Potsdam_LoD1.gml', 25833, 97],
  ] as const)('%s converts in EPSG:%i with %i+ buildings', { timeout: 120_000 }, async (relative, epsg, min) => {
    const { files, summary } = await convertFile(relative);
    expect(summary.error).toBeUndefined();
    expect(summary.crs!.epsg).toBe(epsg);
    expect(summary.buildings).toBeGreaterThanOrEqual(min);
    expect(summary.bounds!.west).toBeGreaterThan(5.8);
    expect(summary.bounds!.east).toBeLessThan(15.1);
    expect(summary.bounds!.south).toBeGreaterThan(47.2);
    expect(summary.bounds!.north).toBeLessThan(55.1);
    expect(files.has('tileset.json')).toBe(true);
  });
});
