// A CLI conversion process (convert-process.ts): runs the jobs its parent sends, one at a time, and reports back.
// For a file read by two processes (convert-pipeline.ts) it is either the reader, writing frames to its stdout, or
// the converter, reading them from the pipe handle that comes with its job. The converter's code is loaded with the
// first conversion job (convert-run.ts): a process that only reads starts ~30 ms sooner without it.
import type { Socket } from 'node:net';
import type { ConvertJob, JobMessage } from './convert-job';
import { runReadJob, type ReadJob } from './read-job';

if (!process.send) throw new Error('convert-worker.ts runs only as a child process with an IPC channel');

type ConvertRun = { runConvertJob: typeof import('./convert-run').runConvertJob };
// beside this file: dist-cli/convert-run.mjs in the package, tools/convert/convert-run.mjs (tsx) in a checkout
const CONVERT_RUN = new URL('./convert-run.mjs', import.meta.url).href;
let converter: Promise<ConvertRun> | undefined;

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
  converter ??= import(CONVERT_RUN) as Promise<ConvertRun>;
  const { runConvertJob } = await converter;
  await runConvertJob(job, pipe, post);
});
// The parent ended or has no more jobs: so does this process, even in the middle of a job (its staging is gone).
process.on('disconnect', () => process.exit(0));
