/**
 * Prefix-agnostic names. The reader matches elements by local name (CityGML
 * files bind gml:, bldg:, core: … to whatever prefixes they like, or use a
 * default namespace), which also spares namespace bookkeeping.
 */

export type Attributes = Record<string, string>;

/** "gml:Polygon" → "Polygon". (A slice is cheaper than a cache lookup: the tokenizer hands over fresh strings.) */
export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/**
 * An attribute by its usual qualified name (fast path), else by local name
 * under any prefix. `local` is e.g. "id" for gml:id, "href" for xlink:href.
 */
export function attribute(attrs: Attributes, usual: string, local: string): string | undefined {
  const direct = attrs[usual];
  if (direct !== undefined) return direct;
  for (const key in attrs) {
    if (key === local || (key.endsWith(local) && key.charCodeAt(key.length - local.length - 1) === 58 /* : */)) {
      if (key.startsWith('xmlns')) continue;
      return attrs[key];
    }
  }
  return undefined;
}

export const gmlId = (attrs: Attributes): string | undefined => attribute(attrs, 'gml:id', 'id');
