/**
 * A whole tileset's triangles in one local east-north-up frame (metres, z up): tileset.json is read in the
 * worker, every content GLB fetched (http: and blob: URLs alike) and placed by its tile transforms, the
 * glTF y-up → z-up rotation and the frame's ECEF → ENU matrix. Only the ids and triangles stay here.
 */
import { enuToEcef, invertRigid, multiplyMatrices, ecefToGeodetic } from '../../../src/core/geo/enu';
import { readGlbTriangles } from './glb-triangles';
import type { LocalFrame } from '../../types/shadow';
export type { LocalFrame } from '../../types/shadow';

export interface SceneTriangles {
  /** 9 numbers per triangle, local ENU metres. */
  positions: Float64Array;
  /** Index into ids per triangle (−1: no feature). */
  feature: Int32Array;
  ids: string[];
}

export type FetchBytes = (url: string) => Promise<ArrayBuffer>;

/** glTF y-up → 3D Tiles z-up (column-major): (x, y, z) → (x, −z, y). */
const Y_UP_TO_Z_UP = new Float64Array([1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1]);
const IDENTITY = new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
const MAX_CONTENTS = 50_000;

type Json = Record<string, any>;

export const defaultFetchBytes: FetchBytes = async (url) => {
  const response = await fetch(url, { headers: { Accept: 'application/json, model/gltf-binary, application/octet-stream' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
};

/** The frame at the centre of a tileset's root bounding volume (box or region). */
export async function frameOfTileset(url: string, fetchBytes: FetchBytes = defaultFetchBytes): Promise<LocalFrame> {
  const json = parseJson(await fetchBytes(url), url);
  const root = json.root;
  const transform = root?.transform ?? IDENTITY;
  const box = root?.boundingVolume?.box;
  const region = root?.boundingVolume?.region;
  if (region) return { lon: ((region[0] + region[2]) / 2) * (180 / Math.PI), lat: ((region[1] + region[3]) / 2) * (180 / Math.PI), height: region[4] };
  if (!box) throw new Error(`${url}: the root has neither a box nor a region bounding volume`);
  const t = transform;
  const [x, y, z] = [box[0], box[1], box[2]];
  const g = ecefToGeodetic(t[0] * x + t[4] * y + t[8] * z + t[12], t[1] * x + t[5] * y + t[9] * z + t[13], t[2] * x + t[6] * y + t[10] * z + t[14]);
  return { lon: g[0], lat: g[1], height: g[2] - box[11] };
}

/** Loads every content of the tileset at url into the frame. */
export async function loadTilesetTriangles(
  url: string,
  frame: LocalFrame,
  options: { fetchBytes?: FetchBytes; signal?: { aborted: boolean }; onFile?: (done: number) => void } = {},
): Promise<SceneTriangles> {
  const fetchBytes = options.fetchBytes ?? defaultFetchBytes;
  const toLocal = invertRigid(enuToEcef(frame.lon, frame.lat, frame.height));
  const jobs: { url: string; matrix: Float64Array }[] = [];

  const walkTileset = async (tilesetUrl: string, parent: Float64Array, depth: number): Promise<void> => {
    if (depth > 8) throw new Error(`${tilesetUrl}: external tilesets nested deeper than 8`);
    const json = parseJson(await fetchBytes(tilesetUrl), tilesetUrl);
    if (!json.root) throw new Error(`${tilesetUrl}: tileset.json has no root`);
    const pending: Promise<void>[] = [];
    const walk = (tile: Json, parentMatrix: Float64Array, refine: string, level: number): void => {
      if (level > 64) throw new Error(`${tilesetUrl}: tile tree deeper than 64`);
      const matrix = tile.transform ? multiplyMatrices(parentMatrix, tile.transform) : parentMatrix;
      const mode = (tile.refine ?? refine).toUpperCase();
      const children: Json[] = tile.children ?? [];
      // REPLACE: a parent's content is a coarser copy of its children's, so only leaves count
      const useContent = mode === 'ADD' || children.length === 0;
      const contents: Json[] = tile.contents ?? (tile.content ? [tile.content] : []);
      if (useContent) {
        for (const content of contents) {
          const uri = content.uri ?? content.url;
          if (typeof uri !== 'string') continue;
          const resolved = new URL(uri, tilesetUrl).href;
          if (/\.json($|\?)/i.test(resolved)) pending.push(walkTileset(resolved, matrix, depth + 1));
          else jobs.push({ url: resolved, matrix });
          if (jobs.length > MAX_CONTENTS) throw new Error(`${tilesetUrl}: more than ${MAX_CONTENTS} tile contents`);
        }
      }
      for (const child of children) walk(child, matrix, mode, level + 1);
    };
    walk(json.root, parent, json.root.refine ?? 'REPLACE', 0);
    await Promise.all(pending);
  };
  await walkTileset(url, IDENTITY, 0);

  const parts: SceneTriangles[] = [];
  let done = 0;
  // a few downloads at a time: enough to hide latency, bounded memory
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (options.signal?.aborted) return;
      const bytes = new Uint8Array(await fetchBytes(job.url));
      if (!/\.glb($|\?)/i.test(job.url) && String.fromCharCode(...bytes.subarray(0, 4)) !== 'glTF') {
        throw new Error(`${job.url}: only GLB tile content is read for the shadow analysis`);
      }
      const glb = readGlbTriangles(bytes, job.url);
      const m = multiplyMatrices(toLocal, multiplyMatrices(job.matrix, Y_UP_TO_Z_UP));
      const p = glb.positions;
      for (let i = 0; i < p.length; i += 3) {
        const x = p[i], y = p[i + 1], z = p[i + 2];
        p[i] = m[0] * x + m[4] * y + m[8] * z + m[12];
        p[i + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
        p[i + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
      }
      parts.push(glb);
      options.onFile?.(++done);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return mergeTriangles(parts);
}

/** Concatenates triangle sets, merging their id lists (the same id in two sets is one building). */
export function mergeTriangles(parts: readonly SceneTriangles[]): SceneTriangles {
  const ids: string[] = [];
  const row = new Map<string, number>();
  let count = 0;
  for (const p of parts) count += p.feature.length;
  const positions = new Float64Array(count * 9);
  const feature = new Int32Array(count);
  let at = 0;
  for (const p of parts) {
    positions.set(p.positions, at * 9);
    for (let t = 0; t < p.feature.length; t++) {
      const f = p.feature[t];
      if (f < 0) {
        feature[at + t] = -1;
        continue;
      }
      const id = p.ids[f];
      let r = row.get(id);
      if (r === undefined) {
        r = ids.length;
        ids.push(id);
        row.set(id, r);
      }
      feature[at + t] = r;
    }
    at += p.feature.length;
  }
  return { positions, feature, ids };
}

function parseJson(buffer: ArrayBuffer, url: string): Json {
  try {
    return JSON.parse(new TextDecoder().decode(buffer)) as Json;
  } catch (error) {
    throw new Error(`${url}: not JSON (${(error as Error).message})`);
  }
}
