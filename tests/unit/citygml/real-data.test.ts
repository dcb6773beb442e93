// Every shared real CityGML sample reads without crashing into the right number of buildings.
// The data lives outside the repo (../shared/data/citygml); this suite fails, never skips, without it.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConvertWarning, ParsedBuilding } from '../../../workers/lib/citygml/building';
import { readCityGML } from '../../../workers/lib/citygml/read-citygml';

const root = resolve(import.meta.dirname, '../../..');
const dataDir = resolve(root, '../shared/data/citygml');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return listFiles(p);
    return /\.(gml|xml)$/i.test(name) ? [p] : [];
  });
}

/**
 * Independent count: start tags of Building elements (any prefix, not BuildingPart), comments removed.
 * No sample nests a Building in a Building, so this is the number of top-level buildings.
 */
function countBuildingTags(file: string): number {
  const text = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  return (text.match(/<(?:[\w.-]+:)?Building[\s>/]/g) ?? []).length;
}

// Counts checked by hand with grep, as a guard on the regex above.
const KNOWN: Record<string, number> = {
  'bayern-tum-munich-3dcitydb/TUM_Munich.gml': 290,
  'potsdam-lod1-3dcitydb/Potsdam_LoD1.gml': 97,
  'berlin-lod2-argis/Berlin2/3910_5819.gml': 35,
  'niedersachsen-lod1-oer4sdi/LoD1_24045864_2_2021-01-25.gml': 23,
  'ogc-citygml3-examples/v3/historicalSuccession_CityGML_3.0_LOD2_Versioning.gml': 4,
  'ogc-citygml2-appearance-examples/Appearance_TexCoord-Example.gml': 0,
};

describe('real CityGML samples', () => {
  it('the shared data folder exists and holds samples', () => {
    expect(existsSync(dataDir), `missing ${dataDir}`).toBe(true);
    expect(listFiles(dataDir).length).toBeGreaterThan(20);
  });

  const files = existsSync(dataDir) ? listFiles(dataDir) : [];
  it.each(files.map((f) => [relative(dataDir, f), f]))('%s', async (name, file) => {
    const warnings: ConvertWarning[] = [];
    const buildings: ParsedBuilding[] = [];
    for await (const b of readCityGML(createReadStream(file), { file: name, onWarning: (w) => warnings.push(w) })) buildings.push(b);

    const tags = countBuildingTags(file);
    if (name in KNOWN) expect(tags).toBe(KNOWN[name]);
    const dropped = warnings.filter((w) => w.code === 'no-geometry').map((w) => w.buildingId);
    expect(buildings.length + dropped.length).toBe(tags);

    for (const b of buildings) {
      expect(b.polygons.length, b.id).toBeGreaterThan(0);
      expect(b.lod).toBeGreaterThanOrEqual(0);
      for (const p of b.polygons) {
        expect(p.rings[0].length).toBeGreaterThanOrEqual(9);
        for (const ring of p.rings) expect(ring.every(Number.isFinite), b.id).toBe(true);
      }
    }
    for (const w of warnings) {
      expect(w.file).toBe(name);
      expect(w.line).toBeGreaterThan(0);
    }
  });
});
