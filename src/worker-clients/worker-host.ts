/**
 * One worker behind a client, kept alive: a worker that fails to load (a 404, a syntax error), throws at
 * top level, cannot read a message, or stops answering (the watchdog) rejects every call in flight with a
 * {@link WorkerFailure} and is terminated; the next call starts a fresh one. The element turns the
 * rejection into a `twinby-error`, and the viewer goes on.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';
import { PendingCalls } from './pending-calls';

export class WorkerFailure extends Error {
  override name = 'WorkerError';
}

export interface WorkerHostOptions {
  /** Longest wait without an answer or a sign of life (progress), in ms; read at each call. Default 120 s. */
  timeoutMs?: number;
}

/** A worker, or a factory that can start a new one after a crash. */
export type WorkerSource = Worker | (() => Worker);

export const DEFAULT_WORKER_TIMEOUT_MS = 120_000;
/**
 * After an abort the worker is asked to stop; one busy inside a long synchronous step (a big polygon)
 * cannot read that message, so when it has not answered after this long and no other call needs it,
 * it is terminated and the next call starts a fresh one.
 */
export const ABORT_GRACE_MS = 2_000;

export class WorkerHost<Api> {
  readonly calls: PendingCalls;
  private worker: Worker | undefined;
  private remote: Remote<Api> | undefined;
  private given: Worker | undefined;
  private readonly create: (() => Worker) | undefined;
  private readonly options: WorkerHostOptions;

  constructor(
    private readonly name: string,
    source: WorkerSource,
    options: WorkerHostOptions = {},
  ) {
    this.calls = new PendingCalls(name);
    if (typeof source === 'function') this.create = source;
    else this.given = source;
    this.options = options;
  }

  /** The running worker's remote, or undefined: never starts one (e.g. to send a cancel). */
  get running(): Remote<Api> | undefined {
    return this.remote;
  }

  /** The running worker's remote, starting a worker when there is none. */
  get api(): Remote<Api> {
    if (this.remote) return this.remote;
    const worker = this.given ?? this.create?.();
    this.given = undefined;
    if (!worker) throw new WorkerFailure(`${this.name}: the worker is gone and cannot be restarted (no factory given)`);
    worker.addEventListener('error', (e) => {
      e.preventDefault?.();
      const detail = e instanceof ErrorEvent && e.message ? `: ${e.message}` : '';
      this.crash(worker, `${this.name}: the worker failed to load or crashed${detail}`);
    });
    worker.addEventListener('messageerror', () => this.crash(worker, `${this.name}: a message from the worker could not be read`));
    this.worker = worker;
    this.remote = wrap<Api>(worker);
    return this.remote;
  }

  /**
   * Runs a call with the usual abort handling plus the watchdog. `start` gets a `alive()` to call on
   * progress: each call restarts the watchdog's clock.
   */
  run<T>(start: (api: Remote<Api>, alive: () => void) => Promise<T>, signal?: AbortSignal, onAbort?: () => void): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let worker: Worker | undefined;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_WORKER_TIMEOUT_MS;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (worker) this.crash(worker, `${this.name}: no answer from the worker within ${Math.round(timeoutMs / 1000)} s; it was restarted`);
      }, timeoutMs);
    };
    let settled = false;
    const abort = () => {
      onAbort?.();
      clearTimeout(timer);
      setTimeout(() => {
        if (!settled && worker && worker === this.worker && this.calls.active === 0) this.stop();
      }, ABORT_GRACE_MS);
    };
    const call = this.calls.run(
      () => {
        const api = this.api;
        worker = this.worker;
        arm();
        const answer = start(api, arm);
        void answer.then(
          () => (settled = true),
          () => (settled = true),
        );
        return answer;
      },
      signal,
      abort,
    );
    return call.finally(() => clearTimeout(timer));
  }

  /** Ends the worker for good; calls still running reject. */
  dispose(): void {
    if (this.calls.disposed) return;
    this.calls.close();
    this.stop();
  }

  private crash(worker: Worker, message: string): void {
    if (worker !== this.worker) return; // an old worker's late event
    this.stop();
    this.calls.failAll(new WorkerFailure(message));
  }

  private stop(): void {
    this.remote?.[releaseProxy]();
    this.worker?.terminate();
    this.remote = undefined;
    this.worker = undefined;
  }
}
