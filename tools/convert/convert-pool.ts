/**
 * Runs conversion jobs on a pool of worker threads, one file per thread at a time.
 * A thread that dies fails only its own file; a fresh one takes the next job.
 */
import { Worker } from 'node:worker_threads';
import type { ConvertProgress, ConvertSummary } from '../../workers/lib/convert/convert-citygml';
import type { ConvertJob, JobMessage } from './convert-job';
import { CONVERT_RESOURCE_LIMITS } from './worker-limits';

export interface JobResult {
  job: ConvertJob;
  summary: ConvertSummary;
  seconds: number;
}

export interface PoolOptions {
  /** Threads to run at once; at most one per job. */
  concurrency: number;
  onProgress?: (job: ConvertJob, progress: ConvertProgress) => void;
  onDone?: (result: JobResult) => void;
}

const WORKER_URL = new URL('./convert-worker.mjs', import.meta.url);

/** A conversion thread, with the converter's V8 limits (worker-limits.ts). */
export function startConvertWorker(): Worker {
  return new Worker(WORKER_URL, { resourceLimits: CONVERT_RESOURCE_LIMITS });
}

export async function convertInPool(jobs: ConvertJob[], options: PoolOptions): Promise<JobResult[]> {
  const queue = [...jobs];
  const results: JobResult[] = [];
  const threads = Math.max(1, Math.min(options.concurrency, jobs.length));

  const runThread = () =>
    new Promise<void>((resolveThread) => {
      let worker = startConvertWorker();
      let current: ConvertJob | undefined;
      let started = 0;

      const finish = (result: JobResult) => {
        results.push(result);
        options.onDone?.(result);
        current = undefined;
        next();
      };
      const next = () => {
        current = queue.shift();
        if (!current) {
          void worker.terminate().then(() => resolveThread());
          return;
        }
        started = performance.now();
        worker.postMessage(current);
      };
      const attach = () => {
        worker.on('message', (message: JobMessage) => {
          if (!current || message.id !== current.id) return;
          if (message.type === 'progress') options.onProgress?.(current, message.progress);
          else finish({ job: current, summary: message.summary, seconds: message.seconds });
        });
        worker.on('error', (err) => crashed(err));
        worker.on('exit', (code) => {
          if (current) crashed(new Error(`worker thread exited with code ${code}`));
        });
      };
      const crashed = (err: Error) => {
        const job = current;
        if (!job) return;
        current = undefined;
        worker.removeAllListeners();
        void worker.terminate();
        worker = startConvertWorker();
        attach();
        const summary: ConvertSummary = {
          buildings: 0,
          triangles: 0,
          tiles: 0,
          bytesRead: 0,
          bytesWritten: 0,
          warnings: [],
          error: { name: err.name || 'Error', message: `conversion thread crashed: ${err.message}`, file: job.file },
        };
        finish({ job, summary, seconds: (performance.now() - started) / 1000 });
      };

      attach();
      next();
    });

  await Promise.all(Array.from({ length: threads }, runThread));
  const order = new Map(jobs.map((job, i) => [job.id, i]));
  return results.sort((a, b) => order.get(a.job.id)! - order.get(b.job.id)!);
}
