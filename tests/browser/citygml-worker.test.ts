// A real module worker round trip through the main-thread client: conversion, progress, cancel, bad input, transfer, dispose.
import { afterEach, describe, expect, it } from 'vitest';
import { CityGMLClient } from '../../src/worker-clients/citygml-client';
import { generateTown } from '../../tools/make-demo/generate-town';
import advFixture from '../fixtures/citygml/adv-lod2-citygml1.gml?raw';
import type { ConvertProgress } from '../../workers/lib/convert/convert-citygml';

async function townText(buildings: number, seed = 3): Promise<string> {
  let text = '';
  for await (const chunk of generateTown({ buildings, seed })) text += chunk;
  return text;
}

function contentUris(tile: { content?: { uri: string }; children?: unknown[] }, out: string[] = []): string[] {
  if (tile.content) out.push(tile.content.uri);
  for (const child of tile.children ?? []) contentUris(child as typeof tile, out);
  return out;
}

let client: CityGMLClient | undefined;
afterEach(() => {
  client?.dispose();
  client = undefined;
});

describe('CityGML worker', () => {
  it('converts a File into a valid in-memory tileset, reporting progress, with the buffers transferred', async () => {
    client = new CityGMLClient();
    const text = await townText(20);
    const file = new File([text], 'town.gml', { type: 'application/gml+xml' });
    const progress: ConvertProgress[] = [];
    const result = await client.convert(file, { onProgress: (p) => progress.push(p) });

    expect(result.summary.error).toBeUndefined();
    expect(result.summary.buildings).toBe(20);
    const tileset = JSON.parse(new TextDecoder().decode(result.files.get('tileset.json')));
    expect(tileset.asset.version).toBe('1.1');
    const uris = contentUris(tileset.root);
    expect(uris.length).toBe(result.summary.tiles);
    for (const uri of uris) {
      const glb = result.files.get(uri)!;
      expect(new TextDecoder().decode(glb.subarray(0, 4))).toBe('glTF');
      expect(new DataView(glb.buffer, glb.byteOffset).getUint32(8, true)).toBe(glb.byteLength);
    }
    expect(result.files.get('footprints.bin')!.byteLength).toBeGreaterThan(0);

    // Progress crossed the thread boundary and ended on the totals.
    await expect.poll(() => progress.at(-1)?.buildings).toBe(20);
    expect(progress.at(-1)!.bytesRead).toBe(file.size);

  });

  it('takes a ReadableStream (moved to the worker) and a string fixture as bytes', async () => {
    client = new CityGMLClient();
    const stream = new Blob([advFixture]).stream();
    const fromStream = await client.convert(stream, { file: 'adv.gml' });
    expect(fromStream.summary.buildings).toBe(2);
    const fromBytes = await client.convert(new TextEncoder().encode(advFixture), { file: 'adv.gml' });
    expect(fromBytes.summary.buildings).toBe(2);
    expect(fromBytes.summary.triangles).toBe(fromStream.summary.triangles);
  });

  it('cancels through an AbortSignal: the worker stops, then converts the next file', async () => {
    client = new CityGMLClient();
    const big = new Blob([await townText(4000)]);
    const controller = new AbortController();
    let abortedAt = 0;
    let lastEventAt = 0;
    let buildingsAtAbort = 0;
    const call = client.convert(big, {
      signal: controller.signal,
      onProgress: (p) => {
        lastEventAt = performance.now();
        if (!controller.signal.aborted && p.buildings > 0) {
          buildingsAtAbort = p.buildings;
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(buildingsAtAbort).toBeGreaterThan(0);
    expect(buildingsAtAbort).toBeLessThan(4000);

    // A conversion still running would keep reporting every 50 ms for seconds; a stopped one falls silent.
    await new Promise((r) => setTimeout(r, 1500));
    expect(lastEventAt - abortedAt).toBeLessThan(300);

    const next = await client.convert(new Blob([advFixture]), { file: 'adv.gml' });
    expect(next.summary.buildings).toBe(2);

    // An already-aborted signal never reaches the worker.
    await expect(client.convert(big, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('returns bad input as an error with file, line and column, and stays usable', async () => {
    client = new CityGMLClient();
    const notXml = await client.convert(new File(['hello, this is text'], 'notes.gml'));
    expect(notXml.summary.error).toMatchObject({ file: 'notes.gml', line: 1, column: 1 });

    const text = await townText(30);
    const truncated = await client.convert(new Blob([text.slice(0, Math.floor(text.length * 0.7))]), { file: 'cut.gml' });
    expect(truncated.summary.error?.file).toBe('cut.gml');
    expect(truncated.summary.error?.line).toBeGreaterThan(1);
    expect(truncated.summary.buildings).toBeGreaterThan(0);
    expect(truncated.files.has('tileset.json')).toBe(true);

    const good = await client.convert(new Blob([text]), { file: 'town.gml' });
    expect(good.summary.error).toBeUndefined();
    expect(good.summary.buildings).toBe(30);
  });

  it('dispose() ends the worker: running and later calls reject', async () => {
    const own = new CityGMLClient();
    const running = own.convert(new Blob([await townText(2000)]));
    own.dispose();
    await expect(running).rejects.toThrow(/disposed/);
    await expect(own.convert(new Blob([advFixture]))).rejects.toThrow(/disposed/);
  });
});
