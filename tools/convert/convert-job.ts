/** One input file converted into its own tileset folder: what a CLI worker thread runs. */
import { createReadStream } from 'node:fs';
import type { ConvertProgress, ConvertSummary } from '../../workers/lib/convert/convert-citygml';
import { convertBuildingsSafely, convertSafely } from '../../workers/lib/convert/convert-job';
import type { ConvertWarning } from '../../workers/lib/citygml/building';
import { readInThread } from './threaded-read';
import { directorySink } from './fs-sink';
import { DiskSpillFile } from './spill-file';

export interface ConvertJob {
  id: number;
  /** Absolute path of the CityGML file. */
  input: string;
  /** Folder that receives tileset.json, tiles/ and footprints.bin: a fresh one in the CLI's staging folder. */
  outDir: string;
  /** Name in warnings and errors (the path as the user wrote it). */
  file: string;
  /** Input size, for the progress bar. */
  bytes: number;
  crs?: string;
  geoid?: string | number;
  /** Temporary file where buildings wait for their tile (removed when the job ends); in memory without one. */
  spill?: string;
  /** Parent tiles with LoD1 blocks. */
  lod?: boolean;
  /** Implicit tiling output. */
  implicit?: boolean;
  /** A spare core: read the file in a thread of its own while this one builds (threaded-read.ts). */
  readThread?: boolean;
}

export type JobMessage =
  | { type: 'progress'; id: number; progress: ConvertProgress }
  | { type: 'done'; id: number; summary: ConvertSummary; seconds: number };

/** Reads the file in 1 MiB chunks: large enough for the XML tokenizer to run at full speed, small enough to stay streaming. */
const CHUNK_BYTES = 1 << 20;

/** Smaller files are read where they are built: a reading thread costs more to start than it saves. */
export const READ_THREAD_MIN_BYTES = 8 * 1024 * 1024;

export async function runJob(job: ConvertJob, onProgress?: (p: ConvertProgress) => void): Promise<ConvertSummary> {
  const threaded = job.readThread === true && job.bytes >= READ_THREAD_MIN_BYTES;
  const stream = threaded ? null : createReadStream(job.input, { highWaterMark: CHUNK_BYTES });
  let spill: DiskSpillFile | undefined;
  try {
    spill = job.spill ? new DiskSpillFile(job.spill) : undefined;
    const sink = directorySink(job.outDir);
    const options = { file: job.file, crs: job.crs, geoid: job.geoid, spill, lod: job.lod, implicit: job.implicit, onProgress };
    // the same job running as the browser's CityGML worker: failures folded into the summary, other files go on
    if (!threaded) return await convertSafely(stream!, sink, options);
    const warnings: ConvertWarning[] = [];
    let bytesRead = 0;
    const buildings = readInThread(job.input, { file: job.file, defaultSrsName: job.crs, onWarning: (w) => warnings.push(w), onBytes: (n) => (bytesRead = n) });
    return await convertBuildingsSafely(buildings, sink, { ...options, bytesRead: () => bytesRead, pendingWarnings: warnings });
  } finally {
    spill?.close();
    stream?.destroy();
  }
}
