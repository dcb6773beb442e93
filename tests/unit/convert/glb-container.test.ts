/**
 * TwinBy writes the GLB container itself (glb-container.ts) instead of through loaders.gl's GLTFWriter, which copies
 * the binary chunk four times: for any buffer views the bytes are the ones GLTFWriter writes, and loaders.gl reads
 * them back.
 */
import { GLTFScenegraph, GLTFWriter, GLBLoader } from '@loaders.gl/gltf';
import { parseSync } from '@loaders.gl/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packGlb } from '../../../workers/lib/tiles3d/glb-container';

function scenegraphWith(views: Uint8Array[], name: string): GLTFScenegraph {
  const scenegraph = new GLTFScenegraph();
  (scenegraph.json as Record<string, unknown>).asset = { version: '2.0', generator: name };
  for (const v of views) scenegraph.addBufferView(v as never);
  return scenegraph;
}

describe('the GLB container', () => {
  it('holds the bytes loaders.gl’s GLTFWriter writes, for any buffer views and any JSON text', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 40 }), { maxLength: 6 }), fc.string({ maxLength: 9 }), (views, name) => {
        const theirs = scenegraphWith(views, name);
        theirs.createBinaryChunk();
        const expected = new Uint8Array(GLTFWriter.encodeSync!(theirs.gltf as never, {}) as ArrayBuffer);
        const ours = scenegraphWith(views, name);
        const json = ours.json as Record<string, any>;
        json.buffers = [{ byteLength: ours.byteLength }];
        const actual = packGlb(json, ours.sourceBuffers as Uint8Array[], ours.byteLength);
        expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is read back by loaders.gl: header, JSON and every view where the JSON says it is', () => {
    const views = [Uint8Array.of(1, 2, 3), new Uint8Array(new Float32Array([1.5, -2]).buffer), Uint8Array.of(9)];
    const scenegraph = scenegraphWith(views, 'ümlaut');
    const json = scenegraph.json as Record<string, any>;
    json.buffers = [{ byteLength: scenegraph.byteLength }];
    const bytes = packGlb(json, scenegraph.sourceBuffers as Uint8Array[], scenegraph.byteLength);
    expect(bytes.byteLength % 4).toBe(0);
    const glb = parseSync(bytes.buffer, GLBLoader) as { json: Record<string, any>; binChunks: { arrayBuffer: ArrayBuffer; byteOffset: number }[] };
    expect(glb.json.asset.generator).toBe('ümlaut');
    const bin = glb.binChunks[0];
    views.forEach((v, i) => {
      const view = glb.json.bufferViews[i];
      expect([...new Uint8Array(bin.arrayBuffer, bin.byteOffset + view.byteOffset, view.byteLength)]).toEqual([...v]);
    });
  });

  it('refuses views that do not fit the BIN length it was given', () => {
    expect(() => packGlb({}, [new Uint8Array(12)], 8)).toThrow(/overrun the 8-byte BIN chunk/);
  });
});
