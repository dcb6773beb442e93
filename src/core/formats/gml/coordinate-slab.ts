/**
 * Ring coordinates as views into shared 64 KB slabs instead of a Float64Array each. A typed array over 64 bytes gets a
 * backing store of its own outside the JS heap (allocated, tracked and freed by the garbage collector one by one), and a
 * CityGML building brings ~20 rings. A slab is freed once no ring in it is referenced. The views share a buffer, so a
 * reader whose rings cross a worker boundary by transfer must not use one.
 */
const SLAB_LENGTH = 8192;
/** Rings longer than this get an array of their own, so a slab is never mostly one ring. */
const OWN_FROM = SLAB_LENGTH / 8;

export class CoordinateSlab {
  private slab = new Float64Array(0);
  private used = 0;

  /** A zeroed array of `length` numbers. */
  take(length: number): Float64Array {
    if (length > OWN_FROM) return new Float64Array(length);
    if (this.used + length > this.slab.length) {
      this.slab = new Float64Array(SLAB_LENGTH);
      this.used = 0;
    }
    const view = this.slab.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }
}
