import { Group, type Object3D } from 'three';
import { TilesRenderer } from '3d-tiles-renderer';
import { contentProblem } from './content-check.js';

/** A tile content as the tileset JSON gives it (3D Tiles 1.1). */
export interface ContentJson {
  uri: string;
  group?: number;
  metadata?: { class: string; properties?: Record<string, unknown> };
}
interface TileJson {
  content?: ContentJson;
  contents?: ContentJson[];
  internal: { hasContent: boolean; hasRenderableContent: boolean; hasUnrenderableContent: boolean; depthFromRenderedParent: number };
  engineData: { scene: Object3D | null; materials?: unknown[]; geometry?: unknown[]; textures?: unknown[]; metadata?: unknown };
}

const CONTENTS = Symbol('twinby contents');
const CURRENT = Symbol('twinby current content');
type Marked = TileJson & { [CONTENTS]?: ContentJson[]; [CURRENT]?: ContentJson };

/** The content being parsed for a tile (one of its `contents` while this plugin parses them), else its `content`. */
export function contentOf(tile: unknown): ContentJson | undefined {
  const t = tile as Marked | null;
  return t ? (t[CURRENT] ?? t.content) : undefined;
}

type Parse = (buffer: ArrayBuffer, tile: unknown, extension: string, url: string, signal: AbortSignal) => Promise<void>;
const parseOne = (TilesRenderer.prototype as unknown as { parseTile: Parse }).parseTile;

/**
 * 3D Tiles 1.1 tiles with several contents (`contents`), which 3d-tiles-renderer 0.5.3 ignores
 * (NASA-AMMOS/3DTilesRendererJS#235). The first content goes through the renderer's usual download;
 * this plugin fetches the others with the same fetch hooks, parses each with the renderer's own
 * parseTile (so every loader, plugin and processTileModel hook applies) and hangs all of them under
 * one group. A content that fails is reported and left out; the tile keeps the others.
 */
export class MultipleContentsPlugin {
  readonly name = 'TWINBY_MULTIPLE_CONTENTS';
  private tiles!: TilesRenderer;

  constructor(private readonly onContentError: (url: string, error: Error) => void) {}

  init(tiles: TilesRenderer): void {
    this.tiles = tiles;
  }

  preprocessNode(tile: Marked): void {
    const contents = Array.isArray(tile.contents) ? tile.contents.filter((c) => c && typeof c.uri === 'string') : [];
    if (tile.content || contents.length === 0) return;
    tile[CONTENTS] = contents;
    // the renderer downloads the first content as it would a single one; parseTile below adds the rest
    tile.content = contents[0];
    // a lone external tileset stays one (the renderer expands it); among several, it is reported as unsupported
    const external = contents.length === 1 && /\.json$/i.test(contents[0].uri.split(/[?#]/)[0]);
    const internal = tile.internal;
    if (!internal.hasRenderableContent && !external) internal.depthFromRenderedParent += 1;
    internal.hasContent = true;
    internal.hasRenderableContent = !external;
    internal.hasUnrenderableContent = external;
  }

  parseTile(buffer: ArrayBuffer, tile: Marked, extension: string, url: string, signal: AbortSignal): Promise<void> | null {
    const contents = tile[CONTENTS];
    if (!contents || contents.length < 2 || !(buffer instanceof ArrayBuffer)) return null;
    return this.parseAll(buffer, tile, contents, url, signal);
  }

  private async parseAll(first: ArrayBuffer, tile: Marked, contents: ContentJson[], firstUrl: string, signal: AbortSignal): Promise<void> {
    const group = new Group();
    const collected = { materials: [] as unknown[], geometry: [] as unknown[], textures: [] as unknown[] };
    const base = firstUrl.slice(0, firstUrl.lastIndexOf('/') + 1);
    let parsed = 0;
    const failures: Array<[string, Error]> = [];
    for (let i = 0; i < contents.length; i++) {
      const url = i === 0 ? firstUrl : new URL(contents[i].uri, base).toString();
      try {
        const buffer = i === 0 ? first : await this.fetch(url, signal);
        if (signal.aborted) break;
        const problem = contentProblem(buffer, extensionOf(url));
        if (problem) throw new Error(`${problem} (${url})`);
        tile[CURRENT] = contents[i];
        tile.engineData.scene = null;
        await parseOne.call(this.tiles, buffer, tile, extensionOf(url), url, signal);
        const data = tile.engineData;
        if (data.scene) {
          group.add(data.scene);
          collected.materials.push(...(data.materials ?? []));
          collected.geometry.push(...(data.geometry ?? []));
          collected.textures.push(...(data.textures ?? []));
          parsed++;
        }
      } catch (error) {
        if (signal.aborted) break;
        failures.push([url, error instanceof Error ? error : new Error(String(error))]);
      } finally {
        delete tile[CURRENT];
      }
    }
    if (signal.aborted || parsed === 0) {
      for (const g of collected.geometry) (g as { dispose(): void }).dispose();
      for (const m of collected.materials) (m as { dispose(): void }).dispose();
      tile.engineData.scene = null;
      // nothing parsed: the tile fails as a whole, with every content's reason
      if (!signal.aborted && failures.length) throw new Error(failures.map(([, e]) => e.message).join('; '));
      return;
    }
    for (const [url, error] of failures) this.onContentError(url, error);
    // each content's scene carries its tile transform already; the group stays at identity
    Object.assign(tile.engineData, { scene: group, ...collected });
  }

  private async fetch(url: string, signal: AbortSignal): Promise<ArrayBuffer> {
    const tiles = this.tiles as unknown as {
      fetchOptions: RequestInit;
      invokeOnePlugin(f: (p: { fetchData?: (u: string, o: RequestInit) => Promise<Response> | undefined }) => unknown): Promise<Response> | null;
    };
    let processed = url;
    (this.tiles as unknown as { invokeAllPlugins(f: (p: { preprocessURL?: (u: string, t: null) => string }) => unknown): void }).invokeAllPlugins(
      (p) => (processed = p.preprocessURL ? p.preprocessURL(processed, null) : processed),
    );
    const response = await tiles.invokeOnePlugin((p) => p.fetchData && p.fetchData(processed, { ...tiles.fetchOptions, signal }));
    if (!response) throw new Error(`no fetch for ${url}`);
    if (!response.ok) throw new Error(`Failed to load model with error code ${response.status}`);
    return response.arrayBuffer();
  }
}

function extensionOf(url: string): string {
  const path = url.split(/[?#]/)[0];
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
}
