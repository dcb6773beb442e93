/**
 * Starts one conversion process: convert-worker.mjs beside this module (in the package, beside the bundle) with the
 * V8 flags and malloc settings of worker-limits.ts; `lean`, without the heap limits (LEAN_PROCESS_FLAGS). Its own
 * module so the package's bin can start the first process before the CLI has loaded (convert-process.ts wraps it).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CONVERT_PROCESS_FLAGS, convertProcessEnv, LEAN_PROCESS_FLAGS } from './worker-limits';

const ENTRY = fileURLToPath(new URL('./convert-worker.mjs', import.meta.url));

export function spawnConvertProcess(lean = false): ChildProcess {
  return fork(ENTRY, [], {
    execArgv: [...(lean ? LEAN_PROCESS_FLAGS : CONVERT_PROCESS_FLAGS)],
    env: convertProcessEnv(process.env),
    serialization: 'advanced',
    // stdout is a pipe only for a reading process's frames (read-job.ts), handed to the process that converts; the
    // command's own stdout stays its alone (--json). stderr is read, not shown: a crash's last words go into its failure
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
}
