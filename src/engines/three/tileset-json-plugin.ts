import type { TilesetMetadataJson } from '../../core/index.js';

const TILESET = Symbol('twinby tileset json');
type Marked = { [TILESET]?: TilesetMetadataJson };

/** The tileset JSON (root or external) a tile was read from, for its schema, groups and tileset metadata. */
export function tilesetOf(tile: unknown): TilesetMetadataJson | undefined {
  return (tile as Marked | null)?.[TILESET];
}

/**
 * Remembers on every tile which tileset JSON it came from. 3d-tiles-renderer keeps only the root
 * tileset and drops an external tileset's JSON once its root is in the tree; 3D Tiles 1.1 metadata
 * (schema, groups, tileset metadata) lives there.
 */
export class TilesetJsonPlugin {
  readonly name = 'TWINBY_TILESET_JSON';
  private readonly roots = new WeakMap<object, TilesetMetadataJson>();

  init(tiles: { preprocessTileset(json: { root: object }, url: string, parent?: unknown): void }): void {
    const preprocess = tiles.preprocessTileset.bind(tiles);
    tiles.preprocessTileset = (json, url, parent) => {
      if (json && typeof json.root === 'object') this.roots.set(json.root, json as TilesetMetadataJson);
      preprocess(json, url, parent);
    };
  }

  preprocessNode(tile: Marked, _dir: string, parent: Marked | null): void {
    const own = this.roots.get(tile);
    const json = own ?? parent?.[TILESET];
    if (json) tile[TILESET] = json;
  }
}
