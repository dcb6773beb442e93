/** One input file converted into its own tileset folder: what a CLI conversion process runs. */
import type { ConvertProgress, ConvertSummary } from '../../workers/lib/convert/convert-citygml';
import { convertSafely } from '../../workers/lib/convert/convert-job';
import { directorySink } from './fs-sink';
import { DiskSpillFile } from './spill-file';
import { fileChunks } from './file-chunks';

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
}

export type JobMessage =
  | { type: 'progress'; id: number; progress: ConvertProgress }
  | { type: 'done'; id: number; summary: ConvertSummary; seconds: number; /** the process's peak RSS so far */ peakRssBytes: number };

export async function runJob(job: ConvertJob, onProgress?: (p: ConvertProgress) => void): Promise<ConvertSummary> {
  const stream = fileChunks(job.input);
  let spill: DiskSpillFile | undefined;
  try {
    spill = job.spill ? new DiskSpillFile(job.spill) : undefined;
    // the same job running as the browser's CityGML worker: failures folded into the summary, other files go on
    return await convertSafely(stream, directorySink(job.outDir), { file: job.file, crs: job.crs, geoid: job.geoid, spill, lod: job.lod, implicit: job.implicit, onProgress });
  } finally {
    spill?.close();
    await stream.return(undefined); // closes the file if the conversion stopped early
  }
}
