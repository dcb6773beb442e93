/**
 * Long loops as generators: a query `yield`s every few thousand iterations (optionally with its
 * progress, 0–1). runSync drives one to the end; runAsync gives the event loop a turn every
 * `sliceMs`, so that a cancel message reaching the worker is seen, and stops when the signal aborts.
 */
export type Task<T> = Generator<number | void, T, void>;

/** Anything with `aborted`, e.g. an AbortSignal. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Thrown when a query is cancelled; name 'AbortError' like DOM aborts. */
export class QueryCancelledError extends Error {
  constructor(message = 'The query was cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

/** How many loop iterations pass between yields: rare enough to cost nothing, often enough to stay responsive. */
export const YIELD_EVERY = 4096;

export function runSync<T>(task: Task<T>, signal?: CancelSignal): T {
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
    if (signal?.aborted) {
      task.return(undefined as T);
      throw new QueryCancelledError();
    }
  }
}

export interface RunOptions {
  signal?: CancelSignal;
  /** Milliseconds of work between turns of the event loop; default 8. */
  sliceMs?: number;
  /** Called with the latest progress (0–1) at most once per slice. */
  onProgress?: (fraction: number) => void;
}

export async function runAsync<T>(task: Task<T>, options: RunOptions = {}): Promise<T> {
  const { signal, sliceMs = 8, onProgress } = options;
  let sliceStart = performance.now();
  let progress: number | undefined;
  for (;;) {
    if (signal?.aborted) {
      task.return(undefined as T);
      throw new QueryCancelledError();
    }
    const step = task.next();
    if (step.done) return step.value;
    if (typeof step.value === 'number') progress = step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      if (onProgress && progress !== undefined) onProgress(progress);
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/** A macrotask turn (MessageChannel, not setTimeout: no 4 ms clamping), so queued messages run first. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
