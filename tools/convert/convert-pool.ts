/**
 * Runs conversion jobs on a pool of conversion processes (convert-process.ts), one file per process at a time.
 * A process that dies fails only its own file; a fresh one takes the next job. A large file with a core to spare is
 * read in a second process (convert-pipeline.ts).
 */
import type { ConvertProgress, ConvertSummary } from '../../workers/lib/convert/convert-citygml';
import type { ConvertJob } from './convert-job';
import { ConvertProcess, convertProcessesStopping, takeConvertProcess } from './convert-process';
import { canRead, convertPipelined, READ_ELSEWHERE_MIN_BYTES } from './convert-pipeline';
import { LEAN_CONVERT_MAX_BYTES } from './worker-limits';

export interface JobResult {
  job: ConvertJob;
  summary: ConvertSummary;
  seconds: number;
  /** Peak RSS of the process that converted it, so far (bytes); 0 when it crashed. */
  peakRssBytes: number;
  /** Read by a process of its own while another built its tiles (convert-pipeline.ts). */
  readAside?: boolean;
}

export interface PoolOptions {
  /** Processes to run at once; at most one per job. */
  concurrency: number;
  onProgress?: (job: ConvertJob, progress: ConvertProgress) => void;
  onDone?: (result: JobResult) => void;
}

export async function convertInPool(jobs: ConvertJob[], options: PoolOptions): Promise<JobResult[]> {
  const queue = [...jobs];
  const results: JobResult[] = [];
  const lanes = Math.max(1, Math.min(options.concurrency, jobs.length));
  // cores no lane uses: a large file may take one for a reading process of its own (convert-pipeline.ts)
  let spareCores = Math.max(0, options.concurrency - lanes);

  const runLane = async () => {
    let worker: ConvertProcess | undefined;
    for (let job = queue.shift(); job; job = queue.shift()) {
      const started = performance.now();
      const current = job;
      const progress = (p: ConvertProgress) => options.onProgress?.(current, p);
      worker ??= takeConvertProcess();
      let outcome;
      const readAside = spareCores > 0 && job.bytes >= READ_ELSEWHERE_MIN_BYTES && canRead(worker);
      if (readAside) {
        spareCores--;
        const reader = worker;
        worker = new ConvertProcess();
        outcome = await convertPipelined(job, reader, worker, progress);
        reader.release();
        spareCores++;
      } else {
        // the lean first process converts only a small file: a larger one, or a pipe, gets the heap limits
        if (worker.lean && !(job.bytes > 0 && job.bytes <= LEAN_CONVERT_MAX_BYTES)) {
          worker.release();
          worker = new ConvertProcess();
        }
        outcome = await worker.run(job, progress);
      }
      if (outcome.message?.type === 'done') {
        const { summary, seconds, peakRssBytes } = outcome.message;
        finish({ job, summary, seconds, peakRssBytes, readAside });
        continue;
      }
      // interrupted: the command ends once its processes are stopped, and nothing after this lane may run (no commit)
      if (convertProcessesStopping()) await new Promise<never>(() => {});
      // the next job, if any, starts a fresh process
      worker = undefined;
      const why = outcome.crash ?? 'sent an unexpected reply';
      const summary: ConvertSummary = {
        buildings: 0,
        triangles: 0,
        tiles: 0,
        bytesRead: 0,
        bytesWritten: 0,
        warnings: [],
        error: { name: 'Error', message: `the conversion process ${why}`, file: job.file },
      };
      finish({ job, summary, seconds: (performance.now() - started) / 1000, peakRssBytes: 0, readAside });
    }
    worker?.release();
  };
  const finish = (result: JobResult) => {
    results.push(result);
    options.onDone?.(result);
  };

  await Promise.all(Array.from({ length: lanes }, runLane));
  const order = new Map(jobs.map((job, i) => [job.id, i]));
  return results.sort((a, b) => order.get(a.job.id)! - order.get(b.job.id)!);
}
