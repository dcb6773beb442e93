/**
 * CityGML bytes → 3D Tiles 1.1 (tileset.json, tiles/<id>.glb, footprints.bin).
 * Reading phase: the streaming reader yields buildings; each is triangulated and
 * georeferenced at once and kept only as compact Float32 geometry plus attributes.
 * Writing phase: a loose quadtree over the footprints, then the tiles, children
 * first. A fatal reader error still writes what was converted, and the summary says
 * what went wrong and where. Pure: runs in Node and in a Worker.
 */
import { stringifyFinite } from '../tiles3d/finite-json';
import { parseGeoidOption } from '../../../src/core/geo/index';
import type { ConvertWarning, ParsedBuilding } from '../citygml/building';
import { readCityGML } from '../citygml/read-citygml';
import { buildQuadtree } from '../tiling/quadtree';
import { writeTiles, type TilesetBuilding } from '../tiles3d/tileset-writer';
import { writeImplicitTiles } from '../tiles3d/implicit-writer';
import { DatasetBuilder } from './dataset-builder';
import { SpillStore, type SpillFile } from './building-store';
import { ownWarning } from './own-strings';
import { describeError } from './convert-error';
import { bufferFile, footprintLayout, type PositionalFile } from './footprint-stream';
import type { ConvertProgress, ConvertSummary } from '../../types/convert';
export type { ConvertProgress, ConvertSummary } from '../../types/convert';

export type { ConvertWarning };

export interface TilesetSink {
  write(path: string, bytes: Uint8Array): void | Promise<void>;
  /** A file written at offsets, of `size` bytes in the end (footprints.bin, streamed); else write() gets it whole. */
  open?(path: string, size: number): PositionalFile | Promise<PositionalFile>;
}

export interface ConvertOptions {
  /** Name used in warnings and errors. */
  file?: string;
  /** CRS to use when the file declares none or one we do not know, e.g. "EPSG:25832". */
  crs?: string;
  /** 'auto' (default: EGM96 for normal heights), 'none', or a fixed offset in metres. */
  geoid?: string | number;
  /** Default 2,000. */
  maxFeaturesPerTile?: number;
  /** Default 500,000. */
  maxVerticesPerTile?: number;
  /**
   * Where buildings wait for their tile. Without one they stay in memory (~1.5 kB per LoD2 house);
   * with one (a temporary file in Node) memory follows the tile being written, not the input.
   */
  spill?: SpillFile;
  /** Parent tiles carry simplified LoD1 blocks (see tileset-writer.ts). Default off here; the CLI turns it on. */
  lod?: boolean;
  /** 3D Tiles 1.1 implicit quadtree (templates + .subtree files) instead of an explicit tree (implicit-writer.ts). */
  implicit?: boolean | { subtreeLevels?: number };
  signal?: AbortSignal;
  onProgress?: (p: ConvertProgress) => void;
  onWarning?: (w: ConvertWarning) => void;
}

export const MAX_SUMMARY_WARNINGS = 1000;
/** How often a long loop lets the event loop run (so a worker hears cancel()). */
const YIELD_MS = 50;

/**
 * Buildings read elsewhere (the CLI's reading process, tools/convert/building-frames.ts), told the same hooks as the
 * reader: they come out as readCityGML would give them, with its warnings, progress and error.
 */
export type BuildingSource = (hooks: { onWarning: (w: ConvertWarning) => void; onBytes: (n: number) => void }) => AsyncIterable<ParsedBuilding>;

export async function convertCityGML(
  input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | BuildingSource,
  sink: TilesetSink,
  options: ConvertOptions = {},
): Promise<ConvertSummary> {
  let bytesRead = 0;
  const warnings: ConvertWarning[] = [];
  const hooks = {
    // Reader warnings go through convertBuildings' warn() so they are counted and capped alike.
    onWarning: (w: ConvertWarning) => warnings.push(w),
    onBytes: (n: number) => {
      bytesRead = n;
    },
  };
  const buildings =
    typeof input === 'function' ? input(hooks) : readCityGML(input, { file: options.file, signal: options.signal, defaultSrsName: options.crs, ...hooks });
  return convertBuildings(buildings, sink, { ...options, bytesRead: () => bytesRead, pendingWarnings: warnings });
}

/**
 * The same pipeline from already parsed buildings (the reader's output, or buildings made
 * in code). `bytesRead` reports input progress when there is a byte source behind them.
 */
export async function convertBuildings(
  buildings: AsyncIterable<ParsedBuilding> | Iterable<ParsedBuilding>,
  sink: TilesetSink,
  options: ConvertOptions & { bytesRead?: () => number; pendingWarnings?: ConvertWarning[] } = {},
): Promise<ConvertSummary> {
  const { file } = options;
  const summary: ConvertSummary = { buildings: 0, triangles: 0, tiles: 0, bytesRead: 0, bytesWritten: 0, warnings: [] };
  let dropped = 0;
  const warn = (w: ConvertWarning) => {
    const warning = w.file === undefined && file !== undefined ? { ...w, file } : w;
    // Kept warnings own their text: a slice of the input would keep a whole chunk alive.
    if (summary.warnings.length < MAX_SUMMARY_WARNINGS) summary.warnings.push(ownWarning(warning));
    else dropped++;
    options.onWarning?.(warning);
  };

  let dataset: DatasetBuilder;
  try {
    const store = options.spill ? new SpillStore(options.spill) : undefined;
    dataset = new DatasetBuilder({ file, crs: options.crs, geoid: parseGeoidOption(options.geoid), warn, store });
  } catch (err) {
    summary.error = describeError(err, file);
    await options.spill?.close();
    return summary;
  }
  try {
    return await convertDataset(dataset, buildings, sink, options, summary, warn, () => dropped);
  } finally {
    await dataset.store.close?.();
  }
}

async function convertDataset(
  dataset: DatasetBuilder,
  buildings: AsyncIterable<ParsedBuilding> | Iterable<ParsedBuilding>,
  sink: TilesetSink,
  options: ConvertOptions & { bytesRead?: () => number; pendingWarnings?: ConvertWarning[] },
  summary: ConvertSummary,
  warn: (w: ConvertWarning) => void,
  droppedCount: () => number,
): Promise<ConvertSummary> {
  const { file, signal } = options;
  const progress = (phase: ConvertProgress['phase']) =>
    options.onProgress?.({
      bytesRead: summary.bytesRead,
      buildings: summary.buildings,
      tiles: summary.tiles,
      phase,
      heldBytes: dataset.store.heldBytes() + dataset.items.byteLength(),
    });
  const pause = pacer(signal);

  // Reading phase.
  const pending = options.pendingWarnings ?? [];
  const flush = () => {
    for (const w of pending.splice(0)) warn(w);
    summary.bytesRead = options.bytesRead?.() ?? summary.bytesRead;
  };
  try {
    for await (const building of buildings) {
      flush();
      await dataset.add(building);
      summary.buildings = dataset.count;
      if (await pause()) progress('reading');
    }
    flush();
  } catch (err) {
    flush();
    if (isAbort(err, signal)) return { ...finish(summary, dataset, droppedCount()), error: describeError(err, file) };
    summary.error = describeError(err, file);
  }
  summary.buildings = dataset.count;
  summary.triangles = dataset.triangles;
  progress('writing');

  if (dataset.count === 0 && !summary.error) {
    warn({ file, code: 'no-buildings', message: `${file ?? 'The input'} holds no building with usable geometry: nothing to write` });
  }
  // Writing phase: whatever was converted is written, even after a reader error.
  if (dataset.count > 0) {
    try {
      const write = async (path: string, bytes: Uint8Array) => {
        await sink.write(path, bytes);
        summary.bytesWritten += bytes.byteLength;
      };
      // Building by building at its sections' offsets: memory holds one building, not the dataset's footprints.
      const size = footprintLayout(dataset.footprints.tally).totalBytes;
      const file = sink.open ? await sink.open('footprints.bin', size) : bufferFile(size, (bytes) => sink.write('footprints.bin', bytes));
      summary.bytesWritten += await dataset.footprints.writeTo(file, dataset.crs!.epsg, pause);
      const building = (i: number): TilesetBuilding => ({ ...dataset.view(i), size: dataset.items.sizes[i] });
      const caps = { maxFeatures: options.maxFeaturesPerTile, maxVertices: options.maxVerticesPerTile };
      const writeOptions = {
        write,
        origin: (i: number) => dataset.origin(i),
        vertices: (i: number) => dataset.items.vertices[i],
        feature: (i: number) => dataset.feature(i),
        lod: options.lod,
        onTile: async (n: number) => {
          summary.tiles = n;
          if (await pause()) progress('writing');
        },
      };
      const { tileset, tiles } = options.implicit
        ? await writeImplicitTiles(dataset.items, building, dataset.schema.build(), { ...writeOptions, ...caps, subtreeLevels: typeof options.implicit === 'object' ? options.implicit.subtreeLevels : undefined })
        : await writeTiles(buildQuadtree(dataset.items, caps), building, dataset.schema.build(), writeOptions);
      await write('tileset.json', new TextEncoder().encode(stringifyFinite(tileset, 'tileset.json')));
      summary.tiles = tiles;
    } catch (err) {
      if (isAbort(err, signal)) return { ...finish(summary, dataset, droppedCount()), error: describeError(err, file) };
      summary.error ??= describeError(err, file);
    }
  }
  finish(summary, dataset, droppedCount());
  progress('done');
  return summary;
}

function finish(summary: ConvertSummary, dataset: DatasetBuilder, dropped: number): ConvertSummary {
  summary.buildings = dataset.count;
  summary.triangles = dataset.triangles;
  summary.crs = dataset.crs;
  summary.heights = dataset.heightDescription();
  if (dataset.count) summary.bounds = { ...dataset.bounds };
  if (dropped && !summary.warnings.some((w) => w.code === 'warnings-truncated')) {
    summary.warnings.push({ file: summary.warnings[0]?.file, code: 'warnings-truncated', message: `${dropped} more warning(s) not listed` });
  }
  return summary;
}

/** Returns true at most every YIELD_MS, after letting the event loop run; throws when aborted. */
function pacer(signal?: AbortSignal): () => Promise<boolean> {
  let last = performance.now();
  return async () => {
    if (signal?.aborted) throw abortError(signal);
    const now = performance.now();
    if (now - last < YIELD_MS) return false;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal?.aborted) throw abortError(signal);
    return true;
  };
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const err = new Error('The conversion was cancelled');
  err.name = 'AbortError';
  return err;
}

function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return (err instanceof Error && err.name === 'AbortError') || signal?.aborted === true;
}
