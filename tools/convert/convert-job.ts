/** One input file converted into its own tileset folder: what a CLI conversion process runs. */
import type { ConvertProgress, ConvertSummary } from '../../workers/lib/convert/convert-citygml';
import { convertSafely } from '../../workers/lib/convert/convert-job';
import { directorySink } from './fs-sink';
import { DiskSpillFile } from './spill-file';
import { fileChunks } from './file-chunks';
import { buildingsFromFrames, type FrameHooks } from './building-frames';

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
  /** Another process reads the file (convert-pipeline.ts): its buildings come as frames on the pipe sent with the job. */
  readElsewhere?: boolean;
}

export type JobMessage =
  | { type: 'progress'; id: number; progress: ConvertProgress }
  | { type: 'done'; id: number; summary: ConvertSummary; seconds: number; /** the process's peak RSS so far */ peakRssBytes: number }
  /** A read job (read-job.ts) ended; `error` only when its frames could not all be sent. */
  | { type: 'read-done'; id: number; peakRssBytes: number; error?: string };

/** `frames`: the pipe from the reading process, for a job read elsewhere. */
export async function runJob(job: ConvertJob, onProgress?: (p: ConvertProgress) => void, frames?: AsyncIterable<Uint8Array>): Promise<ConvertSummary> {
  const stream = job.readElsewhere ? undefined : fileChunks(job.input);
  const input = stream ?? ((hooks: FrameHooks) => buildingsFromFrames(frames ?? noFrames(), { file: job.file, ...hooks }));
  let spill: DiskSpillFile | undefined;
  try {
    spill = job.spill ? new DiskSpillFile(job.spill) : undefined;
    // the same job running as the browser's CityGML worker: failures folded into the summary, other files go on
    return await convertSafely(input, directorySink(job.outDir), { file: job.file, crs: job.crs, geoid: job.geoid, spill, lod: job.lod, implicit: job.implicit, onProgress });
  } finally {
    spill?.close();
    await stream?.return(undefined); // closes the file if the conversion stopped early
  }
}

// a pipe that never came: the frame reader then says the reader is lost
async function* noFrames(): AsyncGenerator<Uint8Array> {}
