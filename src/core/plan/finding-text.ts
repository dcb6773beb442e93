/**
 * Plan-check findings in words, German or English, e.g. "Firsthöhe 14,2 m > 12,5 m zulässig" /
 * "Ridge height 14.2 m > 12.5 m permitted". Plain text, never HTML.
 */
import type { Lang } from '../i18n/lang.js';
import type { Bound, FindingPhrase, FindingQuantity } from './finding-phrase.js';

/**
 * Fixed decimals in the language's notation: (14.2, 1) → "14,2" / "14.2", (1200, 1) → "1.200,0" / "1,200.0".
 * Hand-rolled because Intl.NumberFormat.format costs ~10 µs a call and a plan check words tens of thousands.
 */
export function fixed(value: number, digits: number, lang: Lang = 'de'): string {
  if (!Number.isFinite(value)) return String(value);
  const [group, decimal] = lang === 'de' ? ['.', ','] : [',', '.'];
  const text = Math.abs(value).toFixed(digits);
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) grouped = int.slice(Math.max(0, i - 3), i) + (grouped ? group + grouped : '');
  const sign = value < 0 && Number(text) !== 0 ? '−' : '';
  return sign + grouped + (dot < 0 ? '' : decimal + text.slice(dot + 1));
}

/** XP_ArtHoehenbezugspunkt codes → names. */
const POINTS: Record<Lang, Readonly<Record<number, string>>> = {
  de: {
    1000: 'Traufhöhe', 2000: 'Firsthöhe', 3000: 'Oberkante', 3500: 'lichte Höhe', 4000: 'Sockelhöhe', 4500: 'Erdgeschoss-Fußbodenhöhe',
    5000: 'Höhe baulicher Anlagen', 5500: 'Unterkante', 6000: 'Gebäudehöhe', 6500: 'Wandhöhe', 6600: 'Geländeoberkante',
  },
  en: {
    1000: 'Eaves height', 2000: 'Ridge height', 3000: 'Top edge', 3500: 'Clear height', 4000: 'Plinth height', 4500: 'Ground floor level',
    5000: 'Height of structures', 5500: 'Underside', 6000: 'Building height', 6500: 'Wall height', 6600: 'Ground level',
  },
};

/** XP_ArtHoehenbezug codes → how the value is measured (2000, above ground, is the default and left unsaid). */
const REFERENCES: Record<Lang, Readonly<Record<number, string>>> = {
  de: { 1000: 'ü. NHN', 1100: 'ü. NN', 1200: 'ü. DHHN', 2000: 'über Gelände', 2500: 'über Gehweg', 3000: 'über Bezugshöhe', 3500: 'über Straße' },
  en: { 1000: 'above NHN', 1100: 'above NN', 1200: 'above DHHN', 2000: 'above ground', 2500: 'above pavement', 3000: 'above reference height', 3500: 'above street' },
};

const WORDS = {
  de: {
    height: 'Höhe', gr: 'Grundfläche', storeys: 'Vollgeschosse', estimated: 'Geschosse (≈, aus Höhe {h} geschätzt)',
    max: '{what} {a} > {p} zulässig', maxOk: '{what} {a} ≤ {p} zulässig, {d} Reserve',
    minOk: '{what} {a} ≥ {p} Mindestmaß', min: '{what} {a} < {p} Mindestmaß',
    exactOk: '{what} {a} = {p} zwingend', exact: '{what} {a} ≠ {p} zwingend',
    approximated: ' (Bezug angenähert durch Geländehöhe)',
    grzBasis: ' (Grundfläche {built} auf {zone})', gfzBasis: ' (Geschossfläche {floor} m²)',
    storeysUnknown: 'Vollgeschosse und Höhe unbekannt – nicht prüfbar',
    baufenster: '{area} der Grundfläche außerhalb des Baufensters', ueberbaubar: '{area} der Grundfläche außerhalb der überbaubaren Grundstücksfläche',
    inside: 'Grundfläche vollständig innerhalb', crosses: 'Gebäude überschreitet die Baugrenze',
    'missing.height': '{name}: Gebäudehöhe unbekannt – nicht prüfbar',
    'missing.ground': '{name}: Geländehöhe unbekannt – absolute Höhe nicht prüfbar',
    'missing.reference': '{name}: Bezugshöhe oder Geländehöhe unbekannt – nicht prüfbar',
    aboveEaves: 'Gebäude {top} höher als {name} {limit} – {name} selbst unbekannt, nicht prüfbar',
  },
  en: {
    height: 'Height', gr: 'Footprint area', storeys: 'Full storeys', estimated: 'Storeys (≈, estimated from height {h})',
    max: '{what} {a} > {p} permitted', maxOk: '{what} {a} ≤ {p} permitted, {d} to spare',
    minOk: '{what} {a} ≥ {p} minimum', min: '{what} {a} < {p} minimum',
    exactOk: '{what} {a} = {p} required', exact: '{what} {a} ≠ {p} required',
    approximated: ' (reference approximated by the ground height)',
    grzBasis: ' (footprint {built} on {zone})', gfzBasis: ' (floor area {floor} m²)',
    storeysUnknown: 'Storeys and height unknown – cannot be checked',
    baufenster: '{area} of the footprint outside the building window', ueberbaubar: '{area} of the footprint outside the buildable area',
    inside: 'Footprint entirely inside', crosses: 'Building crosses the building line',
    'missing.height': '{name}: building height unknown – cannot be checked',
    'missing.ground': '{name}: ground height unknown – absolute height cannot be checked',
    'missing.reference': '{name}: reference or ground height unknown – cannot be checked',
    aboveEaves: 'Building {top} higher than {name} {limit} – {name} itself unknown, cannot be checked',
  },
} satisfies Record<Lang, Record<string, string>>;

type Word = keyof (typeof WORDS)['de'];

function say(lang: Lang, key: Word, params: Record<string, string>): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
}

const metres = (v: number, lang: Lang) => `${fixed(v, 1, lang)} m`;
const squareMetres = (v: number, lang: Lang) => `${fixed(v, 1, lang)} m²`;

/** The finding as a sentence in the language. */
export function findingText(phrase: FindingPhrase, lang: Lang = 'de'): string {
  switch (phrase.kind) {
    case 'compare': {
      const { quantity: q, actual, permitted } = phrase;
      const text = compare(lang, nameOf(q, lang), actual, permitted, (v) => formatOf(q, v, lang), phrase.bound);
      const basis = phrase.basis;
      if (basis?.of === 'grz') return text + say(lang, 'grzBasis', { built: squareMetres(basis.built, lang), zone: squareMetres(basis.zoneArea, lang) });
      if (basis?.of === 'gfz') return text + say(lang, 'gfzBasis', { floor: fixed(basis.floorArea, 0, lang) });
      return text + approximation(q, lang);
    }
    case 'storeys-unknown':
      return WORDS[lang].storeysUnknown;
    case 'outside':
      return say(lang, phrase.of, { area: squareMetres(phrase.area, lang) });
    case 'inside':
      return WORDS[lang].inside;
    case 'crosses-baugrenze':
      return WORDS[lang].crosses;
    case 'height-unknown':
      return say(lang, `missing.${phrase.missing}`, { name: nameOf(phrase.quantity, lang) });
    case 'above-eaves': {
      const q = phrase.quantity;
      return say(lang, 'aboveEaves', { name: nameOf(q, lang), top: formatOf(q, phrase.top, lang), limit: formatOf(q, phrase.limit, lang) }) + approximation(q, lang);
    }
  }
}

function compare(lang: Lang, what: string, actual: number, permitted: number, format: (v: number) => string, bound: Bound): string {
  const params = { what, a: format(actual), p: format(permitted), d: format(permitted - actual) };
  if (bound === 'exact') return say(lang, actual === permitted ? 'exactOk' : 'exact', params);
  if (bound === 'min') return say(lang, actual >= permitted ? 'minOk' : 'min', params);
  return say(lang, actual > permitted ? 'max' : 'maxOk', params);
}

function nameOf(q: FindingQuantity, lang: Lang): string {
  switch (q.name) {
    case 'grz':
      return 'GRZ';
    case 'gfz':
      return 'GFZ';
    case 'gr':
    case 'storeys':
      return WORDS[lang][q.name];
    case 'storeys-estimated':
      return say(lang, 'estimated', { h: metres(q.fromHeight, lang) });
    case 'height':
      return (q.point !== null ? POINTS[lang][q.point] : undefined) ?? WORDS[lang].height;
  }
}

function formatOf(q: FindingQuantity, v: number, lang: Lang): string {
  switch (q.name) {
    case 'grz':
    case 'gfz':
      return fixed(v, 2, lang);
    case 'gr':
      return squareMetres(v, lang);
    case 'storeys':
    case 'storeys-estimated':
      return String(v);
    case 'height':
      // Relative to the ground is the common case and reads best without a suffix: "Höhe 14,2 m > 12,5 m zulässig".
      return q.reference.code === 2000 ? metres(v, lang) : `${metres(v, lang)} ${REFERENCES[lang][q.reference.code] ?? REFERENCES[lang][2000]}`;
  }
}

function approximation(q: FindingQuantity, lang: Lang): string {
  return q.name === 'height' && q.reference.approximated ? WORDS[lang].approximated : '';
}
