/**
 * The bookkeeping every worker client shares: calls that an AbortSignal or dispose() end early.
 * comlink cannot carry an AbortSignal, so an abort rejects here at once and `onAbort` may tell the worker.
 */
export class PendingCalls {
  private readonly pending = new Set<(reason: unknown) => void>();
  private closed = false;

  constructor(private readonly owner: string) {}

  get disposed(): boolean {
    return this.closed;
  }

  /** Calls still running. */
  get active(): number {
    return this.pending.size;
  }

  /** Starts the call unless disposed or already aborted; rejects on abort (after `onAbort`) or on close(). */
  run<T>(start: () => Promise<T>, signal?: AbortSignal, onAbort?: () => void): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`${this.owner} is disposed`));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const cleanup = () => {
        signal?.removeEventListener('abort', abort);
        this.pending.delete(fail);
      };
      const fail = (reason: unknown) => {
        cleanup();
        reject(reason);
      };
      const abort = () => {
        onAbort?.();
        fail(signal?.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.pending.add(fail);
      start().then((result) => {
        cleanup();
        resolve(result);
      }, fail);
    });
  }

  /** Rejects every call still running; later calls reject at once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.failAll(new Error(`${this.owner} was disposed during the call`));
  }

  /** Rejects every call still running with `reason` (the worker crashed); later calls start as usual. */
  failAll(reason: unknown): void {
    for (const fail of [...this.pending]) fail(reason);
  }
}
