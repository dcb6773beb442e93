// The quantized-mesh writer (tools/make-terrain), checked by decoding with 3d-tiles-renderer's decoder and against Cesium's occluder.
import { describe, expect, it } from 'vitest';
import { QuantizedMeshLoaderBase } from '3d-tiles-renderer/core/plugins';
import { Cartesian3, Ellipsoid } from '@cesium/engine';
// @ts-expect-error exported by @cesium/engine's index but missing from its type declarations
import { EllipsoidalOccluder } from '@cesium/engine';
import { encodeQuantizedMeshTile, geographicTile } from '../../../tools/make-terrain/quantized-mesh';
import { tileRange } from '../../../tools/make-terrain/demo-quantized-mesh';
import { geodeticToEcef } from '../../../src/core/geo/index';

const decode = (bytes: Uint8Array) => new QuantizedMeshLoaderBase().parse(bytes.slice().buffer);
const slope = (lon: number, lat: number) => 500 + 1000 * (lon - 11.5) + 3000 * (lat - 48.1);

describe('quantized-mesh writer', () => {
  const tile = geographicTile(14, 17431, 12570); // at 11.5° E, 48.1° N
  const size = 17;
  const decoded = decode(encodeQuantizedMeshTile({ ...tile, size, height: slope }));

  it('writes the header, vertices and heights a decoder reads back', () => {
    const { header, vertexData, indices } = decoded;
    const n = size * size;
    expect(vertexData.u.length).toBe(n);
    const corners = [slope(tile.west, tile.south), slope(tile.east, tile.north)];
    expect(header.minHeight).toBeCloseTo(Math.min(...corners), 3);
    expect(header.maxHeight).toBeCloseTo(Math.max(...corners), 3);
    for (let k = 0; k < n; k++) {
      const lon = tile.west + vertexData.u[k] * (tile.east - tile.west);
      const lat = tile.south + vertexData.v[k] * (tile.north - tile.south);
      const h = header.minHeight + vertexData.height[k] * (header.maxHeight - header.minHeight);
      // 1/32767 of the height range: under a centimetre here
      expect(Math.abs(h - slope(lon, lat))).toBeLessThan(0.01);
    }
    expect(indices.length).toBe((size - 1) ** 2 * 6);
    expect(Math.max(...indices)).toBe(n - 1);
    // counter-clockwise seen from above (u east, v north)
    for (let t = 0; t < indices.length; t += 3) {
      const [a, b, c] = [indices[t], indices[t + 1], indices[t + 2]];
      const cross = (vertexData.u[b] - vertexData.u[a]) * (vertexData.v[c] - vertexData.v[a]) - (vertexData.v[b] - vertexData.v[a]) * (vertexData.u[c] - vertexData.u[a]);
      expect(cross).toBeGreaterThan(0);
    }
    const centre = geodeticToEcef((tile.west + tile.east) / 2, (tile.south + tile.north) / 2, (header.minHeight + header.maxHeight) / 2);
    header.center.forEach((v: number, c: number) => expect(v).toBeCloseTo(centre[c], 3));
  });

  it('lists each edge’s vertices', () => {
    const { edgeIndices, vertexData } = decoded;
    const on = (list: ArrayLike<number>, test: (k: number) => boolean) => Array.from(list).every(test);
    expect(edgeIndices.westIndices.length).toBe(size);
    expect(on(edgeIndices.westIndices, (k) => vertexData.u[k] === 0)).toBe(true);
    expect(on(edgeIndices.eastIndices, (k) => vertexData.u[k] === 1)).toBe(true);
    expect(on(edgeIndices.southIndices, (k) => vertexData.v[k] === 0)).toBe(true);
    expect(on(edgeIndices.northIndices, (k) => vertexData.v[k] === 1)).toBe(true);
  });

  it('puts the horizon occlusion point where Cesium’s occluder does', () => {
    const { header, vertexData } = decoded;
    const positions: Cartesian3[] = [];
    for (let k = 0; k < vertexData.u.length; k++) {
      const lon = tile.west + vertexData.u[k] * (tile.east - tile.west);
      const lat = tile.south + vertexData.v[k] * (tile.north - tile.south);
      positions.push(Cartesian3.fromDegrees(lon, lat, header.minHeight + vertexData.height[k] * (header.maxHeight - header.minHeight)));
    }
    const occluder = new EllipsoidalOccluder(Ellipsoid.WGS84) as { computeHorizonCullingPoint(direction: Cartesian3, positions: Cartesian3[]): Cartesian3 };
    const expected = occluder.computeHorizonCullingPoint(Cartesian3.fromArray(header.sphereCenter), positions);
    const got = header.horizonOcclusionPoint;
    expect(Math.hypot(got[0] - expected.x, got[1] - expected.y, got[2] - expected.z)).toBeLessThan(1e-6);
  });

  it('covers the level-0 hemispheres and a box with whole tile ranges', () => {
    expect(tileRange(0, [11, 48, 12, 49])).toEqual({ startX: 0, startY: 0, endX: 1, endY: 0 });
    const r = tileRange(14, [11.5, 48.05, 11.56, 48.1]);
    const first = geographicTile(14, r.startX, r.startY);
    const last = geographicTile(14, r.endX, r.endY);
    expect(first.west).toBeLessThanOrEqual(11.5);
    expect(first.south).toBeLessThanOrEqual(48.05);
    expect(last.east).toBeGreaterThanOrEqual(11.56);
    expect(last.north).toBeGreaterThanOrEqual(48.1);
    // a hemisphere tile still decodes (its occlusion point is far out, not undefined)
    const half = decode(encodeQuantizedMeshTile({ ...geographicTile(0, 1, 0), size: 5, height: () => 100 }));
    expect(half.header.horizonOcclusionPoint.every(Number.isFinite)).toBe(true);
    expect(half.indices.length).toBe(16 * 6);
  });
});
