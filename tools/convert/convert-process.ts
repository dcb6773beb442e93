/**
 * One conversion process: a child Node process running convert-worker.mjs, which converts the jobs it is sent one at
 * a time. A process rather than a worker thread because the V8 flags and malloc settings that make conversion fast
 * (worker-limits.ts) are only taken at process start, and because a crash (out of memory, a native abort) then ends
 * only that process: the parent names the file and goes on.
 */
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { ConvertProgress } from '../../workers/lib/convert/convert-citygml';
import type { ConvertJob, JobMessage } from './convert-job';
import { spawnConvertProcess } from './convert-spawn';
import type { ReadJob } from './read-job';

/** How a job ended: its last message, or why the process ended before sending it. */
export type JobOutcome = { message: Exclude<JobMessage, { type: 'progress' }>; crash?: undefined } | { crash: string; message?: undefined };

/** How much of a process's stderr is kept, to say why it crashed. */
const STDERR_TAIL = 8192;

/** Every process started and not yet ended, so an interrupted run can stop them all before it cleans up. */
const running = new Set<ConvertProcess>();
let stopping = false;

export class ConvertProcess {
  readonly child: ChildProcess;
  private stderr = '';
  private readonly ended: Promise<void>;
  /** Resolves once stderr is read to its end, so a crash is described by its last words. */
  private readonly stderrRead: Promise<void>;

  /**
   * `child`: one spawnConvertProcess already started (the bin's), else a new one. `lean`: started without the heap
   * limits (LEAN_PROCESS_FLAGS), for reading or a small file.
   */
  constructor(child?: ChildProcess, readonly lean = false) {
    this.child = child ?? spawnConvertProcess(lean);
    running.add(this);
    // errors are told through run(); one that comes when nobody listens (a second one, or after release) must not
    // become an uncaught 'error' event that ends the command
    this.child.on('error', () => {});
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-STDERR_TAIL);
    });
    this.stderrRead = new Promise((done) => this.child.stderr!.once('close', () => done()));
    this.ended = new Promise((done) => {
      this.child.once('exit', () => done());
      this.child.once('error', () => done()); // could not start: no 'exit' may follow
    });
    void this.ended.then(() => running.delete(this));
  }

  /**
   * Sends one job (with `pipe`, a handle the process takes over) and resolves with its last message, or with why the
   * process ended first, in words. Progress messages go to `onProgress` meanwhile.
   */
  run(job: ConvertJob | ReadJob, onProgress?: (p: ConvertProgress) => void, pipe?: Socket): Promise<JobOutcome> {
    const { child } = this;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: JobOutcome) => {
        if (settled) return;
        settled = true;
        child.off('message', onMessage).off('exit', onExit).off('error', onError);
        resolve(outcome);
      };
      const onMessage = (m: JobMessage) => {
        if (m.id !== job.id) return;
        if (m.type === 'progress') onProgress?.(m.progress);
        else settle({ message: m });
      };
      // 'exit', then the end of stderr: not 'close', which also waits for a stdout that was handed to another process
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        void this.stderrRead.then(() => settle({ crash: describeExit(code, signal, this.stderr) }));
      };
      const onError = (err: Error) => settle({ crash: `could not start: ${err.message}` });
      child.on('message', onMessage).once('exit', onExit).once('error', onError);
      // a prestarted process may have ended before anyone listened
      const { exitCode, signalCode } = child;
      if (exitCode !== null || signalCode !== null) onExit(exitCode, signalCode);
      // a send that fails (the channel closed) is followed by 'exit'
      else child.send(job, pipe, () => {});
    });
  }

  /** No more jobs: the process ends by itself once the channel closes, while the parent finishes (which then waits for it). */
  release(): void {
    this.child.removeAllListeners('message');
    this.child.removeAllListeners('close');
    this.child.removeAllListeners('error');
    this.child.on('error', () => {}); // a late error of a released process is nobody's failure
    this.child.stderr!.destroy();
    this.child.stdout?.destroy();
    if (this.child.connected) this.child.disconnect();
  }

  /** Ends the process now and resolves once it is gone. */
  stop(): Promise<void> {
    this.child.kill('SIGKILL');
    return this.ended;
  }
}

/** A process started ahead of its first job (prestartConvertProcess), for the pool to take. */
let spare: ConvertProcess | undefined;

/**
 * Starts the first conversion process now (or adopts `child`, started earlier still by spawnConvertProcess(true)), so
 * its Node start-up overlaps what the command does before converting. It is lean: it reads a large file for another
 * process or converts a small one (convert-pool.ts).
 */
export function prestartConvertProcess(child?: ChildProcess): void {
  if (spare && child) new ConvertProcess(child, true).release();
  else spare ??= new ConvertProcess(child, true);
}

/** The prestarted process, or a new one. */
export function takeConvertProcess(): ConvertProcess {
  const taken = spare ?? new ConvertProcess();
  spare = undefined;
  return taken;
}

/** A prestarted process nobody took (the command ended early) ends. */
export function releaseSpareConvertProcess(): void {
  spare?.release();
  spare = undefined;
}

/** Stops every conversion process still running (an interrupted run, before it removes its staging folder). */
export async function stopAllConvertProcesses(): Promise<void> {
  stopping = true;
  await Promise.all([...running].map((p) => p.stop()));
}

/** After stopAllConvertProcesses: a process that ends is not replaced. */
export function convertProcessesStopping(): boolean {
  return stopping;
}

/** "exited with code 134: FATAL ERROR: … heap out of memory", from the exit and the end of the process's stderr. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  // V8's fatal errors and Node's uncaught exceptions say what happened on one line; native stack lines follow
  const said = lines.find((l) => l.startsWith('FATAL ERROR')) ?? lines.find((l) => /^[\w.]*Error\b/.test(l)) ?? lines.at(-1);
  return said ? `${how}: ${said.slice(0, 300)}` : how;
}
