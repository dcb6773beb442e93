/**
 * Runs conversion jobs on a pool of conversion processes (convert-process.ts), one file per process at a time.
 * A process that dies fails only its own file; a fresh one takes the next job.
 */
import type { ConvertProgress, ConvertSummary } from '../../workers/lib/convert/convert-citygml';
import type { ConvertJob, JobMessage } from './convert-job';
import { convertProcessesStopping, takeConvertProcess, type ConvertProcess } from './convert-process';

export interface JobResult {
  job: ConvertJob;
  summary: ConvertSummary;
  seconds: number;
  /** Peak RSS of the process that converted it, so far (bytes); 0 when it crashed. */
  peakRssBytes: number;
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

  const runLane = () =>
    new Promise<void>((resolveLane) => {
      let worker: ConvertProcess;
      let dead = false;
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
          worker.release();
          resolveLane();
          return;
        }
        if (dead) start();
        started = performance.now();
        worker.send(current);
      };
      const start = () => {
        dead = false;
        worker = takeConvertProcess();
        worker.onMessage((message: JobMessage) => {
          if (!current || message.id !== current.id) return;
          if (message.type === 'progress') options.onProgress?.(current, message.progress);
          else finish({ job: current, summary: message.summary, seconds: message.seconds, peakRssBytes: message.peakRssBytes });
        });
        worker.onCrash((reason) => crashed(reason));
      };
      const crashed = (reason: string) => {
        if (convertProcessesStopping()) return;
        // the next job, if any, starts a fresh process
        dead = true;
        const job = current;
        if (!job) return;
        current = undefined;
        const summary: ConvertSummary = {
          buildings: 0,
          triangles: 0,
          tiles: 0,
          bytesRead: 0,
          bytesWritten: 0,
          warnings: [],
          error: { name: 'Error', message: `the conversion process ${reason}`, file: job.file },
        };
        finish({ job, summary, seconds: (performance.now() - started) / 1000, peakRssBytes: 0 });
      };

      start();
      next();
    });

  await Promise.all(Array.from({ length: lanes }, runLane));
  const order = new Map(jobs.map((job, i) => [job.id, i]));
  return results.sort((a, b) => order.get(a.job.id)! - order.get(b.job.id)!);
}
