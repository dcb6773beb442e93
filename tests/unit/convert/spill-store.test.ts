import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertCityGML, type ConvertOptions } from '../../../workers/lib/convert/convert-citygml';
import { decodeBuilding, encodeBuilding } from '../../../workers/lib/convert/building-record';
import { generateTown } from '../../../tools/make-demo/generate-town';
import { DiskSpillFile } from '../../../tools/convert/spill-file';
import { createHouse } from '../../helpers/create-building';
import { buildBuildingMesh } from '../../../workers/lib/mesh/building-mesh';

const dir = mkdtempSync(join(tmpdir(), 'twinby-spill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* town(buildings: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const piece of generateTown({ buildings, seed: 3 })) yield encoder.encode(piece);
}

/** Converts a generated town; returns the files and what the converter held when the writing phase began. */
async function convert(buildings: number, spill?: DiskSpillFile) {
  const files = new Map<string, Uint8Array>();
  let heldAtWriting = -1;
  const options: ConvertOptions = {
    file: 'town.gml',
    geoid: 'none',
    spill,
    onProgress: (p) => {
      if (p.phase === 'writing' && heldAtWriting < 0) heldAtWriting = p.heldBytes ?? -1;
    },
  };
  const summary = await convertCityGML(town(buildings), { write: (p, b) => void files.set(p, b) }, options);
  expect(summary.error).toBeUndefined();
  expect(summary.buildings).toBe(buildings);
  return { files, heldAtWriting };
}

describe('SpillStore: memory follows the tile, not the input', () => {
  it('writes the same tileset, byte for byte, as the in-memory store', async () => {
    const path = join(dir, 'same.bin');
    const inMemory = await convert(600);
    const spilled = await convert(600, new DiskSpillFile(path));
    expect([...spilled.files.keys()].sort()).toEqual([...inMemory.files.keys()].sort());
    for (const [name, bytes] of inMemory.files) expect(Buffer.compare(spilled.files.get(name)!, bytes), name).toBe(0);
    expect(existsSync(path)).toBe(false); // removed when the conversion ends
  }, 120_000);

  it('holds a few bytes per building once everything is read (the arena held ~1.5 kB each)', async () => {
    const small = await convert(300, new DiskSpillFile(join(dir, 'small.bin')));
    const large = await convert(2400, new DiskSpillFile(join(dir, 'large.bin')));
    const perBuilding = (large.heldAtWriting - small.heldAtWriting) / 2100;
    expect(perBuilding).toBeLessThan(128);
    // The same measure discriminates: the in-memory store grows with the input.
    const arenaSmall = await convert(300);
    const arenaLarge = await convert(2400);
    expect((arenaLarge.heldAtWriting - arenaSmall.heldAtWriting) / 2100).toBeGreaterThan(500);
  }, 240_000);

  it('round-trips a building record (ids and attributes with non-ASCII text)', () => {
    const house = createHouse({ id: 'DEBY_Ä_1', attributes: { name: 'Rathaus Straße', function: '31001_1000', generic: { Höhe: 12.5 } } });
    const { mesh } = buildBuildingMesh(house);
    const model = Float64Array.from({ length: 27 }, (_, i) => i * 1.5);
    const back = decodeBuilding(encodeBuilding(mesh!, model, mesh!.footprint));
    expect(back.mesh.id).toBe('DEBY_Ä_1');
    expect(back.mesh.attributes).toEqual(mesh!.attributes);
    expect(Array.from(back.model)).toEqual(Array.from(model));
    expect(Array.from(back.mesh.positions)).toEqual(Array.from(mesh!.positions));
    expect(Array.from(back.mesh.indices)).toEqual(Array.from(mesh!.indices));
    expect(Array.from(back.mesh.normals)).toEqual(Array.from(mesh!.normals));
    expect(Array.from(back.mesh.surfaces)).toEqual(Array.from(mesh!.surfaces));
    expect(back.mesh.footprint.map((p) => p.map((r) => Array.from(r)))).toEqual(mesh!.footprint.map((p) => p.map((r) => Array.from(r))));
    expect(back.mesh.groundHeight).toBe(mesh!.groundHeight);
  });
});
