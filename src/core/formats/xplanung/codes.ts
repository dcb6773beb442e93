/**
 * XPlanung code lists (enumerations of XPlanGML 5.x/6.0) with German labels.
 * Each entry: code → [identifier in the schema, German label, abbreviation].
 * Flattened services sometimes write the identifier or the label instead of the code;
 * {@link lookupCode} accepts all three.
 */
export type CodeList = Record<number, readonly [key: string, label: string, abbr?: string]>;

export const ALLG_ART_DER_BAUL_NUTZUNG: CodeList = {
  1000: ['WohnBauflaeche', 'Wohnbaufläche', 'W'],
  2000: ['GemischteBauflaeche', 'Gemischte Baufläche', 'M'],
  3000: ['GewerblicheBauflaeche', 'Gewerbliche Baufläche', 'G'],
  4000: ['SonderBauflaeche', 'Sonderbaufläche', 'S'],
  9999: ['Sonstiges', 'Sonstige Baufläche'],
};

export const BESONDERE_ART_DER_BAUL_NUTZUNG: CodeList = {
  1000: ['Kleinsiedlungsgebiet', 'Kleinsiedlungsgebiet', 'WS'],
  1100: ['ReinesWohngebiet', 'Reines Wohngebiet', 'WR'],
  1200: ['AllgWohngebiet', 'Allgemeines Wohngebiet', 'WA'],
  1300: ['BesonderesWohngebiet', 'Besonderes Wohngebiet', 'WB'],
  1400: ['Dorfgebiet', 'Dorfgebiet', 'MD'],
  1450: ['DoerflichesWohngebiet', 'Dörfliches Wohngebiet', 'MDW'],
  1500: ['Mischgebiet', 'Mischgebiet', 'MI'],
  1550: ['UrbanesGebiet', 'Urbanes Gebiet', 'MU'],
  1600: ['Kerngebiet', 'Kerngebiet', 'MK'],
  1700: ['Gewerbegebiet', 'Gewerbegebiet', 'GE'],
  1800: ['Industriegebiet', 'Industriegebiet', 'GI'],
  2000: ['SondergebietErholung', 'Sondergebiet, das der Erholung dient', 'SO'],
  2100: ['SondergebietSonst', 'Sonstiges Sondergebiet', 'SO'],
  3000: ['Wochenendhausgebiet', 'Wochenendhausgebiet', 'SO'],
  4000: ['Sondergebiet', 'Sondergebiet', 'SO'],
  9999: ['SonstigesGebiet', 'Sonstiges Gebiet'],
};

export const BAUWEISE: CodeList = {
  1000: ['OffeneBauweise', 'offene Bauweise', 'o'],
  2000: ['GeschlosseneBauweise', 'geschlossene Bauweise', 'g'],
  3000: ['AbweichendeBauweise', 'abweichende Bauweise', 'a'],
};

export const BEBAUUNGSART: CodeList = {
  1000: ['Einzelhaeuser', 'nur Einzelhäuser', 'E'],
  2000: ['Doppelhaeuser', 'nur Doppelhäuser', 'D'],
  3000: ['Hausgruppen', 'nur Hausgruppen', 'H'],
  4000: ['EinzelDoppelhaeuser', 'Einzel- und Doppelhäuser', 'ED'],
  5000: ['EinzelhaeuserHausgruppen', 'Einzelhäuser und Hausgruppen', 'EH'],
  6000: ['DoppelhaeuserHausgruppen', 'Doppelhäuser und Hausgruppen', 'DH'],
  7000: ['Reihenhaeuser', 'Reihenhäuser', 'R'],
  8000: ['EinzelhaeuserDoppelhaeuserHausgruppen', 'Einzelhäuser, Doppelhäuser und Hausgruppen', 'EDH'],
};

export const DACHFORM: CodeList = {
  1000: ['Flachdach', 'Flachdach', 'FD'],
  2100: ['Pultdach', 'Pultdach', 'PD'],
  2200: ['VersetztesPultdach', 'versetztes Pultdach', 'VPD'],
  3000: ['GeneigtesDach', 'geneigtes Dach', 'GD'],
  3100: ['Satteldach', 'Satteldach', 'SD'],
  3200: ['Walmdach', 'Walmdach', 'WD'],
  3300: ['KrueppelWalmdach', 'Krüppelwalmdach', 'KWD'],
  3400: ['Mansarddach', 'Mansarddach', 'MD'],
  3500: ['Zeltdach', 'Zeltdach', 'ZD'],
  3600: ['Kegeldach', 'Kegeldach', 'KeD'],
  3700: ['Kuppeldach', 'Kuppeldach', 'KuD'],
  3800: ['Sheddach', 'Sheddach', 'ShD'],
  3900: ['Bogendach', 'Bogendach', 'BD'],
  4000: ['Turmdach', 'Turmdach', 'TD'],
  4100: ['Tonnendach', 'Tonnendach', 'ToD'],
  5000: ['Mischform', 'gemischte Dachform', 'GDF'],
  9999: ['Sonstiges', 'sonstige Dachform', 'SDF'],
};

/** XP_ArtHoehenbezugspunkt: what the height is measured to. */
export const BEZUGSPUNKT: CodeList = {
  1000: ['TH', 'Traufhöhe', 'TH'],
  2000: ['FH', 'Firsthöhe', 'FH'],
  3000: ['OK', 'Oberkante', 'OK'],
  3500: ['LH', 'lichte Höhe', 'LH'],
  4000: ['SH', 'Sockelhöhe', 'SH'],
  4500: ['EFH', 'Erdgeschoss-Fußbodenhöhe', 'EFH'],
  5000: ['HBA', 'Höhe baulicher Anlagen', 'HBA'],
  5500: ['UK', 'Unterkante', 'UK'],
  6000: ['GBH', 'Gebäudehöhe', 'GBH'],
  6500: ['WH', 'Wandhöhe', 'WH'],
  6600: ['GOK', 'Geländeoberkante', 'GOK'],
};

/** XP_ArtHoehenbezug: what the height is measured from. */
export const HOEHENBEZUG: CodeList = {
  1000: ['absolutNHN', 'über Normalhöhennull (NHN)'],
  1100: ['absolutNN', 'über Normalnull (NN)'],
  1200: ['absolutDHHN', 'über NHN (DHHN)'],
  2000: ['relativGelaendeoberkante', 'über Geländeoberkante'],
  2500: ['relativGehwegOberkante', 'über Oberkante Gehweg'],
  3000: ['relativBezugshoehe', 'über der Bezugshöhe'],
  3500: ['relativStrasse', 'über Straßenniveau'],
};

export const RECHTSSTAND: CodeList = {
  1000: ['Aufstellungsbeschluss', 'Aufstellungsbeschluss'],
  2000: ['Entwurf', 'Entwurf'],
  2100: ['FruehzeitigeBehoerdenBeteiligung', 'frühzeitige Behördenbeteiligung'],
  2200: ['FruehzeitigeOeffentlichkeitsBeteiligung', 'frühzeitige Öffentlichkeitsbeteiligung'],
  2300: ['BehoerdenBeteiligung', 'Behördenbeteiligung'],
  2400: ['OeffentlicheAuslegung', 'öffentliche Auslegung'],
  3000: ['Satzung', 'Satzung'],
  4000: ['InkraftGetreten', 'in Kraft getreten'],
  4500: ['TeilweiseUntergegangen', 'teilweise untergegangen'],
  5000: ['Untergegangen', 'untergegangen'],
  50000: ['Aufgehoben', 'aufgehoben'],
  50100: ['AusserKraft', 'außer Kraft'],
};

/** Resolves a code written as number, schema identifier or German label; null when unknown. */
export function lookupCode(list: CodeList, value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (Number.isInteger(n) && list[n]) return n;
  const text = String(value).trim().toLowerCase();
  for (const [code, [key, label, abbr]] of Object.entries(list)) {
    if (key.toLowerCase() === text || label.toLowerCase() === text || abbr?.toLowerCase() === text) return Number(code);
  }
  return null;
}

/** "Allgemeines Wohngebiet (WA)" for code 1200; the raw value when the code is unknown. */
export function codeLabel(list: CodeList, code: number | null, raw?: unknown): string | null {
  if (code !== null && list[code]) {
    const [, label, abbr] = list[code];
    return abbr && abbr !== label ? `${label} (${abbr})` : label;
  }
  return raw === undefined || raw === null || raw === '' ? null : String(raw);
}
