// A CLI worker thread: converts the jobs its parent sends, one at a time, and reports back.
import { parentPort } from 'node:worker_threads';
import type { ConvertProgress } from '../../workers/lib/convert/convert-citygml';
import { runJob, type ConvertJob, type JobMessage } from './convert-job';

const PROGRESS_INTERVAL_MS = 100;
const port = parentPort;
if (!port) throw new Error('convert-worker.ts runs only as a worker thread');

port.on('message', async (job: ConvertJob) => {
  const post = (message: JobMessage) => port.postMessage(message);
  let last = 0;
  const onProgress = (progress: ConvertProgress) => {
    const now = performance.now();
    if (now - last < PROGRESS_INTERVAL_MS && progress.phase !== 'done') return;
    last = now;
    post({ type: 'progress', id: job.id, progress });
  };
  const started = performance.now();
  const summary = await runJob(job, onProgress);
  post({ type: 'done', id: job.id, summary, seconds: (performance.now() - started) / 1000 });
});
