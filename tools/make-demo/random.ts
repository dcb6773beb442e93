/**
 * Seeded randomness for the demo town: a small fast PRNG (sfc32) and a hash
 * that derives an independent stream per town block, so any block can be
 * generated on its own and the same seed always gives the same town.
 */

export type Random = () => number;

/** A 32-bit integer hash of the arguments (splitmix-style mixing). */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h = Math.imul(h ^ (v | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** sfc32: uniform numbers in [0, 1). */
export function createRandom(...seed: number[]): Random {
  let a = hash32(1, ...seed);
  let b = hash32(2, ...seed);
  let c = hash32(3, ...seed);
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

export function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

export function integer(random: Random, min: number, max: number): number {
  return Math.floor(between(random, min, max + 1));
}

/** Picks from [value, weight] pairs. */
export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of choices) total += w;
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return choices[choices.length - 1][0];
}

/** A deterministic UUID-shaped id (for gml:ids in the LDBV style). */
export function uuid(random: Random): string {
  const hex = (n: number) => Math.floor(random() * 16 ** n).toString(16).padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
}
