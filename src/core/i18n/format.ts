import { localeOf, type Lang } from './lang.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maxDigits: number, grouping: boolean): Intl.NumberFormat {
  const key = `${lang}|${maxDigits}|${grouping}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: maxDigits, useGrouping: grouping });
    numberFormats.set(key, f);
  }
  return f;
}

/** A number in the language's notation: 12.5 → "12,5" (de) / "12.5" (en). */
export function formatNumber(value: number, lang: Lang, maxDigits = 2): string {
  return numberFormat(lang, maxDigits, true).format(value);
}

/** Unit of each known numeric attribute; the value is printed with it. */
const units: Record<string, string> = {
  measuredHeight: 'm',
  height: 'm',
  groundHeight: 'm',
  roofHeight: 'm',
  eaveHeight: 'm',
  footprintArea: 'm²',
  area: 'm²',
  volume: 'm³',
};

/** Properties that are years or counts: printed as integers without grouping. */
const plainIntegers = new Set(['yearOfConstruction', 'yearOfDemolition', 'storeysAboveGround', 'storeysBelowGround']);

export function unitOf(property: string): string | undefined {
  return units[property];
}

/** "12,5 m", "1975", "3" or the text as is. Never HTML: callers render the string as text. */
export function formatValue(property: string, value: unknown, lang: Lang): string {
  if (typeof value === 'number') {
    if (plainIntegers.has(property)) return numberFormat(lang, 0, false).format(value);
    const unit = units[property];
    const text = formatNumber(value, lang, 2);
    return unit ? `${text}\u00a0${unit}` : text;
  }
  if (typeof value === 'boolean') return lang === 'en' ? (value ? 'yes' : 'no') : value ? 'ja' : 'nein';
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => formatValue(property, v, lang)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A metre figure with its unit: 12.5 → "12,5 m". */
export function formatMetres(value: number, lang: Lang, digits = 1): string {
  return `${formatNumber(value, lang, digits)}\u00a0m`;
}
