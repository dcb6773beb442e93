/**
 * One CityGML file read by two threads: this one reads up to the split (split-point.ts), a part reader the rest
 * at the same time; the buildings come out in file order, with the places (line numbers) of the whole file, so
 * the conversion writes the same bytes and reports the same warnings and errors as a single reader would.
 * A fatal error in the first half ends the reading there, as it would in one pass.
 */
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ConvertWarning, ParsedBuilding } from '../../workers/lib/citygml/building';
import { CityGMLError } from '../../workers/lib/citygml/citygml-error';
import { readCityGML } from '../../workers/lib/citygml/read-citygml';
import type { PartError, PartMessage, PartRequest } from './part-protocol';
import type { SplitPlan } from './split-point';
import { CONVERT_RESOURCE_LIMITS } from './worker-limits';

const PART_READER_URL = new URL('./part-reader.mjs', import.meta.url);

export interface SplitReadOptions {
  file?: string;
  defaultSrsName?: string;
  signal?: AbortSignal;
  onWarning: (w: ConvertWarning) => void;
  /** Bytes of the file read so far by both threads. */
  onBytes: (n: number) => void;
}

export async function* readSplit(path: string, plan: SplitPlan, options: SplitReadOptions): AsyncGenerator<ParsedBuilding> {
  const worker = new Worker(PART_READER_URL, { resourceLimits: CONVERT_RESOURCE_LIMITS });
  const inbox: PartMessage[] = [];
  let wake: (() => void) | null = null;
  let crashed: Error | null = null;
  worker.on('message', (m: PartMessage) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    crashed = err;
    wake?.();
  });
  const request: PartRequest = { path, header: plan.header, at: plan.at, file: options.file, defaultSrsName: options.defaultSrsName };
  worker.postMessage(request);
  let first = 0;
  let second = 0;
  try {
    async function* firstHalf(): AsyncGenerator<Uint8Array> {
      yield* createReadStream(path, { start: 0, end: plan.at - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
      yield plan.closing;
    }
    yield* readCityGML(firstHalf(), {
      file: options.file,
      signal: options.signal,
      defaultSrsName: options.defaultSrsName,
      onWarning: options.onWarning,
      onBytes: (n) => {
        first = Math.min(n, plan.at);
        options.onBytes(first + second);
      },
    });
    const shift = plan.lineShift;
    for (;;) {
      while (!inbox.length && !crashed) await new Promise<void>((resolve) => (wake = resolve));
      if (crashed) throw new Error(`${options.file ?? path}: the thread reading the file's second half failed: ${(crashed as Error).message}`);
      const message = inbox.shift()!;
      if (!message.end) worker.postMessage('more');
      second = message.bytes;
      options.onBytes(first + second);
      for (const item of message.items) {
        for (const w of item.warnings) options.onWarning(w.line === undefined ? w : { ...w, line: w.line + shift });
        if (!item.building) continue;
        if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('aborted', 'AbortError');
        item.building.line += shift;
        yield item.building;
      }
      if (message.error) throw placed(message.error, shift);
      if (message.end) return;
    }
  } finally {
    await worker.terminate();
  }
}

/** The part's error with the whole file's line. */
function placed(e: PartError, shift: number): Error {
  if (e.name !== 'CityGMLError' || e.line === undefined) return Object.assign(new Error(e.message), { name: e.name, code: e.code });
  const where = `${e.file ?? ''}${e.file ? ':' : 'line '}${e.line}${e.column !== undefined ? `:${e.column}` : ''}: `;
  const message = e.message.startsWith(where) ? e.message.slice(where.length) : e.message;
  return new CityGMLError(e.code ?? 'invalid-xml', message, { file: e.file, line: e.line + shift, column: e.column });
}
