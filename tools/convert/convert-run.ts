// The converting half of a CLI conversion process: convert-worker.ts loads it (its own bundle, convert-run.mjs) when
// its first conversion job comes, so a process that only reads (read-job.ts) starts without parsing the converter.
import type { Socket } from 'node:net';
import type { ConvertProgress } from '../../workers/lib/convert/convert-citygml';
import { progressThrottle } from '../../workers/lib/convert/convert-job';
import { runJob, type ConvertJob, type JobMessage } from './convert-job';

const PROGRESS_INTERVAL_MS = 100;

/** Converts `job` (reading its frames from `pipe` when another process reads the file) and posts what happens. */
export async function runConvertJob(job: ConvertJob, pipe: Socket | undefined, post: (message: JobMessage) => void): Promise<void> {
  // the browser worker's throttle: at most one message per interval, the last one always
  const progress = progressThrottle((p: ConvertProgress) => post({ type: 'progress', id: job.id, progress: p }), PROGRESS_INTERVAL_MS);
  const started = performance.now();
  try {
    const summary = await runJob(job, progress.report, pipe);
    progress.flush();
    post({ type: 'done', id: job.id, summary, seconds: (performance.now() - started) / 1000, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
  } finally {
    pipe?.destroy();
  }
}
