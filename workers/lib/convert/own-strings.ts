/**
 * Copies of strings that hold none of the text they were cut from. V8 makes a substring
 * of 13+ characters a "sliced string" that points into its parent, and the reader's
 * parents are whole decoded input chunks (about 1 MB each). Kept until the writing phase,
 * a building's id or attribute value would keep its chunk alive, so the converter held
 * roughly the whole input as text (350 MB of it for a 156 MB file). A JSON round trip is
 * a portable way to get a fresh sequential string in any engine.
 */
import type { BuildingAttributes, ConvertWarning } from '../citygml/building';

/** Shorter substrings are copied by V8 anyway (SlicedString::kMinLength). */
const SLICE_MIN_LENGTH = 13;

export function ownString(s: string): string {
  return s.length < SLICE_MIN_LENGTH ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * The attributes with every string (generic names included) replaced by `own(string)`
 * (default ownString; a StringPool's intern shares repeated values); other values as they are.
 */
export function ownAttributes(a: BuildingAttributes, own: (s: string) => string = ownString): BuildingAttributes {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(a)) {
    // parts: small objects whose strings are input slices too; a JSON round trip owns them all
    out[key] = key === 'generic' ? ownRecord(value as BuildingAttributes['generic'], own) : key === 'parts' ? JSON.parse(JSON.stringify(value)) : ownValue(value, own);
  }
  return out as unknown as BuildingAttributes;
}

function ownRecord(record: Record<string, string | number>, own: (s: string) => string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(record)) out[own(name)] = ownValue(value, own) as string | number;
  return out;
}

function ownValue(value: unknown, own: (s: string) => string = ownString): unknown {
  return typeof value === 'string' ? own(value) : value;
}

/** A warning whose strings (message, id, file) are owned. */
export function ownWarning(w: ConvertWarning): ConvertWarning {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(w)) out[key] = ownValue(value);
  return out as unknown as ConvertWarning;
}
