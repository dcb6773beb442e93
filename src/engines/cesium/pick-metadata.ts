import type { Cesium3DTile, Cesium3DTileContent, Cesium3DTileFeature } from '@cesium/engine';
import { metadataSections, type MetadataSection, type TilesetMetadataJson } from '../../core/index.js';
import { tileAccept } from '../engine.js';

/** The parts of Cesium's tile that hold its JSON (private in Cesium, stable across 1.1xx). */
interface TileInternals {
  _header?: { content?: unknown; contents?: unknown[]; extensions?: Record<string, { contents?: unknown[] } | undefined> };
  _contentResource?: { url?: string };
  hasTilesetContent?: boolean;
  parent?: Cesium3DTile;
  content?: Cesium3DTileContent & { innerContents?: Cesium3DTileContent[] };
}

/**
 * 3D Tiles 1.1 metadata for a picked feature, the same sections the three engine gives (`metadataSections` in core):
 * the tile's and content's JSON from Cesium's tile, the tileset's (schema, groups, metadata) from the JSON the tile was
 * read from (the root or an external tileset), fetched once per URL (the browser has it cached). Never throws: a
 * tileset JSON that cannot be read gives no tileset or group section.
 */
export class PickMetadata {
  private readonly jsons = new Map<string, Promise<TilesetMetadataJson | null>>();

  constructor(private readonly rootUrl: string) {}

  async sections(feature: Cesium3DTileFeature): Promise<MetadataSection[]> {
    // the feature's own content (the inner one of a tile with several); untyped in Cesium's declarations
    const content = (feature as unknown as { content: Cesium3DTileContent }).content;
    const tile = content.tile as unknown as TileInternals;
    const header = tile._header;
    const contents = header?.contents ?? header?.extensions?.['3DTILES_multiple_contents']?.contents;
    const index = tile.content?.innerContents?.indexOf(content) ?? -1;
    const contentJson = (contents && index >= 0 ? contents[index] : header?.content) as Parameters<typeof metadataSections>[2];
    const tileset = await this.tilesetJson(this.sourceUrl(tile));
    return metadataSections(tileset, header as Parameters<typeof metadataSections>[1], contentJson);
  }

  /** The external tileset JSON above the tile, else the root. */
  private sourceUrl(tile: TileInternals): string {
    for (let p = tile.parent as unknown as TileInternals | undefined; p; p = p.parent as unknown as TileInternals | undefined) {
      if (p.hasTilesetContent && p._contentResource?.url) return p._contentResource.url;
    }
    return new URL(this.rootUrl, location.href).href;
  }

  private tilesetJson(url: string): Promise<TilesetMetadataJson | null> {
    let json = this.jsons.get(url);
    if (!json) {
      json = fetch(url, { headers: { Accept: tileAccept } })
        .then((r) => (r.ok ? (r.json() as Promise<TilesetMetadataJson>) : null))
        .catch(() => null);
      this.jsons.set(url, json);
    }
    return json;
  }
}
