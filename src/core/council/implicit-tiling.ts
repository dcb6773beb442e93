/**
 * The files of a 3D Tiles 1.1 implicit tileset (quadtree or octree): every subtree file reachable from the root
 * subtree through child-subtree availability, and every tile content whose availability bit is set, with the
 * {level} {x} {y} {z} templates filled in. Subtrees are binary (.subtree: "subt", version 1, JSON, binary
 * chunk) or JSON; external buffers they name are files too. Bounded: subtree count and bits per subtree.
 */

export interface ImplicitTiling {
  subdivisionScheme?: string;
  subtreeLevels?: number;
  availableLevels?: number;
  /** 3D Tiles 1.0 extension name of availableLevels. */
  maximumLevel?: number;
  subtrees?: { uri?: string };
}

interface Availability {
  constant?: number;
  bitstream?: number;
  /** the pre-1.1 extension's name of bitstream */
  bufferView?: number;
}

interface SubtreeJson {
  buffers?: Array<{ uri?: string; byteLength?: number }>;
  bufferViews?: Array<{ buffer: number; byteOffset?: number; byteLength: number }>;
  tileAvailability?: Availability;
  contentAvailability?: Availability[] | Availability;
  childSubtreeAvailability?: Availability;
}

export interface ImplicitWalk {
  fetchBinary(url: string): Promise<ArrayBuffer>;
  /** Lists a file for caching; false once the file bound is reached (the walk then stops). */
  add(url: string): boolean;
  maxSubtrees?: number;
  /** Availability bits read per subtree at most (a subtree of 10 octree levels has 153 million). */
  maxBitsPerSubtree?: number;
}

export function fillTemplate(template: string, level: number, xyz: readonly number[]): string {
  return template.replace(/\{(level|x|y|z)\}/g, (_, k: string) => String(k === 'level' ? level : xyz[k === 'x' ? 0 : k === 'y' ? 1 : 2]));
}

/** Morton index → coordinates (x first), for indices up to 2^53. */
export function fromMorton(index: number, dims: 2 | 3): number[] {
  const out = dims === 2 ? [0, 0] : [0, 0, 0];
  let m = index;
  for (let bit = 0; m > 0; bit++) {
    for (let d = 0; d < dims; d++) {
      out[d] += (m % 2) * 2 ** bit;
      m = Math.floor(m / 2);
    }
  }
  return out;
}

/** Reads a subtree file (binary or JSON) and the buffers it needs; external buffers are listed as files. */
export async function readSubtree(bytes: ArrayBuffer, url: string, walk: Pick<ImplicitWalk, 'fetchBinary' | 'add'>): Promise<{ json: SubtreeJson; buffers: Uint8Array[] }> {
  const view = new DataView(bytes);
  let json: SubtreeJson;
  let internal: Uint8Array | null = null;
  if (bytes.byteLength >= 24 && view.getUint32(0, true) === 0x74627573 /* "subt" */) {
    if (view.getUint32(4, true) !== 1) throw new Error(`${url}: subtree version ${view.getUint32(4, true)} (1 expected)`);
    const jsonLength = Number(view.getBigUint64(8, true));
    const binLength = Number(view.getBigUint64(16, true));
    if (24 + jsonLength + binLength > bytes.byteLength) throw new Error(`${url}: subtree header says ${24 + jsonLength + binLength} bytes, the file has ${bytes.byteLength}`);
    json = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 24, jsonLength)));
    internal = new Uint8Array(bytes, 24 + jsonLength, binLength);
  } else {
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new Error(`${url}: neither a binary subtree ("subt") nor JSON`);
    }
  }
  const buffers: Uint8Array[] = [];
  for (const b of json.buffers ?? []) {
    if (b.uri == null) {
      if (!internal) throw new Error(`${url}: a buffer without uri but no binary chunk`);
      buffers.push(internal);
    } else {
      const bufferUrl = new URL(b.uri, url).href;
      walk.add(bufferUrl);
      buffers.push(new Uint8Array(await walk.fetchBinary(bufferUrl)));
    }
  }
  return { json, buffers };
}

function bits(a: Availability | undefined, json: SubtreeJson, buffers: Uint8Array[], url: string): (i: number) => boolean {
  if (!a) return () => false;
  if (a.constant !== undefined) return () => a.constant === 1;
  const v = json.bufferViews?.[a.bitstream ?? a.bufferView ?? -1];
  const buffer = v && buffers[v.buffer];
  if (!v || !buffer) throw new Error(`${url}: availability names a bitstream that is not there`);
  const bytes = buffer.subarray(v.byteOffset ?? 0, (v.byteOffset ?? 0) + v.byteLength);
  return (i) => ((bytes[Math.floor(i / 8)] ?? 0) >> i % 8) % 2 === 1;
}

/**
 * Lists the subtrees and contents of an implicit root tile. `contents` are the tile's content URI templates
 * (content, or each of contents). Returns the issues met; a subtree that cannot be read loses only its part.
 */
export async function walkImplicit(tilesetUrl: string, tiling: ImplicitTiling, contents: readonly string[], walk: ImplicitWalk): Promise<Array<{ url: string; message: string }>> {
  const issues: Array<{ url: string; message: string }> = [];
  const dims = tiling.subdivisionScheme === 'OCTREE' ? 3 : 2;
  const n = 2 ** dims;
  const subtreeLevels = tiling.subtreeLevels ?? 0;
  const availableLevels = tiling.availableLevels ?? (tiling.maximumLevel != null ? tiling.maximumLevel + 1 : 0);
  const template = tiling.subtrees?.uri;
  if (!template || subtreeLevels < 1 || availableLevels < 1) return [{ url: tilesetUrl, message: 'implicit tiling without subtrees.uri, subtreeLevels or availableLevels' }];
  const maxSubtrees = walk.maxSubtrees ?? 10_000;
  const maxBits = walk.maxBitsPerSubtree ?? 4_000_000;
  const bitsPerSubtree = (n ** subtreeLevels - 1) / (n - 1);
  if (bitsPerSubtree > maxBits) return [{ url: tilesetUrl, message: `subtrees of ${subtreeLevels} levels hold ${bitsPerSubtree} tiles, more than ${maxBits}; not walked` }];
  const queue: Array<{ level: number; xyz: number[] }> = [{ level: 0, xyz: dims === 2 ? [0, 0] : [0, 0, 0] }];
  let done = 0;
  while (queue.length) {
    if (done >= maxSubtrees) {
      issues.push({ url: tilesetUrl, message: `more than ${maxSubtrees} subtrees; the rest are left out` });
      break;
    }
    const root = queue.shift()!;
    done++;
    const url = new URL(fillTemplate(template, root.level, root.xyz), tilesetUrl).href;
    if (!walk.add(url)) return issues;
    let subtree: { json: SubtreeJson; buffers: Uint8Array[] };
    try {
      subtree = await readSubtree(await walk.fetchBinary(url), url, walk);
    } catch (err) {
      issues.push({ url, message: (err as Error).message });
      continue;
    }
    const { json, buffers } = subtree;
    try {
      const tile = bits(json.tileAvailability, json, buffers, url);
      const content = (Array.isArray(json.contentAvailability) ? json.contentAvailability : json.contentAvailability ? [json.contentAvailability] : []).map((a) => bits(a, json, buffers, url));
      for (let local = 0, offset = 0; local < subtreeLevels && root.level + local < availableLevels; offset += n ** local, local++) {
        for (let m = 0; m < n ** local; m++) {
          if (!tile(offset + m)) continue;
          const xyz = fromMorton(m, dims).map((c, d) => root.xyz[d] * 2 ** local + c);
          for (const [i, has] of content.entries()) {
            if (contents[i] && has(offset + m) && !walk.add(new URL(fillTemplate(contents[i], root.level + local, xyz), tilesetUrl).href)) return issues;
          }
        }
      }
      if (root.level + subtreeLevels < availableLevels) {
        const child = bits(json.childSubtreeAvailability, json, buffers, url);
        for (let m = 0; m < n ** subtreeLevels; m++) {
          if (child(m)) queue.push({ level: root.level + subtreeLevels, xyz: fromMorton(m, dims).map((c, d) => root.xyz[d] * 2 ** subtreeLevels + c) });
        }
      }
    } catch (err) {
      issues.push({ url, message: (err as Error).message });
    }
  }
  return issues;
}
