import type { AttributeValue } from './feature-attributes.js';

/** Where a piece of 3D Tiles 1.1 metadata sits, outermost first. */
export type MetadataLevel = 'tileset' | 'group' | 'tile' | 'content';

/** One metadata entity (a tileset's, group's, tile's or content's) ready for the info panel: plain values only. */
export interface MetadataSection {
  level: MetadataLevel;
  /** The class's `name` from the schema, else its id. */
  className: string;
  rows: Array<{ key: string; label: string; value: AttributeValue }>;
}

/** The JSON parts that carry metadata (3D Tiles 1.1 `schema`, `metadata`, `groups`, tile and content `metadata`). */
interface EntityJson {
  class?: unknown;
  properties?: unknown;
}
interface ClassJson {
  name?: unknown;
  properties?: Record<string, { name?: unknown; type?: unknown; enumType?: unknown } | undefined>;
}
interface SchemaJson {
  classes?: Record<string, ClassJson | undefined>;
  enums?: Record<string, { values?: Array<{ name?: unknown; value?: unknown }> } | undefined>;
}
export interface TilesetMetadataJson {
  schema?: SchemaJson;
  metadata?: EntityJson;
  groups?: EntityJson[];
}

/** Rows kept per entity and characters per value: a tileset cannot flood the panel. */
const MAX_ROWS = 64;
const MAX_CHARS = 500;

/**
 * The info-panel sections for a feature's tile: the tileset's metadata, its content's group, the tile's
 * and the content's own, each labelled from the schema (property `name`s, enum value names).
 * Anything malformed is skipped, not thrown: metadata never stops a pick.
 */
export function metadataSections(tileset: TilesetMetadataJson | null | undefined, tile: { metadata?: EntityJson } | null | undefined, content: { metadata?: EntityJson; group?: unknown } | null | undefined): MetadataSection[] {
  const schema = isObject(tileset?.schema) ? tileset!.schema : undefined;
  const out: MetadataSection[] = [];
  const add = (level: MetadataLevel, entity: EntityJson | undefined) => {
    const section = sectionOf(level, entity, schema);
    if (section) out.push(section);
  };
  add('tileset', tileset?.metadata);
  const group = content?.group;
  if (typeof group === 'number' && Array.isArray(tileset?.groups)) add('group', tileset!.groups[group]);
  add('tile', tile?.metadata);
  add('content', content?.metadata);
  return out;
}

function sectionOf(level: MetadataLevel, entity: EntityJson | undefined, schema: SchemaJson | undefined): MetadataSection | null {
  if (!isObject(entity) || typeof entity.class !== 'string' || !isObject(entity.properties)) return null;
  const cls = isObject(schema?.classes) ? schema!.classes![entity.class] : undefined;
  const className = typeof cls?.name === 'string' && cls.name ? cls.name : entity.class;
  const rows: MetadataSection['rows'] = [];
  for (const [key, raw] of Object.entries(entity.properties as Record<string, unknown>)) {
    if (rows.length >= MAX_ROWS) break;
    const spec = isObject(cls?.properties) ? cls!.properties![key] : undefined;
    const label = typeof spec?.name === 'string' && spec.name ? spec.name : key;
    rows.push({ key, label, value: plain(raw, spec?.type === 'ENUM' ? enumNames(schema, spec.enumType) : null) });
  }
  return rows.length ? { level, className, rows } : null;
}

function enumNames(schema: SchemaJson | undefined, enumType: unknown): Map<unknown, string> | null {
  const values = typeof enumType === 'string' && isObject(schema?.enums) ? schema!.enums![enumType]?.values : undefined;
  if (!Array.isArray(values)) return null;
  return new Map(values.filter((v) => typeof v?.name === 'string').map((v) => [v.value, v.name as string]));
}

/** A JSON value as one panel value: arrays joined, objects as JSON text, long text cut. */
function plain(value: unknown, names: Map<unknown, string> | null): AttributeValue {
  if (value === null || value === undefined) return null;
  if (names && !Array.isArray(value)) return names.get(value) ?? (typeof value === 'string' ? value : String(value));
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.map((v) => (names?.get(v) ?? (typeof v === 'string' ? v : JSON.stringify(v)))).join(', ') : JSON.stringify(value);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
