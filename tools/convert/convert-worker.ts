// A CLI conversion process (convert-process.ts): converts the jobs its parent sends, one at a time, and reports back.
import type { ConvertProgress } from '../../workers/lib/convert/convert-citygml';
import { progressThrottle } from '../../workers/lib/convert/convert-job';
import { runJob, type ConvertJob, type JobMessage } from './convert-job';

const PROGRESS_INTERVAL_MS = 100;
if (!process.send) throw new Error('convert-worker.ts runs only as a child process with an IPC channel');

const post = (message: JobMessage) => process.send!(message);
process.on('message', async (job: ConvertJob) => {
  // the browser worker's throttle: at most one message per interval, the last one always
  const progress = progressThrottle((p: ConvertProgress) => post({ type: 'progress', id: job.id, progress: p }), PROGRESS_INTERVAL_MS);
  const started = performance.now();
  const summary = await runJob(job, progress.report);
  progress.flush();
  post({ type: 'done', id: job.id, summary, seconds: (performance.now() - started) / 1000, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
});
// The parent ended or has no more jobs: so does this process, even in the middle of a job (its staging is gone).
process.on('disconnect', () => process.exit(0));
