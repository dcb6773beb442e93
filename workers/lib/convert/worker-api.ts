/**
 * The CityGML worker's implementation: CityGML bytes in, an in-memory 3D Tiles tileset out.
 * Pure (no DOM): workers/citygml.worker.ts exposes it with comlink, tests can call it directly.
 */
import { releaseProxy, transfer } from 'comlink';
import type { CityGMLConvertParams, CityGMLConvertResult, CityGMLInput, CityGMLProgressCallback, CityGMLWorkerApi } from '../../protocol';
import { convertCityGML, type TilesetSink } from './convert-citygml';
import { convertSafely, progressThrottle } from './convert-job';

/** Progress messages cross a thread boundary: send at most one per interval, plus the last one. */
const PROGRESS_INTERVAL_MS = 50;

export function createCityGMLWorkerApi(): CityGMLWorkerApi {
  const running = new Map<number, AbortController>();

  return {
    async convert(params: CityGMLConvertParams, onProgress?: CityGMLProgressCallback): Promise<CityGMLConvertResult> {
      const controller = new AbortController();
      const progress = progressThrottle(onProgress, PROGRESS_INTERVAL_MS);
      if (params.cancelId !== undefined) running.set(params.cancelId, controller);
      try {
        const files = new Map<string, Uint8Array>();
        const file = params.file ?? fileNameOf(params.input);
        const summary = await convertSafely(toStream(params.input), memorySink(files), {
          file,
          crs: params.crs,
          geoid: params.geoid,
          maxFeaturesPerTile: params.maxFeaturesPerTile,
          maxVerticesPerTile: params.maxVerticesPerTile,
          lod: params.lod,
          implicit: params.implicit,
          signal: controller.signal,
          onProgress: progress.report,
        });
        progress.flush();
        releaseRemote(onProgress);
        const buffers = ownedBuffers(files);
        return transfer({ files, summary, cancelled: controller.signal.aborted }, buffers);
      } finally {
        if (params.cancelId !== undefined) running.delete(params.cancelId);
      }
    },

    cancel(cancelId: number): void {
      running.get(cancelId)?.abort();
    },
  };
}

type ConvertArgs = Parameters<typeof convertCityGML>;

/** Keeps the tileset in memory. Bytes the converter hands over become ours; views into a larger buffer are copied so each file owns its buffer. */
function memorySink(files: Map<string, Uint8Array>): TilesetSink {
  return {
    write(path, bytes) {
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      files.set(path, whole ? bytes : bytes.slice());
    },
  };
}

/** The distinct ArrayBuffers behind the files: the transfer list (a buffer listed twice would throw). */
function ownedBuffers(files: Map<string, Uint8Array>): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const bytes of files.values()) set.add(bytes.buffer as ArrayBuffer);
  return [...set];
}

function fileNameOf(input: CityGMLInput): string | undefined {
  return typeof File !== 'undefined' && input instanceof File ? input.name : undefined;
}

function toStream(input: CityGMLInput): ConvertArgs[0] {
  if (input instanceof Blob) return input.stream();
  if (input instanceof ReadableStream) return input;
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  return (async function* () {
    yield bytes;
  })();
}

/** A progress callback that arrived as a comlink proxy holds a port open on the caller's side until released. */
function releaseRemote(callback: unknown): void {
  const release = (callback as { [releaseProxy]?: unknown } | undefined)?.[releaseProxy];
  if (typeof release === 'function') release.call(callback);
}
