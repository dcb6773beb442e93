/**
 * Colours after the Planzeichenverordnung (PlanZV): residential areas in reds, mixed in browns,
 * commercial and industrial in greys, special areas in orange; Baugrenze dashed, Baulinie solid.
 */
import type { OverlayStyle } from '../../overlay/overlay-data';
import { ALLG_ART_DER_BAUL_NUTZUNG, BESONDERE_ART_DER_BAUL_NUTZUNG } from './codes';

const BY_ABBR: Record<string, string> = {
  WS: '#f7d4cb',
  WR: '#f1b3ae',
  WA: '#f6c4bf',
  WB: '#e9a096',
  MD: '#dcc09c',
  MDW: '#e0c7a6',
  MI: '#c69c72',
  MU: '#bf9066',
  MK: '#a8784f',
  GE: '#bdbdbd',
  GI: '#9b9b9b',
  SO: '#f6d38a',
  W: '#f6c4bf',
  M: '#c69c72',
  G: '#bdbdbd',
  S: '#f6d38a',
};
const UNKNOWN_AREA = '#e3e3e3';

/** Fill colour of a Baugebietsteilfläche from its type of use (besondere first, then allgemeine). */
export function areaColour(besondere: number | null, allgemein: number | null): string {
  const abbr = (besondere !== null ? BESONDERE_ART_DER_BAUL_NUTZUNG[besondere]?.[2] : undefined) ??
    (allgemein !== null ? ALLG_ART_DER_BAUL_NUTZUNG[allgemein]?.[2] : undefined);
  return (abbr && BY_ABBR[abbr]) ?? UNKNOWN_AREA;
}

export const AREA_OPACITY = 0.75;

export const STYLES = {
  baugrenze: { stroke: '#1d4ed8', strokeWidth: 0.6, dash: [2, 1.2] } satisfies OverlayStyle,
  baulinie: { stroke: '#c81e1e', strokeWidth: 0.6 } satisfies OverlayStyle,
  geltungsbereich: { stroke: '#222222', strokeWidth: 1.2, dash: [4, 1.5] } satisfies OverlayStyle,
  baufenster: { fill: '#4f86c6', fillOpacity: 0.3, stroke: '#1d4ed8', strokeWidth: 0.3 } satisfies OverlayStyle,
  baufensterFlat: { fill: '#4f86c6', fillOpacity: 0.25, stroke: '#1d4ed8', strokeWidth: 0.3 } satisfies OverlayStyle,
  hoehenmass: { fill: '#111111', fillOpacity: 0.9 } satisfies OverlayStyle,
};
