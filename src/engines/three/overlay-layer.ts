import {
  BufferGeometry,
  Color,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  LineBasicMaterial,
  LineDashedMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  Vector3,
  type Intersection,
  type Material,
} from 'three';
import earcut from 'earcut';
import { segmentPieces, subdivideTriangle, type AttributeValue, type DrapedPolygon, type ExtrudedPolygon, type OverlayData, type OverlayStyle } from '../../core/index.js';
import type { GroundModel } from './ground.js';
import type { WorldFrame } from './world-frame.js';

/** Draped areas float this far over the local ground; lines a little higher, so they win over areas. */
const drapeLift = 0.12;
const lineLift = 0.2;

const _p = new Vector3();
const _c = new Color();

/** Growing vertex buffers for one drawable, with the owning feature of each triangle or segment. */
class Batch {
  positions: number[] = [];
  colours: number[] = [];
  owners: number[] = [];
  push(x: number, y: number, z: number, rgba: readonly number[]): number {
    this.positions.push(x, y, z);
    this.colours.push(rgba[0], rgba[1], rgba[2], rgba[3]);
    return this.positions.length / 3 - 1;
  }
  geometry(): BufferGeometry {
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(this.positions, 3));
    g.setAttribute('color', new Float32BufferAttribute(this.colours, 4));
    return g;
  }
  get empty(): boolean {
    return this.positions.length === 0;
  }
}

function rgba(colour: string | undefined, opacity: number | undefined, fallback: string, fallbackOpacity: number): number[] {
  _c.setStyle(colour ?? fallback);
  return [_c.r, _c.g, _c.b, opacity ?? fallbackOpacity];
}

/**
 * An engine-neutral overlay (OverlayData) as three.js objects: draped areas on the ground under the
 * buildings, semi-transparent extruded volumes, solid and dashed ground lines. One draw call per kind
 * (and per dash pattern), not per feature. Rebuilt when the ground or the world origin changes.
 */
export class OverlayLayer {
  readonly group = new Group();
  private builtFor = '';
  private readonly materials: Material[] = [];

  constructor(
    readonly data: OverlayData,
    private readonly frame: WorldFrame,
    private readonly ground: GroundModel,
  ) {
    this.group.name = `twinby-overlay-${data.id}`;
    this.refresh();
  }

  /** Rebuilds when the origin or the ground moved since the last build; returns true when it did. */
  refresh(): boolean {
    const key = `${this.frame.version}|${this.ground.version}`;
    if (key === this.builtFor) return false;
    this.builtFor = key;
    this.clear();
    this.build();
    return true;
  }

  /** The feature behind a raycast hit on one of this layer's objects. */
  featureOf(hit: Intersection): { id: string; attributes: Record<string, AttributeValue> } | null {
    const owners = hit.object.userData.owners as number[] | undefined;
    if (!owners) return null;
    const index = hit.faceIndex ?? (hit.index !== undefined ? Math.floor(hit.index / 2) : -1);
    const feature = this.data.features[owners[index] ?? -1];
    return feature ? { id: feature.id, attributes: { ...feature.properties } } : null;
  }

  dispose(): void {
    this.clear();
    this.group.removeFromParent();
  }

  private clear(): void {
    for (const child of [...this.group.children]) {
      (child as Mesh).geometry?.dispose();
      this.group.remove(child);
    }
    for (const m of this.materials) m.dispose();
    this.materials.length = 0;
  }

  private build(): void {
    const draped = new Batch();
    const extruded = new Batch();
    const solid = new Batch();
    const dashed = new Map<string, Batch>();
    const drapedFeatures: Array<[DrapedPolygon, number]> = [];
    this.data.features.forEach((f, i) => {
      if (f.kind === 'draped-polygon') drapedFeatures.push([f, i]);
    });
    drapedFeatures.sort(([a], [b]) => (a.zIndex ?? 0) - (b.zIndex ?? 0));
    // later (higher zIndex) areas are lifted a millimetre more per step so they draw on top
    drapedFeatures.forEach(([f, i], order) => this.addDraped(f, i, draped, this.lineBatch(f.style, solid, dashed), order * 0.002));
    this.data.features.forEach((f, i) => {
      if (f.kind === 'extruded-polygon') this.addExtruded(f, i, extruded, this.lineBatch(f.style, solid, dashed));
      if (f.kind === 'ground-line') this.addLine(f.coords, i, this.lineBatch(f.style, solid, dashed), f.style);
    });
    if (!draped.empty) {
      this.addMesh(draped, new MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false, side: DoubleSide }), 1, true);
    }
    if (!extruded.empty) {
      this.addMesh(extruded, new MeshLambertMaterial({ vertexColors: true, transparent: true, depthWrite: false, side: DoubleSide }), 10, true);
    }
    if (!solid.empty) this.addLines(solid, new LineBasicMaterial({ vertexColors: true, transparent: true }));
    for (const [key, batch] of dashed) {
      const [dash, gap] = key.split(',').map(Number);
      this.addLines(batch, new LineDashedMaterial({ vertexColors: true, transparent: true, dashSize: dash, gapSize: gap }), true);
    }
  }

  private lineBatch(style: OverlayStyle, solid: Batch, dashed: Map<string, Batch>): Batch {
    if (!style.dash) return solid;
    const key = `${style.dash[0]},${style.dash[1]}`;
    let b = dashed.get(key);
    if (!b) dashed.set(key, (b = new Batch()));
    return b;
  }

  private addMesh(batch: Batch, material: Material, renderOrder: number, normals: boolean): void {
    const geometry = batch.geometry();
    if (normals) geometry.computeVertexNormals();
    const mesh = new Mesh(geometry, material);
    mesh.userData.owners = batch.owners;
    mesh.renderOrder = renderOrder;
    this.materials.push(material);
    this.group.add(mesh);
  }

  private addLines(batch: Batch, material: Material, dashed = false): void {
    const lines = new LineSegments(batch.geometry(), material);
    if (dashed) lines.computeLineDistances();
    lines.userData.owners = batch.owners;
    lines.renderOrder = 5;
    this.materials.push(material);
    this.group.add(lines);
  }

  /** Ring (lon,lat pairs) → world x,z pairs; drops a closing point that repeats the first. */
  private flatten(ring: Float64Array): number[] {
    const out: number[] = [];
    let n = ring.length / 2;
    if (n > 1 && ring[0] === ring[2 * n - 2] && ring[1] === ring[2 * n - 1]) n--;
    for (let i = 0; i < n; i++) {
      this.frame.toWorld(ring[2 * i], ring[2 * i + 1], 0, _p);
      out.push(_p.x, _p.z);
    }
    return out;
  }

  /** Uses the worker's triangles when they fit the vertices, else triangulates here. */
  private triangulate(rings: Float64Array[], given?: Uint32Array): { xz: number[]; triangles: ArrayLike<number>; starts: number[] } {
    const xz: number[] = [];
    const starts: number[] = [];
    for (const ring of rings) {
      starts.push(xz.length / 2);
      xz.push(...this.flatten(ring));
    }
    const fits = given && given.length % 3 === 0 && given.every((i) => i < xz.length / 2);
    return { xz, triangles: fits ? given : earcut(xz, starts.slice(1), 2), starts };
  }

  private addDraped(f: DrapedPolygon, index: number, batch: Batch, lines: Batch, lift: number): void {
    const colour = rgba(f.style.fill, f.style.fillOpacity, '#999999', 0.5);
    const { xz, triangles, starts } = this.triangulate(f.rings, f.triangles);
    const ys: number[] = [];
    for (let i = 0; i < xz.length / 2; i++) ys.push(this.ground.heightAt(xz[2 * i], xz[2 * i + 1]) + drapeLift + lift);
    // on a terrain, triangles are split to its sample spacing so the area follows hills between its corners
    const step = this.ground.drapeStep();
    const at = (x: number, z: number) => batch.push(x, this.ground.heightAt(x, z) + drapeLift + lift, z, colour);
    for (let t = 0; t < triangles.length; t += 3) {
      const [a, b, c] = [triangles[t], triangles[t + 1], triangles[t + 2]];
      if (Number.isFinite(step)) {
        subdivideTriangle(xz[2 * a], xz[2 * a + 1], xz[2 * b], xz[2 * b + 1], xz[2 * c], xz[2 * c + 1], step, (ax, az, bx, bz, cx, cz) => {
          at(ax, az);
          at(bx, bz);
          at(cx, cz);
          batch.owners.push(index);
        });
        continue;
      }
      for (const v of [a, b, c]) batch.push(xz[2 * v], ys[v], xz[2 * v + 1], colour);
      batch.owners.push(index);
    }
    if (f.style.stroke) {
      const stroke = rgba(f.style.stroke, 1, '#000000', 1);
      this.ringEdges(xz, starts, (i) => ys[i] + 0.02, stroke, index, lines, drapeLift + lift + 0.02);
    }
  }

  private addExtruded(f: ExtrudedPolygon, index: number, batch: Batch, lines: Batch): void {
    const colour = rgba(f.style.fill, f.style.fillOpacity, '#4477aa', 0.35);
    const { xz, triangles, starts } = this.triangulate(f.rings, f.triangles);
    const n = xz.length / 2;
    let base: number;
    let top: number;
    if (f.baseHeight === null) {
      // on the ground: one flat base at the lowest ground under the polygon, top relative to it
      base = Infinity;
      for (let i = 0; i < n; i++) base = Math.min(base, this.ground.heightAt(xz[2 * i], xz[2 * i + 1]));
      top = base + f.topHeight;
    } else {
      const lon = f.rings[0][0];
      const lat = f.rings[0][1];
      base = this.frame.toWorld(lon, lat, f.baseHeight, _p).y;
      top = this.frame.toWorld(lon, lat, f.topHeight, _p).y;
    }
    // top cap
    for (let t = 0; t < triangles.length; t += 3) {
      for (let k = 0; k < 3; k++) batch.push(xz[2 * triangles[t + k]], top, xz[2 * triangles[t + k] + 1], colour);
      batch.owners.push(index);
    }
    // walls
    starts.forEach((start, r) => {
      const end = r + 1 < starts.length ? starts[r + 1] : n;
      for (let i = start; i < end; i++) {
        const j = i + 1 < end ? i + 1 : start;
        const [ax, az, bx, bz] = [xz[2 * i], xz[2 * i + 1], xz[2 * j], xz[2 * j + 1]];
        batch.push(ax, base, az, colour);
        batch.push(bx, base, bz, colour);
        batch.push(bx, top, bz, colour);
        batch.push(ax, base, az, colour);
        batch.push(bx, top, bz, colour);
        batch.push(ax, top, az, colour);
        batch.owners.push(index, index);
      }
    });
    const stroke = rgba(f.style.stroke, 1, f.style.fill ?? '#4477aa', 1);
    this.ringEdges(xz, starts, () => top, stroke, index, lines);
    for (let i = 0; i < n; i++) {
      lines.push(xz[2 * i], base, xz[2 * i + 1], stroke);
      lines.push(xz[2 * i], top, xz[2 * i + 1], stroke);
      lines.owners.push(index);
    }
  }

  /** Ring outlines; with `drape` (a lift) they follow the ground between corners, split to the terrain's spacing. */
  private ringEdges(xz: number[], starts: number[], y: (i: number) => number, colour: number[], index: number, lines: Batch, drape?: number): void {
    const n = xz.length / 2;
    starts.forEach((start, r) => {
      const end = r + 1 < starts.length ? starts[r + 1] : n;
      for (let i = start; i < end; i++) {
        const j = i + 1 < end ? i + 1 : start;
        if (drape !== undefined) {
          this.drapedSegment(xz[2 * i], xz[2 * i + 1], xz[2 * j], xz[2 * j + 1], drape, colour, index, lines);
          continue;
        }
        lines.push(xz[2 * i], y(i), xz[2 * i + 1], colour);
        lines.push(xz[2 * j], y(j), xz[2 * j + 1], colour);
        lines.owners.push(index);
      }
    });
  }

  /** A line on the ground from a to b, in pieces no longer than the terrain's spacing (one piece without terrain). */
  private drapedSegment(ax: number, az: number, bx: number, bz: number, lift: number, colour: number[], index: number, lines: Batch): void {
    const pieces = segmentPieces(ax, az, bx, bz, this.ground.drapeStep());
    for (let k = 0; k < pieces; k++) {
      const [x0, z0] = [ax + ((bx - ax) * k) / pieces, az + ((bz - az) * k) / pieces];
      const [x1, z1] = [ax + ((bx - ax) * (k + 1)) / pieces, az + ((bz - az) * (k + 1)) / pieces];
      lines.push(x0, this.ground.heightAt(x0, z0) + lift, z0, colour);
      lines.push(x1, this.ground.heightAt(x1, z1) + lift, z1, colour);
      lines.owners.push(index);
    }
  }

  private addLine(coords: Float64Array, index: number, batch: Batch, style: OverlayStyle): void {
    const colour = rgba(style.stroke, 1, '#222222', 1);
    // every point counts here: a line that ends where it started keeps its closing segment
    const xz: number[] = [];
    for (let i = 0; i + 1 < coords.length; i += 2) {
      this.frame.toWorld(coords[i], coords[i + 1], 0, _p);
      xz.push(_p.x, _p.z);
    }
    for (let i = 0; i + 1 < xz.length / 2; i++) this.drapedSegment(xz[2 * i], xz[2 * i + 1], xz[2 * i + 2], xz[2 * i + 3], lineLift, colour, index, batch);
  }
}
