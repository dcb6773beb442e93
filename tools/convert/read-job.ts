/**
 * The reading half of a file converted by two processes (convert-pipeline.ts): this process reads the CityGML and
 * writes the parsed buildings as frames (building-frames.ts) to `out`, a pipe whose other end the conversion process
 * reads. Batches are small and a full pipe makes the reader wait, so memory stays bounded whatever the file's size.
 */
import type { Writable } from 'node:stream';
import type { ConvertWarning } from '../../workers/lib/citygml/building';
import { readCityGML } from '../../workers/lib/citygml/read-citygml';
import { describeError } from '../../workers/lib/convert/convert-error';
import { FrameWriter, type ReadError } from './building-frames';
import { fileChunks } from './file-chunks';

/** Buildings per frame, and the coordinates after which a frame goes early (a few huge buildings). */
const BATCH_BUILDINGS = 64;
const BATCH_COORDINATES = 1 << 17;

export interface ReadJob {
  type: 'read';
  id: number;
  input: string;
  file: string;
  crs?: string;
}

export async function runReadJob(job: ReadJob, out: Writable): Promise<void> {
  const frames = new FrameWriter();
  let warnings: ConvertWarning[] = [];
  let bytes = 0;
  const send = async (end: boolean, error?: ReadError) => {
    // the conversion process went away: stop reading
    if (out.destroyed) throw new Error('the conversion process stopped reading');
    if (!out.write(frames.finish(bytes, end, error))) await waitForDrain(out);
  };
  const stream = fileChunks(job.input);
  try {
    const buildings = readCityGML(stream, { file: job.file, defaultSrsName: job.crs, onWarning: (w) => warnings.push(w), onBytes: (n) => (bytes = n) });
    for await (const building of buildings) {
      frames.add({ warnings, building });
      if (warnings.length > 0) warnings = [];
      if (frames.items >= BATCH_BUILDINGS || frames.coordinateCount >= BATCH_COORDINATES) await send(false);
    }
    frames.add({ warnings });
    await send(true);
  } catch (err) {
    frames.add({ warnings });
    await send(true, describeError(err));
  } finally {
    await stream.return(undefined);
  }
}

/** Resolves when `out` drains, or rejects when it breaks (the conversion process is gone). */
function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed) return reject(new Error('the conversion process stopped reading'));
    const done = (err?: Error) => {
      out.off('drain', done).off('error', done).off('close', closed);
      if (err) reject(err);
      else resolve();
    };
    const closed = () => done(new Error('the conversion process stopped reading'));
    out.once('drain', done).once('error', done).once('close', closed);
  });
}
