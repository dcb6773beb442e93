/**
 * Serves an in-memory tileset (path → bytes, as the CityGML worker returns it) to a tiles renderer
 * through blob: URLs. Every content URI in tileset JSON (external tilesets included) is rewritten to the
 * blob URL of its file, since relative URIs cannot resolve against a blob: URL.
 */
export interface BlobTileset {
  /** The entry tileset.json as a blob: URL. */
  url: string;
  revoke(): void;
}

interface Tile {
  content?: { uri: string };
  contents?: { uri: string }[];
  children?: Tile[];
}

export function tilesetBlobUrls(files: ReadonlyMap<string, Uint8Array>, entry = 'tileset.json'): BlobTileset {
  const urls = new Map<string, string>();
  const made: string[] = [];

  const urlOf = (path: string): string => {
    const known = urls.get(path);
    if (known) return known;
    const bytes = files.get(path);
    if (!bytes) throw new Error(`tileset refers to a file that is not there: ${path}`);
    let url: string;
    if (path.endsWith('.json')) {
      const json = JSON.parse(new TextDecoder().decode(bytes)) as { root: Tile };
      const base = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
      rewrite(json.root, (uri) => urlOf(resolvePath(base, uri)));
      url = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
    } else {
      url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: path.endsWith('.glb') ? 'model/gltf-binary' : 'application/octet-stream' }));
    }
    urls.set(path, url);
    made.push(url);
    return url;
  };

  return {
    url: urlOf(entry),
    revoke: () => made.forEach((url) => URL.revokeObjectURL(url)),
  };
}

function rewrite(tile: Tile, map: (uri: string) => string): void {
  if (tile.content) tile.content.uri = map(tile.content.uri);
  for (const c of tile.contents ?? []) c.uri = map(c.uri);
  for (const child of tile.children ?? []) rewrite(child, map);
}

/** Resolves "a/../b/./c.glb" style URIs relative to a folder inside the tileset. */
function resolvePath(base: string, uri: string): string {
  const parts: string[] = [];
  for (const part of (base + decodeURIComponent(uri)).split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
