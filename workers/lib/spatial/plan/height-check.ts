/**
 * A building's height against one Höhenangabe, with the bezugspunkt semantics:
 * - FH, OK, HBA, GBH (and no bezugspunkt) bound the whole building: compared with its top.
 * - TH and WH (eaves, wall) are below the top: a top at or under the limit proves compliance;
 *   a higher top cannot be judged from footprints and heights alone ('unknown').
 * - Other points (EFH, SH, LH, UK, GOK) are not upper bounds of the building and are skipped.
 * The top is height above ground; for absolute hoehenbezug (NHN/NN/DHHN) ground + height; for
 * relativBezugshoehe top − bezugshoehe; Gehweg/Straße references are approximated by the ground.
 */
import { findingText } from '../../../../src/core/plan/finding-text';
import type { FindingPhrase, FindingQuantity } from '../../../../src/core/plan/finding-phrase';
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
  phrase: FindingPhrase;
  /** German. */
  text: string;
}

/** null when the Höhenangabe does not bound the building top. */
export function checkHeight(limit: HeightLimit, height: number, ground: number): HeightVerdict[] | null {
  const point = limit.bezugspunkt ?? null;
  if (point !== null && !WHOLE_BUILDING.has(point) && !EAVES.has(point)) return null;
  const ref = limit.hoehenbezug ?? 2000;
  const quantity: FindingQuantity & { name: 'height' } = { name: 'height', point, reference: { code: ref, approximated: APPROXIMATED.has(ref) } };
  if (!(height > 0)) return [unknown({ kind: 'height-unknown', missing: 'height', quantity })];
  let top = height;
  if (ABSOLUTE.has(ref)) {
    if (!Number.isFinite(ground)) return [unknown({ kind: 'height-unknown', missing: 'ground', quantity })];
    top = ground + height;
  } else if (ref === 3000) {
    if (limit.bezugshoehe == null || !Number.isFinite(ground)) return [unknown({ kind: 'height-unknown', missing: 'reference', quantity })];
    top = ground + height - limit.bezugshoehe;
  }
  const out: HeightVerdict[] = [];
  if (limit.max != null) {
    const margin = limit.max - top;
    if (point !== null && EAVES.has(point) && margin < 0) {
      out.push(verdict('unknown', top, limit.max, margin, { kind: 'above-eaves', quantity, top, limit: limit.max }));
    } else {
      out.push(verdict(margin < 0 ? 'violation' : 'ok', top, limit.max, margin, { kind: 'compare', quantity, actual: top, permitted: limit.max, bound: 'max' }));
    }
  }
  if (limit.min != null && (point === null || WHOLE_BUILDING.has(point))) {
    const margin = top - limit.min;
    out.push(verdict(margin < 0 ? 'violation' : 'ok', top, limit.min, margin, { kind: 'compare', quantity, actual: top, permitted: limit.min, bound: 'min' }));
  }
  return out;
}

function verdict(status: HeightVerdict['status'], actual: number | null, permitted: number | null, margin: number | null, phrase: FindingPhrase): HeightVerdict {
  return { status, actual, permitted, margin, phrase, text: findingText(phrase) };
}

function unknown(phrase: FindingPhrase): HeightVerdict {
  return verdict('unknown', null, null, null, phrase);
}
