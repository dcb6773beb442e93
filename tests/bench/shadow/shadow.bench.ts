/**
 * npm run bench:shadow — shadow rays per second on one thread, and the demo town's ground grid
 * (public/tiles, 2 m cells, 21 March, 10-minute steps) end to end as the shadow worker runs it.
 * Prints figures, asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createShadowWorkerApi } from '../../../workers/lib/shadow/worker-api';
import { frameOfTileset, loadTilesetTriangles } from '../../../workers/lib/shadow/tileset-triangles';
import { TriangleGrid } from '../../../workers/lib/shadow/triangle-grid';
import { sunSamples } from '../../../workers/lib/shadow/sun-samples';
import { seededRandom } from '../../helpers/seeded-random';

const root = join(fileURLToPath(import.meta.url), '../../../../public/tiles');
const base = 'https://demo.test/';
const fetchBytes = async (url: string) => {
  const bytes = readFileSync(join(root, url.slice(base.length)));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};
const tileset = `${base}tileset.json`;

async function main(): Promise<void> {
  const frame = await frameOfTileset(tileset, fetchBytes);
  let t0 = performance.now();
  const scene = await loadTilesetTriangles(tileset, frame, { fetchBytes });
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  const grid = new TriangleGrid(scene.positions);
  const buildMs = performance.now() - t0;
  console.log(`demo town: ${scene.ids.length} buildings, ${scene.feature.length} triangles; read ${loadMs.toFixed(0)} ms, grid ${grid.nx}×${grid.ny} cells of ${grid.cellSize.toFixed(1)} m built in ${buildMs.toFixed(0)} ms`);

  // rays: ground points spread over the town, directions of the 21 March sun
  const sun = sunSamples({ from: '2025-03-21' }, { lat: frame.lat, lon: frame.lon, elevation: frame.height });
  const rnd = seededRandom(11);
  const n = 400_000;
  const origins = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    origins[i * 3] = grid.minX + rnd() * grid.nx * grid.cellSize;
    origins[i * 3 + 1] = grid.minY + rnd() * grid.ny * grid.cellSize;
    origins[i * 3 + 2] = grid.minZ + 0.05;
  }
  const samples = sun.elevations.length;
  for (let round = 0; round < 3; round++) {
    let hits = 0;
    t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const s = (i * 7) % samples;
      if (grid.occluded(origins[i * 3], origins[i * 3 + 1], origins[i * 3 + 2], sun.directions[s * 3], sun.directions[s * 3 + 1], sun.directions[s * 3 + 2])) hits++;
    }
    const ms = performance.now() - t0;
    console.log(`shadow rays (any hit), one thread: ${((n / ms) * 1000 / 1e6).toFixed(2)} M rays/s (${n} rays, ${((hits / n) * 100).toFixed(0)} % in shadow)`);
  }

  const api = createShadowWorkerApi(fetchBytes);
  t0 = performance.now();
  const r = await api.sunHours({ base: { tilesets: [tileset] }, from: '2025-03-21', cellSize: 2, buildings: [] });
  const ms = performance.now() - t0;
  console.log(
    `demo town ground grid, 21 March, 10-min steps: ${r.grid.nx}×${r.grid.ny} cells (2 m), ${sun.elevations.length} sun samples, ${(r.rays / 1e6).toFixed(1)} M rays in ${(ms / 1000).toFixed(2)} s (${((r.rays / ms) * 1000 / 1e6).toFixed(2)} M rays/s)`,
  );
  t0 = performance.now();
  const f = await api.sunHours({ base: { tilesets: [tileset] }, from: '2025-03-21', cellSize: 2, area: { minX: 0, minY: 0, maxX: 1, maxY: 1 } });
  console.log(`every facade of the town (${f.facade.positions.length / 3} points, 2 m spacing): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

void main();
