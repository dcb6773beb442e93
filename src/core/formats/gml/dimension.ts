/**
 * The dimension of a gml:posList that states none. The CRS decides when the numbers agree with it; when
 * it says nothing, or the numbers do not fit it, they are read as the dimension whose columns vary least
 * (3D data read as pairs mixes eastings, northings and heights in every column), with a reason to warn.
 */
export interface InferredDimension {
  dim: 2 | 3;
  /** Why the dimension is a guess: set when the caller should warn. */
  reason?: string;
  /** True when the numbers look like 4D (x y z m), which is not read. */
  unsupported?: boolean;
}

/** Sum over columns of each column's range, when read with `d` values per position. */
function spread(coords: ArrayLike<number>, d: number): number {
  let total = 0;
  for (let k = 0; k < d; k++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = k; i < coords.length; i += d) {
      const v = coords[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    total += max - min;
  }
  return total;
}

/** How much smaller a dimension's spread must be to overrule the CRS (or the default of 2). */
const CLEAR = 0.01;

function fits(n: number, d: number): boolean {
  return n % d === 0 && n / d >= 3;
}

export function inferDimension(coords: ArrayLike<number>, crsDim: 2 | 3 | undefined): InferredDimension {
  const n = coords.length;
  const base = crsDim ?? 2;
  const other = base === 2 ? 3 : 2;
  const why = crsDim === undefined ? 'the CRS does not say' : `the CRS suggests ${crsDim}D but the numbers do not fit`;
  if (n % base !== 0) return n % other === 0 ? { dim: other, reason: `read as ${other}D (${why})` } : { dim: base };
  if (n / base < 2) return { dim: base };
  const baseSpread = spread(coords, base);
  if (fits(n, 4) && spread(coords, 4) < CLEAR * baseSpread && !(fits(n, other) && spread(coords, other) <= spread(coords, 4))) {
    return { dim: 3, unsupported: true, reason: `the ${n} numbers look like 4D positions (x y z m), which are not read` };
  }
  if (fits(n, other) && spread(coords, other) < CLEAR * baseSpread) return { dim: other, reason: `read as ${other}D (${why})` };
  return { dim: base };
}
