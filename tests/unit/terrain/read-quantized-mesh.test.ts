// A quantized-mesh terrain read into a height grid by the terrain worker's code, from tiles the fixture writer makes.
import { describe, expect, it } from 'vitest';
import { createTerrainWorkerApi } from '../../../workers/lib/terrain/worker-api';
import { encodeQuantizedMeshTile, geographicTile } from '../../../tools/make-terrain/quantized-mesh';
import { tileRange } from '../../../tools/make-terrain/demo-quantized-mesh';
import { sampleHeight } from '../../../src/core/terrain/height-grid';

const BASE = 'http://127.0.0.1:9/terrain/';
// a tilted plane with a bump: linear parts are exact on any triangle, the bump is not
const height = (lon: number, lat: number) => 450 + 2000 * (lon - 11.5) - 1500 * (lat - 48.1) + 20 * Math.exp(-(((lon - 11.52) / 0.01) ** 2 + ((lat - 48.11) / 0.007) ** 2));
const BOX: [number, number, number, number] = [11.49, 48.09, 11.55, 48.13];

/** layer.json and tiles of levels 0..max over BOX, as files by URL; `layer` patches layer.json. */
function files(max: number, layer: Record<string, unknown> = {}): Map<string, Uint8Array | string> {
  const out = new Map<string, Uint8Array | string>();
  const available = [];
  for (let z = 0; z <= max; z++) {
    const r = tileRange(z, BOX);
    available.push([r]);
    for (let x = r.startX; x <= r.endX; x++) {
      for (let y = r.startY; y <= r.endY; y++) out.set(`${BASE}${z}/${x}/${y}.terrain`, encodeQuantizedMeshTile({ ...geographicTile(z, x, y), size: 33, height }));
    }
  }
  out.set(`${BASE}layer.json`, JSON.stringify({ tilejson: '2.1.0', format: 'quantized-mesh-1.0', version: '1.0.0', scheme: 'tms', projection: 'EPSG:4326', tiles: ['{z}/{x}/{y}.terrain?v={version}'], maxzoom: max, available, ...layer }));
  return out;
}

function server(store: Map<string, Uint8Array | string>, requests: string[] = []): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input).replace(/\?v=.*$/, '');
    requests.push(url);
    const body = store.get(url);
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body as BodyInit, { headers: { 'content-type': 'application/octet-stream' } });
  }) as typeof fetch;
}

describe('quantized-mesh terrain → height grid', () => {
  it('reads the deepest level within the tile budget over the data, heights as the tiles have them', async () => {
    const requests: string[] = [];
    const { grid, level, tiles, failures } = await createTerrainWorkerApi(server(files(13), requests)).loadQuantizedMesh({ url: `${BASE}layer.json` });
    expect(failures).toEqual([]);
    expect(level).toBe(13);
    expect(tiles).toBe(requests.filter((u) => u.endsWith('.terrain')).length);
    expect(grid.epsg).toBe(4326);
    expect(grid.heights.every((h) => !Number.isNaN(h))).toBe(true);
    // linear far from the bump: exact but for the 16-bit height steps; on the bump within the tiles' ~50 m spacing
    for (const [lon, lat, tolerance] of [[11.495, 48.095, 0.02], [11.545, 48.125, 0.02], [11.52, 48.11, 1.5], [11.515, 48.105, 1.5]]) {
      expect(Math.abs(sampleHeight(grid, lon, lat) - height(lon, lat)), `${lon}, ${lat}`).toBeLessThan(tolerance);
    }
    // a tighter budget takes a coarser level
    const coarse = await createTerrainWorkerApi(server(files(13))).loadQuantizedMesh({ url: `${BASE}layer.json`, bbox: BOX });
    expect(coarse.level).toBe(13);
    const few = await readWith(files(13), { maxTiles: 2 });
    expect(few.level).toBeLessThan(13);
    expect(Math.abs(sampleHeight(few.grid, 11.53, 48.12) - height(11.53, 48.12))).toBeLessThan(5);
  });

  it('names a failed tile and takes its ancestor there; a tile the layer does not list comes from its ancestor', async () => {
    const store = files(13);
    const missing = [...store.keys()].find((u) => u.includes('/13/'))!;
    store.delete(missing);
    const result = await readWith(store);
    expect(result.failures).toEqual([`${missing}?v=1.0.0: HTTP 404`]);
    expect(result.grid.heights.every((h) => !Number.isNaN(h))).toBe(true);
    // where the level-12 parent stands in, heights are still the terrain's (a coarser mesh of it)
    const [x, y] = missing.split('/').slice(-2).map((p) => parseInt(p, 10));
    const size = 180 / 2 ** 13;
    const [lon, lat] = [-180 + (x + 0.5) * size, -90 + (y + 0.5) * size];
    if (lon > BOX[0] && lon < BOX[2] && lat > BOX[1] && lat < BOX[3]) expect(Math.abs(sampleHeight(result.grid, lon, lat) - height(lon, lat))).toBeLessThan(5);
    // with no ancestor readable either, the tile's area has no data, the rest is kept
    const bare = files(13);
    for (const key of [...bare.keys()]) if (!key.includes('/13/') && key.endsWith('.terrain')) bare.delete(key);
    bare.delete(missing);
    const holes = await readWith(bare);
    const known = holes.grid.heights.filter((h) => !Number.isNaN(h)).length;
    expect(known).toBeGreaterThan(holes.grid.heights.length / 2);
    expect(known).toBeLessThan(holes.grid.heights.length);
    expect(holes.failures[0]).toBe(`${missing}?v=1.0.0: HTTP 404`);

    // level 13 lists only part of the box: the rest is read from level 12
    const partial = files(13);
    const layer = JSON.parse(partial.get(`${BASE}layer.json`) as string);
    const r = layer.available[13][0];
    layer.available[13] = [{ ...r, endX: r.startX }];
    partial.set(`${BASE}layer.json`, JSON.stringify(layer));
    const requests: string[] = [];
    const { grid, failures } = await createTerrainWorkerApi(server(partial, requests)).loadQuantizedMesh({ url: `${BASE}layer.json`, bbox: BOX });
    expect(failures).toEqual([]);
    expect(requests.some((u) => u.includes('/12/'))).toBe(true);
    expect(grid.heights.every((h) => !Number.isNaN(h))).toBe(true);
  });

  it('refuses a broken or foreign layer.json with the file named', async () => {
    const cases: Array<[Record<string, unknown> | string, RegExp]> = [
      ['{"format": ', /layer\.json: not a readable layer\.json/],
      [{ format: 'heightmap-1.0' }, /has format "heightmap-1\.0"/],
      [{ projection: 'EPSG:3857' }, /uses EPSG:3857 tiling/],
      [{ available: [[{ startX: 0 }]] }, /"available" level 0, range 0 is not four whole tile numbers/],
    ];
    for (const [patch, message] of cases) {
      const store = files(2);
      store.set(`${BASE}layer.json`, typeof patch === 'string' ? patch : JSON.stringify({ ...JSON.parse(store.get(`${BASE}layer.json`) as string), ...patch }));
      await expect(readWith(store)).rejects.toThrow(message);
    }
    await expect(createTerrainWorkerApi(server(new Map())).loadQuantizedMesh({ url: `${BASE}layer.json`, file: 'gelaende/layer.json' })).rejects.toThrow('gelaende/layer.json: HTTP 404');
    // every tile broken: an error, not an empty terrain
    const store = files(3);
    for (const key of store.keys()) if (key.endsWith('.terrain')) store.set(key, new Uint8Array(40));
    await expect(readWith(store)).rejects.toThrow(/no tile over the extent could be read/);
  });
});

function readWith(store: Map<string, Uint8Array | string>, options: { maxTiles?: number } = {}) {
  return createTerrainWorkerApi(server(store)).loadQuantizedMesh({ url: `${BASE}layer.json`, bbox: BOX, ...options });
}
