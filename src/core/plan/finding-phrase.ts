/**
 * What a plan-check finding says, as data: the worker checks and fills these in, and each element words them in its
 * own language (finding-text.ts), so switching the language needs no new check.
 */

/** The checked quantity: GRZ/GFZ ratios, GR in m², storeys (counted or estimated from a height), heights in m. */
export type FindingQuantity =
  | { name: 'grz' | 'gfz' | 'gr' | 'storeys' }
  | { name: 'storeys-estimated'; fromHeight: number }
  /** point: an XP_ArtHoehenbezugspunkt code (Firsthöhe …), null for a plain height. */
  | { name: 'height'; point: number | null; reference: HeightReference };

/** How a height is measured: an XP_ArtHoehenbezug code; `approximated` when the ground stands in for it. */
export interface HeightReference {
  code: number;
  approximated: boolean;
}

export type Bound = 'max' | 'min' | 'exact';

/** Extra figures behind a ratio: the areas a GRZ or GFZ came from. */
export type RatioBasis = { of: 'grz'; built: number; zoneArea: number } | { of: 'gfz'; floorArea: number };

export type FindingPhrase =
  | { kind: 'compare'; quantity: FindingQuantity; actual: number; permitted: number; bound: Bound; basis?: RatioBasis }
  | { kind: 'storeys-unknown' }
  | { kind: 'outside'; area: number; of: 'baufenster' | 'ueberbaubar' }
  | { kind: 'inside' }
  | { kind: 'crosses-baugrenze' }
  /** What is missing to judge a height: the building's height, the ground, or the reference height. */
  | { kind: 'height-unknown'; missing: 'height' | 'ground' | 'reference'; quantity: FindingQuantity & { name: 'height' } }
  /** A top above an eaves or wall height, which footprints and heights alone cannot judge. */
  | { kind: 'above-eaves'; quantity: FindingQuantity & { name: 'height' }; top: number; limit: number };
