/**
 * Every file a tileset needs, for caching a meeting's tour: tileset.json, external tilesets (followed) and
 * every tile content. Nothing public precaches a 3D Tiles pyramid, so the tree is walked here. Bounded: at
 * most maxFiles files and maxDepth levels; past a bound the walk stops with an issue instead of hanging.
 * Implicit tiling (3D Tiles 1.1 subtrees) is expanded from the availability bits when fetchBinary is given.
 */
import { walkImplicit, type ImplicitTiling } from './implicit-tiling.js';

export interface TilesetFilesOptions {
  /** Reads a JSON file (a tileset); throws with a readable message when it cannot. */
  fetchJson(url: string): Promise<unknown>;
  /** Reads a binary file (a subtree); without it implicit tiling is reported, not walked. */
  fetchBinary?(url: string): Promise<ArrayBuffer>;
  maxFiles?: number;
  maxDepth?: number;
}

export interface TilesetFilesResult {
  /** Absolute URLs, tileset files first as found, no duplicates. */
  urls: string[];
  issues: Array<{ url: string; message: string }>;
}

interface TileJson {
  content?: { uri?: string; url?: string };
  contents?: Array<{ uri?: string; url?: string }>;
  children?: TileJson[];
  implicitTiling?: ImplicitTiling;
}

export async function listTilesetFiles(rootUrl: string, options: TilesetFilesOptions): Promise<TilesetFilesResult> {
  const maxFiles = options.maxFiles ?? 200_000;
  const maxDepth = options.maxDepth ?? 64;
  const seen = new Set<string>();
  const urls: string[] = [];
  const issues: TilesetFilesResult['issues'] = [];
  const tilesets: Array<{ url: string; depth: number }> = [{ url: new URL(rootUrl).href, depth: 0 }];
  const add = (url: string): boolean => {
    if (seen.has(url)) return false;
    if (urls.length >= maxFiles) {
      if (!issues.some((i) => i.message.startsWith('more than'))) issues.push({ url, message: `more than ${maxFiles} files; the rest are left out` });
      return false;
    }
    seen.add(url);
    urls.push(url);
    return true;
  };
  while (tilesets.length) {
    const { url, depth } = tilesets.shift()!;
    if (!add(url)) continue;
    let json: { root?: TileJson };
    try {
      json = (await options.fetchJson(url)) as { root?: TileJson };
    } catch (err) {
      issues.push({ url, message: (err as Error).message });
      // a tileset that cannot be read is not a file to cache
      urls.splice(urls.indexOf(url), 1);
      continue;
    }
    if (!json || typeof json !== 'object' || !json.root) {
      issues.push({ url, message: 'not a tileset (no root tile)' });
      continue;
    }
    const stack: Array<{ tile: TileJson; level: number }> = [{ tile: json.root, level: 0 }];
    while (stack.length) {
      const { tile, level } = stack.pop()!;
      if (level > maxDepth) {
        issues.push({ url, message: `tiles nested deeper than ${maxDepth} levels; the deeper ones are left out` });
        continue;
      }
      if (tile.implicitTiling && options.fetchBinary) {
        const templates = [tile.content, ...(tile.contents ?? [])].map((c) => c?.uri ?? c?.url ?? '').filter(Boolean);
        issues.push(...(await walkImplicit(url, tile.implicitTiling, templates, { fetchBinary: options.fetchBinary, add: (u) => (add(u), urls.length < maxFiles) })));
      } else if (tile.implicitTiling) issues.push({ url, message: 'implicit tiling (subtrees) is not walked; its tiles are cached only when visited' });
      for (const c of [tile.content, ...(tile.contents ?? [])]) {
        const uri = c?.uri ?? c?.url;
        if (typeof uri !== 'string' || tile.implicitTiling) continue;
        const abs = new URL(uri, url).href;
        if (/\.json(?:$|[?#])/i.test(new URL(abs).pathname)) {
          if (depth + 1 > maxDepth) issues.push({ url: abs, message: `external tilesets nested deeper than ${maxDepth}` });
          else tilesets.push({ url: abs, depth: depth + 1 });
        } else add(abs);
      }
      for (const child of Array.isArray(tile.children) ? tile.children : []) stack.push({ tile: child, level: level + 1 });
    }
  }
  return { urls, issues };
}
