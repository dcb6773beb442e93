/**
 * A large file converted by two processes when a core would otherwise sit idle (a single file, or fewer files than
 * --jobs): one reads the CityGML (read-job.ts), which is most of a conversion's work, while the other meshes,
 * georeferences and spills the buildings it is sent and then writes the tiles. The frames go through a pipe between
 * the two (the reader's stdout, whose handle the converter takes over), never through this process. The converter
 * gets the reader's buildings, warnings and error in the reader's order, so the files and the summary are those of
 * one process.
 */
import type { Socket } from 'node:net';
import type { ConvertProgress } from '../../workers/lib/convert/convert-citygml';
import type { ConvertJob } from './convert-job';
import type { ConvertProcess, JobOutcome } from './convert-process';

/**
 * Smallest input read in a process of its own: below it the second process's start (~60 ms with its bundle) is a
 * large part of the whole conversion.
 */
export const READ_ELSEWHERE_MIN_BYTES = 8 << 20;

/**
 * Runs `job` with `reader` reading and `converter` converting; resolves when both are done. The reader is spent
 * afterwards (its stdout went to the converter); the caller releases it.
 */
export async function convertPipelined(
  job: ConvertJob,
  reader: ConvertProcess,
  converter: ConvertProcess,
  onProgress?: (p: ConvertProgress) => void,
): Promise<JobOutcome> {
  // a reader that is already gone (it died as it started) leaves the converter to read the file itself
  if (!canRead(reader)) return converter.run(job, onProgress);
  const converting = converter.run({ ...job, readElsewhere: true }, onProgress, reader.child.stdout as Socket);
  const reading = reader.run({ type: 'read', id: job.id, input: job.input, file: job.file, crs: job.crs });
  const converted = await converting;
  // the converter died: the reader's work is lost anyway, and it would only wait on a pipe nobody drains
  if (converted.crash !== undefined) await reader.stop();
  const read = await reading;
  if (converted.message?.type !== 'done') return converted;
  const summary = { ...converted.message.summary };
  // the reader died: the converter wrote what it was sent; the failure says why the rest is missing
  if (read.crash !== undefined && summary.error?.code === 'reader-lost') summary.error = { ...summary.error, message: `the reading process ${read.crash}` };
  const readerPeak = read.message?.peakRssBytes ?? 0;
  return { message: { ...converted.message, summary, peakRssBytes: Math.max(converted.message.peakRssBytes, readerPeak) } };
}

/** Whether `reader` is alive with its stdout still here to hand over. */
export function canRead(reader: ConvertProcess): boolean {
  const pipe = reader.child.stdout;
  return pipe !== null && !pipe.destroyed && reader.child.exitCode === null && reader.child.signalCode === null;
}
