/**
 * A thread that reads the second half of a split CityGML file (split-point.ts) while the conversion thread reads
 * the first: the file's header, then the bytes from the split on. Buildings go back in batches, each with the
 * reader warnings that came before it, at most a few batches ahead of the consumer.
 */
import { createReadStream } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { ConvertWarning, ParsedBuilding } from '../../workers/lib/citygml/building';
import { readCityGML } from '../../workers/lib/citygml/read-citygml';
import { PART_AHEAD, PART_BATCH, type PartItem, type PartMessage, type PartRequest, type PartError } from './part-protocol';

if (!parentPort) throw new Error('part-reader.ts runs only as a worker thread');
const port = parentPort;

let credit = PART_AHEAD;
let wake: (() => void) | null = null;
port.on('message', (message: PartRequest | 'more') => {
  if (message === 'more') {
    credit++;
    wake?.();
    return;
  }
  void read(message);
});

async function* input(request: PartRequest): AsyncGenerator<Uint8Array> {
  yield request.header;
  yield* createReadStream(request.path, { start: request.at, highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
}

async function read(request: PartRequest): Promise<void> {
  let warnings: ConvertWarning[] = [];
  let bytes = 0;
  let batch: PartItem[] = [];
  const send = async (final: boolean, error?: PartError) => {
    while (credit <= 0 && !final) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    const message: PartMessage = { items: batch, bytes: Math.max(0, bytes - request.header.byteLength), end: final, error };
    port.postMessage(message);
    batch = [];
  };
  try {
    const buildings = readCityGML(input(request), {
      file: request.file,
      defaultSrsName: request.defaultSrsName,
      onWarning: (w) => warnings.push(w),
      onBytes: (n) => (bytes = n),
    });
    for await (const building of buildings as AsyncIterable<ParsedBuilding>) {
      batch.push({ warnings, building });
      warnings = [];
      if (batch.length >= PART_BATCH) await send(false);
    }
    batch.push({ warnings });
    await send(true);
  } catch (err) {
    batch.push({ warnings });
    const e = err as Error & { code?: string; file?: string; line?: number; column?: number };
    await send(true, { name: e.name, code: e.code, message: e.message, file: e.file, line: e.line, column: e.column });
  }
}
