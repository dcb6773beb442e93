/**
 * JSON.stringify for tileset files that refuses NaN and ±Infinity: JSON would write them as null,
 * and a tileset.json with null in a bounding volume or transform breaks every viewer silently.
 */
export class NonFiniteError extends Error {
  constructor(what: string, path: string) {
    super(`${what}: a non-finite number at ${path || '(root)'}; nothing is written`);
    this.name = 'NonFiniteError';
  }
}

export function stringifyFinite(value: unknown, what: string, space?: number): string {
  assertFinite(value, what, '');
  return JSON.stringify(value, null, space);
}

function assertFinite(value: unknown, what: string, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NonFiniteError(what, path);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) assertFinite(value[i], what, `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [k, v] of Object.entries(value)) assertFinite(v, what, path ? `${path}.${k}` : k);
  }
}

/** Throws unless every value of a vertex attribute is finite. */
export function assertFiniteArray(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new NonFiniteError(what, `[${i}]`);
  }
}
