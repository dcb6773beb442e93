/**
 * Holds the meshes of every converted building until its tile is written, in a few large
 * paged typed arrays instead of half a dozen small typed arrays per building: ~1.5 kB per
 * LoD2 house instead of ~3.7 kB, and almost nothing for the garbage collector to trace.
 * A building's data is contiguous within one page; a building bigger than a page gets
 * a page of its own.
 */
import type { BuildingAttributes } from '../citygml/building';
import type { BuildingMesh } from '../mesh/building-mesh';
import { flattenFootprint, readFootprint, type BuildingView } from './building-record';
export type { BuildingView } from './building-record';

const VERTEX_PAGE = 1 << 18; // vertices per page (4 MB of positions)
const INDEX_PAGE = 1 << 20;
const DOUBLE_PAGE = 1 << 17;

/** What stays of a building: its attributes and where its numbers are. */
export interface StoredBuilding {
  id: string;
  attributes: BuildingAttributes;
  lod: number;
  vertexPage: number;
  vertexStart: number;
  vertexCount: number;
  indexPage: number;
  indexStart: number;
  indexCount: number;
  /** Offset in the double pages: model (27), anchor (3), bbox (6), ground height (1), footprint. */
  doublePage: number;
  doubleStart: number;
}

export const MODEL_OFFSET = 0;
const ANCHOR_OFFSET = 27;
const BBOX_OFFSET = 30;
const GROUND_OFFSET = 36;
const FOOTPRINT_OFFSET = 37;

export class GeometryArena {
  private positions: Float32Array[] = [];
  private normals: Int8Array[] = [];
  private surfaces: Uint8Array[] = [];
  private vertexFill: number[] = [];
  private indices: Uint32Array[] = [];
  private indexFill: number[] = [];
  private doubles: Float64Array[] = [];
  private doubleFill: number[] = [];

  /** Copies the mesh, its model and its (already reprojected) footprint in; the mesh can then go. */
  store(mesh: BuildingMesh, model: Float64Array, footprint: Float64Array[][]): StoredBuilding {
    const vertexCount = mesh.positions.length / 3;
    const [vertexPage, vertexStart] = this.reserveVertices(vertexCount);
    this.positions[vertexPage].set(mesh.positions, vertexStart * 3);
    this.normals[vertexPage].set(mesh.normals, vertexStart * 3);
    this.surfaces[vertexPage].set(mesh.surfaces, vertexStart);
    const [indexPage, indexStart] = reserve(this.indices, this.indexFill, mesh.indices.length, INDEX_PAGE, Uint32Array);
    this.indices[indexPage].set(mesh.indices, indexStart);

    const flat = flattenFootprint(footprint);
    const doubleCount = FOOTPRINT_OFFSET + flat.length;
    const [doublePage, doubleStart] = reserve(this.doubles, this.doubleFill, doubleCount, DOUBLE_PAGE, Float64Array);
    const d = this.doubles[doublePage];
    d.set(model, doubleStart + MODEL_OFFSET);
    d.set(mesh.anchor, doubleStart + ANCHOR_OFFSET);
    d.set(mesh.bbox, doubleStart + BBOX_OFFSET);
    d[doubleStart + GROUND_OFFSET] = mesh.groundHeight;
    d.set(flat, doubleStart + FOOTPRINT_OFFSET);
    return {
      id: mesh.id,
      attributes: mesh.attributes,
      lod: mesh.lod,
      vertexPage,
      vertexStart,
      vertexCount,
      indexPage,
      indexStart,
      indexCount: mesh.indices.length,
      doublePage,
      doubleStart,
    };
  }

  /** Views (no copies) on a stored building, for writing its tile. */
  view(b: StoredBuilding): BuildingView {
    const d = this.doubles[b.doublePage];
    const o = b.doubleStart;
    const v0 = b.vertexStart;
    const v1 = v0 + b.vertexCount;
    return {
      model: d.subarray(o + MODEL_OFFSET, o + MODEL_OFFSET + 27),
      mesh: {
        id: b.id,
        attributes: b.attributes,
        lod: b.lod,
        line: 0,
        column: 0,
        anchor: d.subarray(o + ANCHOR_OFFSET, o + ANCHOR_OFFSET + 3),
        bbox: d.subarray(o + BBOX_OFFSET, o + BBOX_OFFSET + 6),
        groundHeight: d[o + GROUND_OFFSET],
        positions: this.positions[b.vertexPage].subarray(v0 * 3, v1 * 3),
        normals: this.normals[b.vertexPage].subarray(v0 * 3, v1 * 3),
        surfaces: this.surfaces[b.vertexPage].subarray(v0, v1),
        indices: this.indices[b.indexPage].subarray(b.indexStart, b.indexStart + b.indexCount),
        footprint: readFootprint(d, o + FOOTPRINT_OFFSET),
      },
    };
  }

  /** Bytes held, for diagnostics. */
  byteLength(): number {
    const sum = (list: ArrayBufferView[]) => list.reduce((s, a) => s + a.byteLength, 0);
    return sum(this.positions) + sum(this.normals) + sum(this.surfaces) + sum(this.indices) + sum(this.doubles);
  }

  /** Bytes filled with building data (pages are allocated ahead in 4 MB steps). */
  usedBytes(): number {
    const sum = (fill: number[]) => fill.reduce((s, n) => s + n, 0);
    return sum(this.vertexFill) * 16 + sum(this.indexFill) * 4 + sum(this.doubleFill) * 8;
  }

  private reserveVertices(count: number): [number, number] {
    const last = this.vertexFill.length - 1;
    if (last >= 0 && this.vertexFill[last] + count <= this.surfaces[last].length) {
      const start = this.vertexFill[last];
      this.vertexFill[last] += count;
      return [last, start];
    }
    const size = Math.max(VERTEX_PAGE, count);
    this.positions.push(new Float32Array(size * 3));
    this.normals.push(new Int8Array(size * 3));
    this.surfaces.push(new Uint8Array(size));
    this.vertexFill.push(count);
    return [this.vertexFill.length - 1, 0];
  }
}

function reserve<T extends Float64Array | Uint32Array>(pages: T[], fill: number[], count: number, pageSize: number, Type: new (n: number) => T): [number, number] {
  const last = fill.length - 1;
  if (last >= 0 && fill[last] + count <= pages[last].length) {
    const start = fill[last];
    fill[last] += count;
    return [last, start];
  }
  pages.push(new Type(Math.max(pageSize, count)));
  fill.push(count);
  return [fill.length - 1, 0];
}
