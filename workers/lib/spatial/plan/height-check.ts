/**
 * A building's height against one Höhenangabe, with the bezugspunkt semantics:
 * - FH, OK, HBA, GBH (and no bezugspunkt) bound the whole building: compared with its top.
 * - TH and WH (eaves, wall) are below the top: a top at or under the limit proves compliance;
 *   a higher top cannot be judged from footprints and heights alone ('unknown').
 * - Other points (EFH, SH, LH, UK, GOK) are not upper bounds of the building and are skipped.
 * The top is height above ground; for absolute hoehenbezug (NHN/NN/DHHN) ground + height; for
 * relativBezugshoehe top − bezugshoehe; Gehweg/Straße references are approximated by the ground.
 */
import { compare, BEZUGSPUNKT_NAMES, HOEHENBEZUG_NAMES, metres } from './compliance-text';
import type { HeightLimit } from './plan-types';

const WHOLE_BUILDING = new Set([2000, 3000, 5000, 6000]);
const EAVES = new Set([1000, 6500]);
const ABSOLUTE = new Set([1000, 1100, 1200]);
const APPROXIMATED = new Set([2500, 3500]);

export interface HeightVerdict {
  status: 'ok' | 'violation' | 'unknown';
  actual: number | null;
  permitted: number | null;
  margin: number | null;
  text: string;
}

/** null when the Höhenangabe does not bound the building top. */
export function checkHeight(limit: HeightLimit, height: number, ground: number): HeightVerdict[] | null {
  const point = limit.bezugspunkt ?? null;
  if (point !== null && !WHOLE_BUILDING.has(point) && !EAVES.has(point)) return null;
  const name = point !== null ? BEZUGSPUNKT_NAMES[point] : 'Höhe';
  const ref = limit.hoehenbezug ?? 2000;
  const refText = HOEHENBEZUG_NAMES[ref] ?? 'über Gelände';
  const note = APPROXIMATED.has(ref) ? ' (Bezug angenähert durch Geländehöhe)' : '';
  if (!(height > 0)) return [unknown(`${name}: Gebäudehöhe unbekannt – nicht prüfbar`)];
  let top = height;
  if (ABSOLUTE.has(ref)) {
    if (!Number.isFinite(ground)) return [unknown(`${name}: Geländehöhe unbekannt – absolute Höhe nicht prüfbar`)];
    top = ground + height;
  } else if (ref === 3000) {
    if (limit.bezugshoehe == null || !Number.isFinite(ground)) return [unknown(`${name}: Bezugshöhe oder Geländehöhe unbekannt – nicht prüfbar`)];
    top = ground + height - limit.bezugshoehe;
  }
  // Relative to the ground is the common case and reads best without a suffix: "Höhe 14,2 m > 12,5 m zulässig".
  const fmt = (v: number) => (ref === 2000 ? metres(v) : `${metres(v)} ${refText}`);
  const out: HeightVerdict[] = [];
  if (limit.max != null) {
    const margin = limit.max - top;
    if (point !== null && EAVES.has(point) && margin < 0) {
      out.push({ status: 'unknown', actual: top, permitted: limit.max, margin, text: `Gebäude ${fmt(top)} höher als ${name} ${fmt(limit.max)} – ${name} selbst unbekannt, nicht prüfbar${note}` });
    } else {
      out.push({ status: margin < 0 ? 'violation' : 'ok', actual: top, permitted: limit.max, margin, text: compare(top, limit.max, fmt, name, 'max') + note });
    }
  }
  if (limit.min != null && (point === null || WHOLE_BUILDING.has(point))) {
    const margin = top - limit.min;
    out.push({ status: margin < 0 ? 'violation' : 'ok', actual: top, permitted: limit.min, margin, text: compare(top, limit.min, fmt, name, 'min') + note });
  }
  return out;
}

function unknown(text: string): HeightVerdict {
  return { status: 'unknown', actual: null, permitted: null, margin: null, text };
}
