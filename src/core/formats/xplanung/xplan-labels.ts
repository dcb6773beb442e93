/** The regulations of a plan object in German, as plain-text properties for the info panel. */
import {
  ALLG_ART_DER_BAUL_NUTZUNG,
  BAUWEISE,
  BEBAUUNGSART,
  BESONDERE_ART_DER_BAUL_NUTZUNG,
  BEZUGSPUNKT,
  DACHFORM,
  HOEHENBEZUG,
  RECHTSSTAND,
  codeLabel,
  lookupCode,
} from './codes';
import { formatMetres, type PermittedHeight } from './xplan-heights';
import type { Hoehenangabe, XPlanClass, XPlanObject } from './xplan-model';

export const CLASS_LABELS: Record<XPlanClass, string> = {
  BP_Plan: 'Bebauungsplan',
  BP_Bereich: 'Planbereich',
  BP_BaugebietsTeilFlaeche: 'Baugebietsteilfläche',
  BP_UeberbaubareGrundstuecksFlaeche: 'Überbaubare Grundstücksfläche (Baufenster)',
  BP_BauGrenze: 'Baugrenze',
  BP_BauLinie: 'Baulinie',
  BP_HoehenMass: 'Höhenmaß',
};

type Props = Record<string, string | number | boolean | null>;

function decimal(v: number): string {
  return String(v).replace('.', ',');
}

function roman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 39) return String(n);
  const parts: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of parts) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** `spot`: a Höhenmaß states a height at a point, not a limit. */
export function describeHoehenangabe(h: Hoehenangabe, spot = false): string {
  const point = codeLabel(BEZUGSPUNKT, h.bezugspunkt) ?? 'Höhe';
  // ground and floor levels are levels, not limits
  const level = spot || h.bezugspunkt === 6600 || h.bezugspunkt === 4500;
  const ref = h.hoehenbezug !== null ? (HOEHENBEZUG[h.hoehenbezug]?.[1] ?? '') : h.abweichenderHoehenbezug ? `über ${h.abweichenderHoehenbezug}` : '';
  const values: string[] = [];
  if (h.hZwingend !== null) values.push(`zwingend ${formatMetres(h.hZwingend)}`);
  if (h.hMin !== null && h.hMax !== null) values.push(`${formatMetres(h.hMin)} bis ${formatMetres(h.hMax)}`);
  else if (h.hMin !== null) values.push(`mindestens ${formatMetres(h.hMin)}`);
  else if (h.hMax !== null) values.push(`höchstens ${formatMetres(h.hMax)}`);
  if (h.h !== null) values.push(h.hMax === null && h.hZwingend === null && !level ? `höchstens ${formatMetres(h.h)}` : formatMetres(h.h));
  return `${point}: ${values.join(', ')} ${ref}`.trim();
}

/** German properties of a plan object; `height` adds how its 3D volume was derived. */
export function describeObject(o: XPlanObject, height?: PermittedHeight | null): Props {
  const p: Props = { Objektart: CLASS_LABELS[o.cls] };
  const put = (key: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') p[key] = value;
  };
  put('Name', o.text.name);
  put('Nummer', o.text.nummer);
  put('Gemeinde', o.text.gemeinde);
  if (o.text.rechtsstand) put('Rechtsstand', codeLabel(RECHTSSTAND, lookupCode(RECHTSSTAND, o.text.rechtsstand), o.text.rechtsstand));
  // a code we do not know is shown as written
  const known = o.besondereArtDerBaulNutzung !== null || o.allgArtDerBaulNutzung !== null;
  put('Art der baulichen Nutzung', codeLabel(BESONDERE_ART_DER_BAUL_NUTZUNG, o.besondereArtDerBaulNutzung) ?? (known ? null : o.rawArt));
  put('Allgemeine Art der baulichen Nutzung', codeLabel(ALLG_ART_DER_BAUL_NUTZUNG, o.allgArtDerBaulNutzung));
  put('Gliederung', [o.text.gliederung1, o.text.gliederung2].filter(Boolean).join(' ') || null);
  put('Grundflächenzahl (GRZ)', o.GRZ);
  put('Geschossflächenzahl (GFZ)', o.GFZ);
  put('Grundfläche (GR)', o.GR !== null ? `${decimal(o.GR)} m²` : null);
  put('Geschossfläche (GF)', o.GF !== null ? `${decimal(o.GF)} m²` : null);
  put('Vollgeschosse (Z)', o.Z !== null ? `${roman(o.Z)} (${o.Z})` : null);
  put('Vollgeschosse mindestens (Zmin)', o.Zmin !== null ? `${roman(o.Zmin)} (${o.Zmin})` : null);
  put('Vollgeschosse höchstens (Zmax)', o.Zmax !== null ? `${roman(o.Zmax)} (${o.Zmax})` : null);
  put('Vollgeschosse zwingend', o.ZZwingend !== null ? `${roman(o.ZZwingend)} (${o.ZZwingend})` : null);
  put('Bauweise', codeLabel(BAUWEISE, o.bauweise));
  put('Bebauungsart', codeLabel(BEBAUUNGSART, o.bebauungsArt));
  put('Dachform', o.dachform.map((d) => codeLabel(DACHFORM, d)).join(', ') || null);
  put('Dachneigung', o.DN !== null ? `${decimal(o.DN)}°` : o.DNmin !== null || o.DNmax !== null ? `${decimal(o.DNmin ?? 0)}° bis ${o.DNmax !== null ? decimal(o.DNmax) + '°' : '…'}` : null);
  const spot = o.cls === 'BP_HoehenMass';
  o.hoehenangaben.forEach((h, i) => put(o.hoehenangaben.length > 1 ? `Höhenangabe ${i + 1}` : 'Höhenangabe', describeHoehenangabe(h, spot)));
  put('Beschreibung', o.text.beschreibung);
  put('Text', o.text.text);
  if (height) put('Höhe des Baufensters im 3D-Modell', height.description);
  put('Kennung (gml:id)', o.id);
  return p;
}
