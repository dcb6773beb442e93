/**
 * Hostile-input cases for the GML/XPlanung/GeoJSON reader, shared by the in-suite property tests
 * (tests/unit/core/formats/hostile/gml-mutations.property.test.ts) and the nightly-size `npm run fuzz`.
 * An outcome is clean when the reader returns features whose coordinates are all finite, or throws one of
 * the readers' own located errors. Anything else (TypeError, RangeError, NaN in a geometry) is a finding.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import type { Geometry } from '../../src/core/formats/geometry';
import { readFeatureResponse } from '../../src/core/formats/wfs/feature-response';

const fixtures = resolve(import.meta.dirname, '../fixtures/wfs');
export const SOURCE = 'fuzz-input';

/** The documents mutated: an XPlanung plan, a GML 3.1.1 GetFeature answer, a GeoJSON collection. */
export const BASES: Record<string, string> = {
  xplan: readFileSync(resolve(fixtures, 'xplan-nested-5.4.gml'), 'utf8'),
  gml: readFileSync(resolve(fixtures, 'getfeature-3.1.1-latlon.xml'), 'latin1'),
  geojson: JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 'a.1', properties: { name: 'Baufeld', h: 12 }, geometry: { type: 'Polygon', coordinates: [[[11, 48], [11.001, 48], [11.001, 48.001], [11, 48]]] } },
      { type: 'Feature', id: 'a.2', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[11, 48, 500], [11.1, 48.1, 510]]] } },
      { type: 'Feature', id: 'a.3', properties: null, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [11, 48] }] } },
    ],
  }),
};

/** The readers' own errors, which name the input (and a place where there is one). */
const CLEAN_ERRORS = new Set(['XmlReadError', 'OwsExceptionError', 'GeoJsonError', 'CrsError']);

export type Outcome = 'features' | 'empty' | 'located-error' | 'finding';

function finiteGeometry(g: Geometry | null): boolean {
  if (!g) return true;
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
    case 'LineString':
      return g.coords.every(Number.isFinite);
    case 'MultiLineString':
      return g.lines.every((l) => l.every(Number.isFinite));
    case 'Polygon':
      return g.rings.every((r) => r.every(Number.isFinite));
    case 'MultiPolygon':
      return g.polygons.every((p) => p.every((r) => r.every(Number.isFinite)));
    case 'GeometryCollection':
      return g.geometries.every(finiteGeometry);
  }
}

/** Reads one input and classifies what happened; `detail` says why for a finding. */
export function classify(input: string | Uint8Array): { outcome: Outcome; detail?: string } {
  try {
    const fcol = readFeatureResponse(input, { source: SOURCE, srsName: 'EPSG:25832' });
    if (!Array.isArray(fcol.features)) return { outcome: 'finding', detail: 'features is not an array' };
    for (const f of fcol.features) if (!finiteGeometry(f.geometry)) return { outcome: 'finding', detail: `non-finite coordinate in ${f.id}` };
    if (fcol.warnings.some((w) => /\/etc\/passwd|root:x:/.test(w))) return { outcome: 'finding', detail: 'external entity content' };
    return { outcome: fcol.features.length ? 'features' : 'empty' };
  } catch (err) {
    const e = err as Error;
    if (e && CLEAN_ERRORS.has(e.name) && (e.name === 'OwsExceptionError' || e.message.includes(SOURCE))) return { outcome: 'located-error' };
    return { outcome: 'finding', detail: `${e?.name}: ${e?.message?.slice(0, 200)}` };
  }
}

/** Junk inserted into a document: markup pieces, DOCTYPE/XXE, deep nesting, huge and odd numbers. */
export const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '/', '"', "'", '=', ';', ']', '!', '?', '{', '}', '[', ',', ':', 'a', ' ', '\u0000', '\ud800'), maxLength: 12 }),
  fc.constantFrom(
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '&xxe;',
    '<![CDATA[',
    ']]>',
    '1e999',
    '-1e308',
    'Infinity',
    'NaN',
    '9'.repeat(400),
    '<gml:posList>1e999 1e999 1 1 2 2 1e999 1e999</gml:posList>',
    '<gml:radius>1e300</gml:radius>',
    '"coordinates":[1e999,48]',
    '"features":{}',
  ),
  fc.integer({ min: 300, max: 20_000 }).map((n) => '<x>'.repeat(n)),
  fc.integer({ min: 300, max: 20_000 }).map((n) => '['.repeat(n)),
);

/** Arbitrary mutated inputs of one base document: truncation, insertion and byte flips. */
export function mutations(base: string): fc.Arbitrary<string | Uint8Array> {
  const bytes = new TextEncoder().encode(base);
  return fc.oneof(
    fc.integer({ min: 0, max: base.length }).map((cut) => base.slice(0, cut)),
    fc.tuple(fc.integer({ min: 0, max: base.length }), junk).map(([at, j]) => base.slice(0, at) + j + base.slice(at)),
    fc.array(fc.tuple(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const copy = bytes.slice();
      for (const [at, value] of flips) copy[at] = value;
      return copy;
    }),
  );
}
