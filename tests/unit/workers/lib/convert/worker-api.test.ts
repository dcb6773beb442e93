// The CityGML worker's implementation, called directly (the browser test covers the real worker round trip).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expose, releaseProxy, wrap } from 'comlink';
import type { ConvertProgress } from '../../../../../workers/lib/convert/convert-citygml';
import { createCityGMLWorkerApi } from '../../../../../workers/lib/convert/worker-api';
import { generateTown } from '../../../../../tools/make-demo/generate-town';

const root = resolve(import.meta.dirname, '../../../../..');
const fixture = (name: string) => readFile(resolve(root, 'tests/fixtures/citygml', name));

async function town(buildings: number, seed = 7): Promise<Uint8Array> {
  let text = '';
  for await (const chunk of generateTown({ buildings, seed })) text += chunk;
  return new TextEncoder().encode(text);
}

/** Hands the bytes over in small chunks, as a File's stream would, so a conversion takes many steps. */
function chunked(bytes: Uint8Array, size = 16 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

function glbMagic(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes.subarray(0, 4));
}

describe('createCityGMLWorkerApi', () => {
  it('converts a Blob into an in-memory tileset whose content URIs all resolve', async () => {
    const api = createCityGMLWorkerApi();
    const bytes = await fixture('adv-lod2-citygml1.gml');
    const result = await api.convert({ input: new Blob([bytes]), file: 'adv.gml' });
    expect(result.summary.error).toBeUndefined();
    expect(result.cancelled).toBe(false);
    expect(result.summary.buildings).toBe(2);
    expect(result.summary.bytesRead).toBe(bytes.byteLength);
    const tileset = JSON.parse(new TextDecoder().decode(result.files.get('tileset.json')));
    expect(tileset.asset.version).toBe('1.1');
    const uris: string[] = [];
    const walk = (tile: { content?: { uri: string }; children?: unknown[] }) => {
      if (tile.content) uris.push(tile.content.uri);
      for (const child of tile.children ?? []) walk(child as typeof tile);
    };
    walk(tileset.root);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) {
      const glb = result.files.get(uri);
      expect(glb, uri).toBeDefined();
      expect(glbMagic(glb!)).toBe('glTF');
    }
    expect(result.files.has('footprints.bin')).toBe(true);
  });

  it('gives every file its own whole buffer, so each can be transferred', async () => {
    const api = createCityGMLWorkerApi();
    const result = await api.convert({ input: await town(60), file: 'town.gml' });
    const buffers = new Set<ArrayBufferLike>();
    for (const bytes of result.files.values()) {
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
      buffers.add(bytes.buffer);
    }
    expect(buffers.size).toBe(result.files.size);
  });

  it('over comlink, the answer carries the buffer of every file in its transfer list: the copies in the worker are detached', async () => {
    const { port1, port2 } = new MessageChannel();
    const sent: ArrayBuffer[][] = [];
    // the worker side's endpoint, spying on what each answer transfers
    const endpoint = {
      postMessage: (message: unknown, transfer: Transferable[] = []) => {
        sent.push(transfer.filter((t): t is ArrayBuffer => t instanceof ArrayBuffer));
        port1.postMessage(message, transfer);
      },
      addEventListener: port1.addEventListener.bind(port1),
      removeEventListener: port1.removeEventListener.bind(port1),
      start: () => port1.start(),
    };
    expose(createCityGMLWorkerApi(), endpoint);
    const remote = wrap<ReturnType<typeof createCityGMLWorkerApi>>(port2);
    try {
      const result = await remote.convert({ input: await town(60), file: 'town.gml' });
      const moved = sent.find((list) => list.length > 0)!;
      expect(moved).toHaveLength(result.files.size);
      expect(moved.every((b) => b.byteLength === 0)).toBe(true);
      expect([...result.files.values()].every((f) => f.byteLength > 0)).toBe(true);
    } finally {
      remote[releaseProxy]();
      port1.close();
      port2.close();
    }
  });

  it('reports progress: bytes read, buildings and tiles, ending on the totals', async () => {
    const api = createCityGMLWorkerApi();
    const bytes = await town(200);
    const seen: ConvertProgress[] = [];
    const result = await api.convert({ input: chunked(bytes), file: 'town.gml' }, (p) => void seen.push(p));
    expect(result.summary.buildings).toBe(200);
    expect(seen.length).toBeGreaterThan(0);
    const last = seen[seen.length - 1];
    expect(last.bytesRead).toBe(bytes.byteLength);
    expect(last.buildings).toBe(200);
    expect(last.tiles).toBe(result.summary.tiles);
    for (let i = 1; i < seen.length; i++) expect(seen[i].bytesRead).toBeGreaterThanOrEqual(seen[i - 1].bytesRead);
  });

  it('stops a conversion when cancelled by its id, returning what was converted', async () => {
    const api = createCityGMLWorkerApi();
    const bytes = await town(2000);
    let cancelledAt = -1;
    const result = await api.convert({ input: chunked(bytes), file: 'big.gml', cancelId: 7 }, (p) => {
      if (cancelledAt < 0 && p.buildings > 0) {
        cancelledAt = p.buildings;
        api.cancel(7);
      }
    });
    expect(cancelledAt).toBeGreaterThan(0);
    expect(result.cancelled).toBe(true);
    expect(result.summary.buildings).toBeLessThan(2000);
    // Cancelling an id that is not running is harmless, and the next call runs normally.
    api.cancel(7);
    const next = await api.convert({ input: await fixture('adv-lod2-citygml1.gml'), cancelId: 7 });
    expect(next.cancelled).toBe(false);
    expect(next.summary.buildings).toBe(2);
  });

  it('survives bad input: the error names the place, and the next call works', async () => {
    const api = createCityGMLWorkerApi();
    const bad = await api.convert({ input: new TextEncoder().encode('{"type": "not xml"}'), file: 'oops.json' });
    expect(bad.summary.error).toMatchObject({ file: 'oops.json', line: 1, column: 1 });
    expect(bad.summary.error!.message).toMatch(/not XML/i);

    const whole = await town(40);
    const truncated = whole.subarray(0, Math.floor(whole.length * 0.6));
    const partial = await api.convert({ input: truncated, file: 'cut.gml' });
    expect(partial.summary.error?.line).toBeGreaterThan(1);
    // Buildings read before the damage are kept.
    expect(partial.summary.buildings).toBeGreaterThan(0);
    expect(partial.summary.buildings).toBeLessThan(40);
    expect(partial.files.has('tileset.json')).toBe(true);

    const good = await api.convert({ input: whole, file: 'town.gml' });
    expect(good.summary.error).toBeUndefined();
    expect(good.summary.buildings).toBe(40);
  });
});
