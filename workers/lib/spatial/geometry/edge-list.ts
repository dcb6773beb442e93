/** A growable list of segments (x1, y1, x2, y2 per edge) reused across calls to avoid garbage. */
import type { Shape } from './shape';

export class EdgeList {
  data = new Float64Array(64);
  count = 0;

  clear(): this {
    this.count = 0;
    return this;
  }

  push(x1: number, y1: number, x2: number, y2: number): void {
    if ((this.count + 1) * 4 > this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const at = this.count * 4;
    this.data[at] = x1;
    this.data[at + 1] = y1;
    this.data[at + 2] = x2;
    this.data[at + 3] = y2;
    this.count++;
  }

  /**
   * Appends the shape's edges that reach into the band minY < y < maxY and start left of maxX
   * (edges wholly right of maxX cannot change even-odd parity left of it). Horizontal edges are skipped:
   * they never cross a scan line.
   */
  addShapeEdges(shape: Shape, minY: number, maxY: number, maxX = Infinity): this {
    const { coords, vertexOffsets: vo, ringOffsets: ro } = shape;
    for (let p = shape.polygonStart; p < shape.polygonEnd; p++) {
      for (let r = ro[p]; r < ro[p + 1]; r++) {
        const v0 = vo[r];
        const v1 = vo[r + 1];
        for (let i = v0, j = v1 - 1; i < v1; j = i++) {
          const x1 = coords[j * 2];
          const y1 = coords[j * 2 + 1];
          const x2 = coords[i * 2];
          const y2 = coords[i * 2 + 1];
          if (y1 === y2) continue;
          if ((y1 <= minY && y2 <= minY) || (y1 >= maxY && y2 >= maxY)) continue;
          if (x1 > maxX && x2 > maxX) continue;
          this.push(x1, y1, x2, y2);
        }
      }
    }
    return this;
  }
}
