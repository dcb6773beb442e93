/** Workers that fail in each way a real one can: a URL that 404s, a throw while loading, no answer ever. */
const moduleUrl = (code: string) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));

export const BAD_WORKERS = {
  '404s': () => new Worker('/no-such-worker-here.js', { type: 'module' }),
  'throws at load': () => new Worker(moduleUrl('throw new Error("boom at load");'), { type: 'module' }),
  'never answers': () => new Worker(moduleUrl('self.onmessage = () => {};'), { type: 'module' }),
} as const;

/** A worker from module code, e.g. one that loops forever on its first message. */
export const workerFromCode = (code: string) => new Worker(moduleUrl(code), { type: 'module' });

/** First a bad worker, then the real one: the restart after the failure must pick the factory up again. */
export function badThenGood(bad: () => Worker, good: () => Worker): () => Worker {
  let first = true;
  return () => {
    const w = first ? bad() : good();
    first = false;
    return w;
  };
}
