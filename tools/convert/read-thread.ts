/**
 * A thread that reads a CityGML file for a conversion thread (threaded-read.ts), so reading and building run on
 * two cores. Buildings go back in batches, each with the reader warnings that came before it, at most a few
 * batches ahead of the consumer.
 */
import { createReadStream } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { ConvertWarning } from '../../workers/lib/citygml/building';
import { readCityGML } from '../../workers/lib/citygml/read-citygml';
import { READ_AHEAD, READ_BATCH, type ReadError, type ReadItem, type ReadMessage, type ReadRequest } from './read-protocol';

if (!parentPort) throw new Error('read-thread.ts runs only as a worker thread');
const port = parentPort;

let credit = READ_AHEAD;
let wake: (() => void) | null = null;
port.on('message', (message: ReadRequest | 'more') => {
  if (message === 'more') {
    credit++;
    wake?.();
  } else void read(message);
});

async function read(request: ReadRequest): Promise<void> {
  let warnings: ConvertWarning[] = [];
  let bytes = 0;
  let batch: ReadItem[] = [];
  const send = async (end: boolean, error?: ReadError) => {
    while (credit <= 0 && !end) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    const message: ReadMessage = { items: batch, bytes, end, error };
    port.postMessage(message);
    batch = [];
  };
  try {
    const input = createReadStream(request.path, { highWaterMark: 1 << 20 });
    const buildings = readCityGML(input, { file: request.file, defaultSrsName: request.defaultSrsName, onWarning: (w) => warnings.push(w), onBytes: (n) => (bytes = n) });
    for await (const building of buildings) {
      batch.push({ warnings, building });
      warnings = [];
      if (batch.length >= READ_BATCH) await send(false);
    }
    batch.push({ warnings });
    await send(true);
  } catch (err) {
    batch.push({ warnings });
    const e = err as Error & { code?: string; file?: string; line?: number; column?: number };
    await send(true, { name: e.name, code: e.code, message: e.message, file: e.file, line: e.line, column: e.column });
  }
}
