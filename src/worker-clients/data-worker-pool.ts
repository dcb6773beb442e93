/**
 * The page's data worker, shared by every layer that reads data (plans, WFS, spatial queries, scenarios):
 * at most one worker per factory, started on first use and ended when the last client is disposed.
 * Each client holds a {@link DataSession}: its own state in the worker behind its own comlink proxy, its
 * own pending calls (dispose() rejects only its own), reopened after the worker was restarted, with the client's
 * `restore` replaying what it had loaded.
 */
import { releaseProxy, type Remote } from 'comlink';
import { PendingCalls } from './pending-calls';
import { WorkerFailure, WorkerHost, type WorkerHostOptions, type WorkerSource } from './worker-host';
import type { DataWorkerApi, DataWorkerStats } from '../../workers/data-protocol';

interface Shared {
  host: WorkerHost<DataWorkerApi>;
  users: number;
}

/** Shared workers by factory (a given Worker instance is never shared). */
const shared = new Map<WorkerSource, Shared>();

export function createDataWorker(): Worker {
  return new Worker(new URL('../../workers/data.worker.ts', import.meta.url), { type: 'module', name: 'twinby-data' });
}

function acquire(source: WorkerSource, options: WorkerHostOptions): Shared {
  let entry = typeof source === 'function' ? shared.get(source) : undefined;
  if (!entry) {
    entry = { host: new WorkerHost<DataWorkerApi>('data worker', source, options), users: 0 };
    if (typeof source === 'function') shared.set(source, entry);
  }
  entry.users++;
  return entry;
}

function release(source: WorkerSource, entry: Shared): void {
  if (--entry.users > 0) return;
  if (shared.get(source) === entry) shared.delete(source);
  entry.host.dispose();
}

/** How many data workers run now (for the pool's tests and the page's diagnostics). */
export function runningDataWorkers(): number {
  let n = 0;
  for (const entry of shared.values()) if (entry.host.running) n++;
  return n;
}

/** One client's session in the shared data worker. */
export class DataSession<Api> {
  readonly calls: PendingCalls;
  private readonly entry: Shared;
  private root: Remote<DataWorkerApi> | undefined;
  private session: Promise<Remote<Api>> | undefined;
  private opened: Remote<Api> | undefined;
  /** Replays what the client loaded (by URL) into a session opened on a restarted worker; a failure fails the call. */
  restore: ((session: Remote<Api>) => Promise<void>) | undefined;

  constructor(
    private readonly name: string,
    private readonly open: (root: Remote<DataWorkerApi>) => Promise<Remote<Api>>,
    private readonly source: WorkerSource = createDataWorker,
    options: WorkerHostOptions = {},
  ) {
    this.calls = new PendingCalls(name);
    this.entry = acquire(source, options);
  }

  /** The open session on the running worker, or undefined: never starts one (e.g. to send a cancel). */
  get running(): Remote<Api> | undefined {
    return this.root && this.root === this.entry.host.running ? this.opened : undefined;
  }

  /** Runs a call in this session: the shared worker's watchdog and abort handling, this client's dispose. */
  run<T>(start: (api: Remote<Api>, alive: () => void) => Promise<T>, signal?: AbortSignal, onAbort?: () => void): Promise<T> {
    return this.calls.run(() => this.entry.host.run(async (root, alive) => start(await this.sessionOn(root), alive), signal, onAbort).catch((err) => Promise.reject(this.named(err))));
  }

  /** A shared worker's failure, told in the client's name. */
  private named(err: unknown): unknown {
    return err instanceof WorkerFailure ? new WorkerFailure(`${this.name}: ${err.message.replace(/^data worker: /, '')}`) : err;
  }

  /** The worker's figures (plans read, …). */
  stats(): Promise<DataWorkerStats> {
    return this.calls.run(() => this.entry.host.run((root) => root.stats()));
  }

  private sessionOn(root: Remote<DataWorkerApi>): Promise<Remote<Api>> {
    if (this.root !== root || !this.session) {
      // a new worker (first call, or a restart after a crash): the old session died with the old one
      this.root = root;
      this.opened = undefined;
      const opening = this.open(root).then(async (session) => {
        try {
          await this.restore?.(session);
          return session;
        } catch (err) {
          session[releaseProxy]();
          throw err;
        }
      });
      this.session = opening;
      opening.then((s) => this.session === opening && (this.opened = s), () => this.session === opening && (this.session = undefined));
    }
    return this.session;
  }

  /** Ends this session; the worker ends with its last session. Calls still running reject. */
  dispose(): void {
    if (this.calls.disposed) return;
    this.calls.close();
    const session = this.running;
    this.session = undefined;
    this.opened = undefined;
    session?.[releaseProxy]();
    release(this.source, this.entry);
  }
}
