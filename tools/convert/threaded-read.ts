/**
 * A CityGML file read in a thread of its own (read-thread.ts) while this thread builds the tiles: on a spare core
 * the reader (half of a conversion's CPU) no longer waits for the builder. The buildings, warnings and errors are
 * those the reader gives in this thread, in the same order, so the files written are the same.
 */
import { Worker } from 'node:worker_threads';
import type { ConvertWarning, ParsedBuilding } from '../../workers/lib/citygml/building';
import { CityGMLError } from '../../workers/lib/citygml/citygml-error';
import type { ReadError, ReadMessage, ReadRequest } from './read-protocol';
import { CONVERT_RESOURCE_LIMITS } from './worker-limits';

const READ_THREAD_URL = new URL('./read-thread.mjs', import.meta.url);

export interface ThreadedReadOptions {
  file?: string;
  defaultSrsName?: string;
  signal?: AbortSignal;
  onWarning: (w: ConvertWarning) => void;
  onBytes: (n: number) => void;
}

export async function* readInThread(path: string, options: ThreadedReadOptions): AsyncGenerator<ParsedBuilding> {
  const worker = new Worker(READ_THREAD_URL, { resourceLimits: CONVERT_RESOURCE_LIMITS });
  const inbox: ReadMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: ReadMessage) => {
    inbox.push(m);
    wake?.();
  });
  const fail = (err: Error) => {
    failure ??= err;
    wake?.();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
  const request: ReadRequest = { path, file: options.file, defaultSrsName: options.defaultSrsName };
  worker.postMessage(request);
  try {
    for (;;) {
      while (!inbox.length && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (!message) throw new Error(`${options.file ?? path}: the thread reading the file stopped: ${failure!.message}`);
      if (!message.end) worker.postMessage('more');
      options.onBytes(message.bytes);
      for (const item of message.items) {
        for (const w of item.warnings) options.onWarning(w);
        if (!item.building) continue;
        if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('aborted', 'AbortError');
        yield item.building;
      }
      if (message.error) throw rebuilt(message.error);
      if (message.end) return;
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}

/** The reader's error as the reader threw it (its class carries code and place for the summary). */
function rebuilt(e: ReadError): Error {
  if (e.name === 'CityGMLError') {
    const error = new CityGMLError(e.code ?? 'invalid-xml', '', { file: e.file, line: e.line, column: e.column });
    error.message = e.message;
    return error;
  }
  return Object.assign(new Error(e.message), { name: e.name, code: e.code, file: e.file, line: e.line, column: e.column });
}
