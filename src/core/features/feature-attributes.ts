import { describeCode } from '../codes/code-lists.js';
import { formatValue } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { attributeLabel, t } from '../i18n/strings.js';

export type AttributeValue = string | number | boolean | null;

/** One building's attributes as read from its tile's property table, missing values as null. */
export interface FeatureAttributes {
  /** gml:id. */
  id: string;
  [property: string]: AttributeValue | Record<string, AttributeValue>;
}

/** One line of the info panel: everything is plain text. */
export interface InfoRow {
  key: string;
  label: string;
  value: string;
  /** True for generic attributes (shown in their own group). */
  generic?: boolean;
}

/** Property-table columns holding one CityGML generic attribute each. */
export const genericPrefix = 'gen_';

/** Units written for measuredHeight that mean metres. */
const metreUnits = new Set(['m', 'urn:adv:uom:m', '#m', 'metre', 'meter', 'urn:ogc:def:uom:EPSG::9001']);

/** The order of the well-known attributes in the panel; others follow alphabetically. */
export const attributeOrder = [
  'id',
  'name',
  'function',
  'usage',
  'roofType',
  'measuredHeight',
  'storeysAboveGround',
  'storeysBelowGround',
  'yearOfConstruction',
  'address',
];

/**
 * Cleans a raw property-table row: NaN (our noData marker) and empty strings become null,
 * typed arrays become plain arrays' first value, and a `genericAttributes` JSON string becomes an object.
 */
export function normaliseAttributes(raw: Record<string, unknown>, fallbackId = ''): FeatureAttributes {
  const out: Record<string, AttributeValue | Record<string, AttributeValue>> = {};
  let prefixed: Record<string, AttributeValue> | null = null;
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'genericAttributes') {
      out[key] = parseGeneric(value);
    } else if (key.startsWith(genericPrefix)) {
      // the converter writes each generic attribute as its own column "gen_<name>"
      prefixed ??= {};
      prefixed[key.slice(genericPrefix.length)] = cleanValue(value);
    } else {
      out[key] = cleanValue(value);
    }
  }
  if (prefixed) {
    const existing = out.genericAttributes;
    out.genericAttributes = { ...(existing && typeof existing === 'object' ? existing : {}), ...prefixed };
  }
  const id = typeof out.id === 'string' && out.id !== '' ? out.id : fallbackId;
  return { ...out, id } as FeatureAttributes;
}

function cleanValue(value: unknown): AttributeValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'boolean') return value;
  return null;
}

function parseGeneric(value: unknown): Record<string, AttributeValue> | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanValue(v)]));
  }
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parseGeneric(parsed);
  } catch {
    // not JSON: keep it as one text value below
  }
  return { genericAttributes: value };
}

/** The panel rows for a building: known attributes in order with code-list words and units, then the rest. */
export function describeFeature(attributes: FeatureAttributes, lang: Lang): InfoRow[] {
  const rows: InfoRow[] = [];
  const seen = new Set<string>();
  const push = (key: string, value: unknown) => {
    seen.add(key);
    if (value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value))) return;
    const text = typeof value === 'string' || typeof value === 'number' ? describeOrFormat(key, value, lang) : formatValue(key, value, lang);
    rows.push({ key, label: attributeLabel(lang, key), value: text });
  };
  for (const key of attributeOrder) if (key in attributes) push(key, attributes[key]);
  seen.add('parts');
  rows.push(...partRows(attributes.parts, lang));
  // a height in another unit than metres is printed with the unit as written
  const unit = attributes.measuredHeightUnit;
  seen.add('measuredHeightUnit');
  if (typeof unit === 'string' && !metreUnits.has(unit) && typeof attributes.measuredHeight === 'number') {
    const row = rows.find((r) => r.key === 'measuredHeight');
    if (row) row.value = `${formatValue('', attributes.measuredHeight, lang)} ${unit}`;
  }
  const rest = Object.keys(attributes)
    .filter((k) => !seen.has(k) && k !== 'genericAttributes')
    .sort((a, b) => a.localeCompare(b));
  for (const key of rest) push(key, attributes[key]);
  const generic = attributes.genericAttributes;
  if (generic && typeof generic === 'object') {
    for (const key of Object.keys(generic).sort((a, b) => a.localeCompare(b))) {
      const value = generic[key];
      if (value === null) continue;
      rows.push({ key: `generic:${key}`, label: key, value: formatValue(key, value, lang), generic: true });
    }
  }
  return rows;
}

/** One row per BuildingPart: its id, then function, roof type, height and storeys as the panel shows them. */
function partRows(parts: unknown, lang: Lang): InfoRow[] {
  if (typeof parts !== 'string' || parts === '') return [];
  let list: unknown;
  try {
    list = JSON.parse(parts);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((part, i): InfoRow[] => {
    if (part === null || typeof part !== 'object') return [];
    const p = part as Record<string, unknown>;
    const values = ['function', 'roofType', 'measuredHeight', 'storeysAboveGround']
      .filter((k) => typeof p[k] === 'string' || typeof p[k] === 'number')
      .map((k) => (k === 'storeysAboveGround' ? `${attributeLabel(lang, k)}: ` : '') + describeOrFormat(k, p[k] as string | number, lang));
    const id = typeof p.id === 'string' ? p.id : '';
    return [{ key: `part:${i}`, label: `${attributeLabel(lang, 'part')} ${i + 1}`, value: [id, ...values].filter(Boolean).join(' · ') }];
  });
}

function describeOrFormat(key: string, value: string | number, lang: Lang): string {
  const coded = describeCode(key, value, lang);
  return coded !== String(value) ? coded : formatValue(key, value, lang);
}

/** A short name for announcements: the name, else the address, else the id. */
export function featureTitle(attributes: FeatureAttributes, lang: Lang): string {
  const name = attributes.name;
  if (typeof name === 'string' && name) return name;
  const address = attributes.address;
  if (typeof address === 'string' && address) return address;
  return attributes.id || t(lang, 'info.title');
}
