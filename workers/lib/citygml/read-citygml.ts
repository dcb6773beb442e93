/**
 * Streaming CityGML 1.0 / 2.0 / 3.0 reader: bytes in, one ParsedBuilding per
 * top-level Building out, as soon as its end tag has been read. Built on the
 * shared streaming tokenizer (src/core/formats/xml), so memory follows the
 * building being read, never the file.
 * Coordinates stay in the source CRS; srsName is passed on as written.
 */
import type { ConvertWarning, ParsedBuilding } from './building';
import { CityGMLError, cityGmlFailure } from './citygml-error';
import { DocumentReader } from './document-reader';
import { XmlDecoder } from '../../../src/core/formats/xml/xml-bytes';
import { XmlTokenizer } from '../../../src/core/formats/xml/xml-tokenizer';

export interface ReadCityGMLOptions {
  /** Name used in errors and warnings. */
  file?: string;
  /** Abort → the generator throws an error named 'AbortError'. */
  signal?: AbortSignal;
  /** Bytes consumed so far, after each chunk. */
  onBytes?: (bytesRead: number) => void;
  onWarning?: (w: ConvertWarning) => void;
  /** The CRS the user named, used when the file declares none. */
  defaultSrsName?: string;
}

/**
 * Largest piece of input handed to the parser at once, so a huge chunk still streams. Kept under V8's large-object
 * size (128 KB): a larger decoded string, and every join with the previous chunk's tail, is a fresh mmap'd object and
 * cost about 13 % of a conversion's CPU at 1 MB.
 */
const SLICE_BYTES = 1 << 16;

export async function* readCityGML(
  input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  options: ReadCityGMLOptions = {},
): AsyncGenerator<ParsedBuilding> {
  const { file, signal } = options;
  const decoder = new XmlDecoder({ file, fail: cityGmlFailure, onWarning: (code, message) => options.onWarning?.({ file, code, message }) });
  const reader = new DocumentReader({ file, defaultSrsName: options.defaultSrsName, onWarning: options.onWarning });
  const parser = new XmlTokenizer(reader, { file, fail: cityGmlFailure });

  let bytesRead = 0;
  throwIfAborted(signal);
  let failure: unknown;
  try {
    for await (const chunk of toAsyncIterable(input)) {
      for (let offset = 0; offset < chunk.length; offset += SLICE_BYTES) {
        throwIfAborted(signal);
        const slice = chunk.length <= SLICE_BYTES ? chunk : chunk.subarray(offset, offset + SLICE_BYTES);
        parser.write(decoder.push(slice));
        bytesRead += slice.length;
        yield* drain(reader.queue, signal);
        options.onBytes?.(bytesRead);
      }
    }
    throwIfAborted(signal);
    parser.write(decoder.end());
    if (bytesRead === 0) throw new CityGMLError('empty-input', 'The input is empty.', { file });
    parser.close();
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    failure = err;
  }
  // Buildings completed before the damage are never lost: yield them, then fail.
  yield* drain(reader.queue, signal);
  if (failure !== undefined) throw failure;
}

function* drain(queue: ParsedBuilding[], signal: AbortSignal | undefined): Generator<ParsedBuilding> {
  let i = 0;
  try {
    for (; i < queue.length; i++) {
      yield queue[i];
      throwIfAborted(signal);
    }
  } finally {
    queue.splice(0, Math.min(i + 1, queue.length));
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Reading the CityGML was aborted.', 'AbortError');
}

async function* toAsyncIterable(input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in input) {
    yield* input as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (input as ReadableStream<Uint8Array>).getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
