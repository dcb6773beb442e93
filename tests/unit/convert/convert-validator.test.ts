/**
 * The written tileset passes Cesium's 3d-tiles-validator (tileset JSON, GLB content, and
 * EXT_mesh_features / EXT_structural_metadata against the schema) with no errors.
 * The first run installs the validator's dependencies into a temporary copy (~30–150 s).
 */
import { describe, expect, it } from 'vitest';
import { convertBuildings } from '../../../workers/lib/convert/convert-citygml';
import { createHouse, createTown } from '../../helpers/create-building';
import { validateTilesetFiles } from '../../helpers/validate-tileset';

describe('3d-tiles-validator', () => {
  it('finds no errors and no warnings in a multi-level tileset', { timeout: 400_000 }, async () => {
    const files = new Map<string, Uint8Array>();
    const town = createTown(400);
    // A building with nothing but an id exercises all-missing columns; a big hall stays at a parent tile.
    town.push(createHouse({ id: 'BARE', x: 691100, y: 5334100 }), createHouse({ id: 'HALL', width: 380, depth: 60, x: 691000, y: 5334150 }));
    town[town.length - 2].attributes = { generic: {} };
    const summary = await convertBuildings(town, { write: (p, b) => void files.set(p, b) }, { maxFeaturesPerTile: 60 });
    expect(summary.tiles).toBeGreaterThan(6);
    const report = await validateTilesetFiles(files);
    expect(report.issues.filter((i) => i.severity !== 'INFO'), JSON.stringify(report.issues.slice(0, 5))).toEqual([]);
    expect(report.numErrors).toBe(0);
    expect(report.numWarnings).toBe(0);
  });

  it('reports errors when there are some (the helper is not blind)', { timeout: 400_000 }, async () => {
    const files = new Map<string, Uint8Array>();
    await convertBuildings(createTown(5), { write: (p, b) => void files.set(p, b) });
    const tileset = JSON.parse(new TextDecoder().decode(files.get('tileset.json')));
    tileset.root.geometricError = -1;
    files.set('tileset.json', new TextEncoder().encode(JSON.stringify(tileset)));
    const report = await validateTilesetFiles(files);
    expect(report.numErrors).toBeGreaterThan(0);
  });
});
