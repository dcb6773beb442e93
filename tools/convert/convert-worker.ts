// A CLI conversion process (convert-process.ts): converts the jobs its parent sends, one at a time, and reports back.
// For a file read by two processes (convert-pipeline.ts) it is either the reader, writing frames to its stdout, or
// the converter, reading them from the pipe handle that comes with its job.
import type { Socket } from 'node:net';
import type { ConvertProgress } from '../../workers/lib/convert/convert-citygml';
import { progressThrottle } from '../../workers/lib/convert/convert-job';
import { runJob, type ConvertJob, type JobMessage } from './convert-job';
import { runReadJob, type ReadJob } from './read-job';

const PROGRESS_INTERVAL_MS = 100;
if (!process.send) throw new Error('convert-worker.ts runs only as a child process with an IPC channel');

const post = (message: JobMessage) => process.send!(message);
const peakRssBytes = () => process.resourceUsage().maxRSS * 1024;
// a converter that went away breaks the pipe: the read job hears of it through its writes, not as an uncaught error
process.stdout.on('error', () => {});

process.on('message', async (job: ConvertJob | ReadJob, pipe?: Socket) => {
  if ('type' in job) {
    const error = await runReadJob(job, process.stdout).then(
      () => undefined,
      (err: Error) => err.message,
    );
    post({ type: 'read-done', id: job.id, peakRssBytes: peakRssBytes(), error });
    return;
  }
  // the browser worker's throttle: at most one message per interval, the last one always
  const progress = progressThrottle((p: ConvertProgress) => post({ type: 'progress', id: job.id, progress: p }), PROGRESS_INTERVAL_MS);
  const started = performance.now();
  try {
    const summary = await runJob(job, progress.report, pipe);
    progress.flush();
    post({ type: 'done', id: job.id, summary, seconds: (performance.now() - started) / 1000, peakRssBytes: peakRssBytes() });
  } finally {
    pipe?.destroy();
  }
});
// The parent ended or has no more jobs: so does this process, even in the middle of a job (its staging is gone).
process.on('disconnect', () => process.exit(0));
