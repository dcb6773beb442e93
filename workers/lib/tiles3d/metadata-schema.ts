/**
 * The EXT_structural_metadata schema of a tileset: one class `building`, the same in
 * tileset.json and in every GLB. Generic attributes become typed properties of their
 * own (`gen_<name>`), which the viewer can style and filter by; this stays consistent
 * across the tileset because the converter has seen every building before it writes
 * the first tile. Past MAX_TYPED_GENERIC names, the rest go into one JSON string.
 */
import type { BuildingAttributes } from '../citygml/building';

export const BUILDING_CLASS = 'building';
export const MAX_TYPED_GENERIC = 64;

/** What a property table column needs from a building. */
export interface FeatureRecord {
  id: string;
  lod: number;
  attributes: BuildingAttributes;
}

export interface PropertySpec {
  id: string;
  type: 'STRING' | 'SCALAR';
  componentType?: 'FLOAT64' | 'INT16' | 'UINT8';
  /** Written where a building has no value; declared in the schema. Absent = required. */
  noData?: string | number;
  value(f: FeatureRecord): string | number | undefined;
}

export interface MetadataSchema {
  /** The schema object for tileset.json `schema` and the GLBs' EXT_structural_metadata. */
  json: Record<string, unknown>;
  properties: PropertySpec[];
}

/**
 * NUL marks a missing string: XML cannot contain it, so it never collides with data, and a
 * column of missing values still has bytes (glTF forbids empty buffer views, and Cesium's
 * validator wants the view exactly as long as its strings).
 */
export const NO_STRING = '\u0000';
const NO_NUMBER = -9999;
const NO_SMALL_INT = -1;
/** Lowest float64: generic numbers may be anything, so their sentinel is a value no one writes. */
const NO_GENERIC_NUMBER = -Number.MAX_VALUE;

const FIXED: (PropertySpec & { description: string })[] = [
  { id: 'id', type: 'STRING', value: (f) => f.id, description: 'gml:id, the stable feature id' },
  { id: 'name', type: 'STRING', noData: NO_STRING, value: (f) => f.attributes.name, description: 'gml:name' },
  { id: 'function', type: 'STRING', noData: NO_STRING, value: (f) => f.attributes.function, description: 'Building function code as written (AdV code list)' },
  { id: 'usage', type: 'STRING', noData: NO_STRING, value: (f) => f.attributes.usage, description: 'Building usage code as written' },
  { id: 'roofType', type: 'STRING', noData: NO_STRING, value: (f) => f.attributes.roofType, description: 'Roof type code as written (AdV code list)' },
  { id: 'measuredHeight', type: 'SCALAR', componentType: 'FLOAT64', noData: NO_NUMBER, value: (f) => f.attributes.measuredHeight, description: 'Measured height in the unit of measuredHeightUnit' },
  { id: 'measuredHeightUnit', type: 'STRING', noData: NO_STRING, value: (f) => f.attributes.measuredHeightUnit, description: 'uom of measuredHeight as written' },
  { id: 'storeysAboveGround', type: 'SCALAR', componentType: 'INT16', noData: NO_SMALL_INT, value: (f) => f.attributes.storeysAboveGround, description: 'Number of storeys above ground' },
  { id: 'yearOfConstruction', type: 'SCALAR', componentType: 'INT16', noData: NO_SMALL_INT, value: (f) => f.attributes.yearOfConstruction, description: 'Year of construction' },
  { id: 'address', type: 'STRING', noData: NO_STRING, value: (f) => f.attributes.address, description: 'Address on one line' },
  { id: 'lod', type: 'SCALAR', componentType: 'UINT8', value: (f) => f.lod, description: 'Level of detail of the geometry' },
  {
    id: 'parts',
    type: 'STRING',
    noData: NO_STRING,
    value: (f) => (f.attributes.parts?.length ? JSON.stringify(f.attributes.parts) : undefined),
    description: 'The BuildingParts with their own id, function, roofType, measuredHeight and storeysAboveGround, as a JSON array',
  },
];

/** Collects generic attribute names and kinds while buildings stream by. */
export class SchemaCollector {
  private kinds = new Map<string, 'number' | 'string'>();

  add(attributes: BuildingAttributes): void {
    for (const [name, value] of Object.entries(attributes.generic)) {
      const kind = typeof value === 'number' ? 'number' : 'string';
      const seen = this.kinds.get(name);
      if (seen === undefined) this.kinds.set(name, kind);
      else if (seen !== kind) this.kinds.set(name, 'string'); // mixed → text
    }
  }

  build(): MetadataSchema {
    const properties: PropertySpec[] = FIXED.map(({ description: _d, ...spec }) => spec);
    const jsonProps: Record<string, Record<string, unknown>> = {};
    for (const p of FIXED) jsonProps[p.id] = classProperty(p, { description: p.description });

    const names = [...this.kinds.keys()].sort();
    const typed = names.slice(0, MAX_TYPED_GENERIC);
    const overflow = names.slice(MAX_TYPED_GENERIC);
    const used = new Set(Object.keys(jsonProps));
    for (const name of typed) {
      const id = uniqueId(`gen_${name.replace(/[^A-Za-z0-9_]/g, '_')}`, used);
      const spec: PropertySpec =
        this.kinds.get(name) === 'number'
          ? { id, type: 'SCALAR', componentType: 'FLOAT64', noData: NO_GENERIC_NUMBER, value: (f) => numeric(f.attributes.generic[name]) }
          : { id, type: 'STRING', noData: NO_STRING, value: (f) => text(f.attributes.generic[name]) };
      properties.push(spec);
      jsonProps[id] = classProperty(spec, { name, description: `Generic attribute "${name}"` });
    }
    if (overflow.length) {
      const spec: PropertySpec = {
        id: uniqueId('genericAttributes', used),
        type: 'STRING',
        noData: NO_STRING,
        value: (f) => {
          const rest: Record<string, string | number> = {};
          for (const name of overflow) if (f.attributes.generic[name] !== undefined) rest[name] = f.attributes.generic[name];
          return Object.keys(rest).length ? JSON.stringify(rest) : undefined;
        },
      };
      properties.push(spec);
      jsonProps[spec.id] = classProperty(spec, { description: `Generic attributes beyond the first ${MAX_TYPED_GENERIC} names, as a JSON object` });
    }
    return {
      properties,
      json: { id: 'twinby_citygml', classes: { [BUILDING_CLASS]: { name: 'Building', properties: jsonProps } } },
    };
  }
}

/** A column of a property table: the value per feature, noData where it has none. */
export function column(spec: PropertySpec, features: readonly FeatureRecord[]): string[] | number[] {
  if (spec.type === 'STRING') {
    const values: string[] = features.map((f) => text(spec.value(f)) ?? (spec.noData as string) ?? '');
    // Only empty strings (no bytes at all): they carry no more than "missing" does.
    if (spec.noData !== undefined && !values.some((v) => v !== '')) values.fill(spec.noData as string);
    return values;
  }
  const range = spec.componentType ? INTEGER_RANGE[spec.componentType] : undefined;
  return features.map((f) => {
    const v = spec.value(f);
    if (typeof v !== 'number' || !Number.isFinite(v)) return spec.noData as number;
    // An integer column holds integers in range; anything else would wrap around silently.
    if (range && (!Number.isInteger(v) || v < range[0] || v > range[1])) return spec.noData as number;
    return v;
  });
}

const INTEGER_RANGE: Partial<Record<string, [number, number]>> = { INT16: [-32768, 32767], UINT8: [0, 255] };

function classProperty(spec: PropertySpec, extra: Record<string, unknown>): Record<string, unknown> {
  const p: Record<string, unknown> = { ...extra, type: spec.type };
  if (spec.componentType) p.componentType = spec.componentType;
  if (spec.noData === undefined) p.required = true;
  else p.noData = spec.noData;
  return p;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = /^[A-Za-z_]/.test(base) ? base : `_${base}`;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  used.add(id);
  return id;
}

function numeric(v: string | number | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function text(v: string | number | undefined): string | undefined {
  return v === undefined ? undefined : String(v);
}
