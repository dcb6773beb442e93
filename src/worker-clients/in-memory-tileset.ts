/**
 * Serves an in-memory tileset (path → bytes, as the CityGML worker returns it) to any engine through
 * blob: URLs, so no server and no engine-specific fetch hook is needed. Relative URIs cannot resolve
 * against a blob: URL, so every content URI in tileset JSON (external tilesets too) is rewritten to
 * the blob URL of its file. revoke() frees them all; the engine must no longer use the tileset then.
 */
export interface InMemoryTileset {
  /** The entry tileset.json as a blob: URL. */
  readonly url: string;
  /** The blob: URL of any file of the tileset (e.g. footprints.bin), made on first request. */
  urlOf(path: string): string;
  /** Every blob: URL made so far. */
  readonly urls: readonly string[];
  revoke(): void;
}

interface TileJson {
  content?: { uri: string };
  contents?: { uri: string }[];
  children?: TileJson[];
}

const types: Record<string, string> = {
  json: 'application/json',
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
};

export function serveInMemoryTileset(files: ReadonlyMap<string, Uint8Array>, entry = 'tileset.json'): InMemoryTileset {
  const byPath = new Map<string, string>();
  const made: string[] = [];
  let revoked = false;

  const urlOf = (path: string): string => {
    if (revoked) throw new Error('the in-memory tileset was revoked');
    const known = byPath.get(path);
    if (known) return known;
    const bytes = files.get(path);
    if (!bytes) throw new Error(`the tileset refers to a file it does not hold: ${path}`);
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    const body = ext === 'json' ? rewriteTileset(bytes, path, urlOf) : (bytes as BlobPart);
    const url = URL.createObjectURL(new Blob([body], { type: types[ext] ?? 'application/octet-stream' }));
    byPath.set(path, url);
    made.push(url);
    return url;
  };

  const url = urlOf(entry);
  return {
    url,
    urlOf,
    urls: made,
    revoke() {
      if (revoked) return;
      revoked = true;
      for (const u of made) URL.revokeObjectURL(u);
      byPath.clear();
    },
  };
}

/** The tileset JSON with its content URIs pointing at blob URLs (made, depth first, through urlOf). */
function rewriteTileset(bytes: Uint8Array, path: string, urlOf: (path: string) => string): string {
  const json = JSON.parse(new TextDecoder().decode(bytes)) as { root: TileJson };
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const visit = (tile: TileJson) => {
    if (tile.content) tile.content.uri = urlOf(resolvePath(folder, tile.content.uri));
    for (const c of tile.contents ?? []) c.uri = urlOf(resolvePath(folder, c.uri));
    for (const child of tile.children ?? []) visit(child);
  };
  visit(json.root);
  return JSON.stringify(json);
}

/** "a/../b/./c.glb" relative to a folder of the tileset → "b/c.glb". */
function resolvePath(folder: string, uri: string): string {
  const parts: string[] = [];
  for (const part of (folder + decodeURIComponent(uri)).split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
