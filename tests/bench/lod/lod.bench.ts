/**
 * `npm run bench:lod [-- --buildings 100000]`: the synthetic town (tools/make-demo) converted with and
 * without levels of detail, then 3d-tiles-renderer's own TilesRenderer (the viewer's, errorTarget 16,
 * 800×600, 60° fov) traverses each from an oblique camera at 20 km, 5 km and 1 km until nothing is
 * left to load. Prints bytes fetched and tiles loaded per distance. Runs in Node: no WebGL is needed
 * to traverse and parse; the counts are the renderer's, the bytes those the HTTP server sent.
 * Asserts nothing. Converted tilesets are kept in out/bench-lod/ and reused (delete them after changing the converter).
 * `--implicit` converts both as implicit tilesets (the renderer gets the ImplicitTilingPlugin, as in the viewer).
 * The renderer walks the tilesets as the viewer does (src/engines/three/traversal.ts); `--renderer-defaults` uses
 * 3d-tiles-renderer's defaults instead (every ancestor and the siblings of refined tiles loaded).
 */
import { existsSync, statSync, createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, normalize, resolve } from 'node:path';
import { PerspectiveCamera, Sphere, Vector3 } from 'three';
import { TilesRenderer } from '3d-tiles-renderer';
import { ImplicitTilingPlugin } from '3d-tiles-renderer/plugins';
import { convertCityGML } from '../../../workers/lib/convert/convert-citygml';
import { generateTown } from '../../../tools/make-demo/generate-town';
import { directorySink } from '../../../tools/convert/fs-sink';
import { applyTraversal } from '../../../src/engines/three/traversal';

// The renderer resolves tile URLs against window.location; an absolute tileset URL makes the base irrelevant.
(globalThis as { window?: unknown }).window ??= { location: { href: 'http://127.0.0.1/' } };
// Its scheduler queues work on animation frames; in Node a macrotask stands in for one.
const g = globalThis as unknown as Record<string, unknown>;
g.requestAnimationFrame ??= (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 0);
g.cancelAnimationFrame ??= (id: ReturnType<typeof setTimeout>) => clearTimeout(id);

const args = process.argv.slice(2);
const buildings = Number(args[args.indexOf('--buildings') + 1]) || 10_000;
const implicit = args.includes('--implicit');
/** 3d-tiles-renderer's own traversal (ancestors and siblings loaded) instead of the viewer's (traversal.ts). */
const rendererDefaults = args.includes('--renderer-defaults');
const out = resolve(import.meta.dirname, '../../../out/bench-lod', `${buildings}${implicit ? '-implicit' : ''}`);
const DISTANCES = [20_000, 5_000, 1_000];

async function convert(dir: string, lod: boolean): Promise<void> {
  if (existsSync(join(dir, 'tileset.json'))) return;
  const encoder = new TextEncoder();
  async function* town() {
    for await (const piece of generateTown({ buildings, seed: 1 })) yield encoder.encode(piece);
  }
  const summary = await convertCityGML(town(), directorySink(dir), { lod, implicit });
  if (summary.error) throw new Error(summary.error.message);
}

let bytesServed = 0;
function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const file = normalize(join(root, decodeURIComponent((req.url ?? '/').split('?')[0])));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    const size = statSync(file).size;
    bytesServed += size;
    res.writeHead(200, { 'content-length': size });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

async function view(origin: string, distance: number): Promise<{ bytes: number; tiles: number }> {
  bytesServed = 0;
  const tiles = new TilesRenderer(`${origin}/tileset.json`);
  tiles.registerPlugin(new ImplicitTilingPlugin());
  if (!rendererDefaults) applyTraversal(tiles);
  const camera = new PerspectiveCamera(60, 800 / 600, 1, 1e7);
  tiles.setCamera(camera);
  tiles.setResolution(camera, 800, 600);
  let loaded = 0;
  tiles.addEventListener('load-model', () => loaded++);
  let placed = false;
  let idle = 0;
  // Until the root is known and then nothing is downloading or parsing for a while (condition, not a timer).
  let failed = false;
  tiles.addEventListener('load-error', (e: { error?: Error; url?: string }) => {
    failed = true;
    console.error(`load error ${e.url}: ${e.error?.message}`);
  });
  for (let frame = 0; frame < 6_000 && idle < 20 && !failed; frame++) {
    tiles.update();
    const sphere = new Sphere();
    if (!placed && tiles.getBoundingSphere(sphere)) {
      const centre = sphere.center.clone().applyMatrix4(tiles.group.matrixWorld);
      const up = centre.clone().normalize();
      const north = new Vector3(0, 0, 1).sub(up.clone().multiplyScalar(up.z)).normalize();
      // 45° oblique, from the south.
      camera.position.copy(centre).addScaledVector(up, distance * Math.SQRT1_2).addScaledVector(north, -distance * Math.SQRT1_2);
      camera.up.copy(up);
      camera.lookAt(centre);
      camera.updateMatrixWorld();
      placed = true;
    }
    const { downloading, parsing } = (tiles as unknown as { stats: { downloading: number; parsing: number } }).stats;
    idle = placed && downloading === 0 && parsing === 0 ? idle + 1 : 0;
    await new Promise((r) => setTimeout(r, 5));
  }
  tiles.dispose();
  if (failed || !placed) throw new Error(`the tileset did not load at ${distance} m`);
  return { bytes: bytesServed, tiles: loaded };
}

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const rows: string[] = [];
for (const lod of [true, false]) {
  const dir = join(out, lod ? 'lod' : 'flat');
  await convert(dir, lod);
  const { server, origin } = await serve(dir);
  for (const d of DISTANCES) {
    const r = await view(origin, d);
    rows.push(`${String(buildings).padStart(7)}  ${(lod ? 'lod' : 'no lod').padEnd(7)}${implicit ? ' implicit' : ''} ${String(d / 1000).padStart(4)} km  ${mb(r.bytes).padStart(10)}  ${String(r.tiles).padStart(5)} tiles`);
  }
  server.close();
}
console.log(`buildings  tileset  distance      bytes  loaded\n${rows.join('\n')}`);
