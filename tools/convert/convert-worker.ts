// A CLI worker thread: converts the jobs its parent sends, one at a time, and reports back.
import { parentPort } from 'node:worker_threads';
import type { ConvertProgress } from '../../workers/lib/convert/convert-citygml';
import { progressThrottle } from '../../workers/lib/convert/convert-job';
import { runJob, type ConvertJob, type JobMessage } from './convert-job';

const PROGRESS_INTERVAL_MS = 100;
const port = parentPort;
if (!port) throw new Error('convert-worker.ts runs only as a worker thread');

port.on('message', async (job: ConvertJob) => {
  const post = (message: JobMessage) => port.postMessage(message);
  // the browser worker's throttle: at most one message per interval, the last one always
  const progress = progressThrottle((p: ConvertProgress) => post({ type: 'progress', id: job.id, progress: p }), PROGRESS_INTERVAL_MS);
  const started = performance.now();
  const summary = await runJob(job, progress.report);
  progress.flush();
  post({ type: 'done', id: job.id, summary, seconds: (performance.now() - started) / 1000 });
});
