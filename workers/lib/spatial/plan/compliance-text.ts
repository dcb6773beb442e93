/** German texts for compliance findings, e.g. "Höhe 14,2 m > 12,5 m zulässig". Plain text, never HTML. */

/**
 * Fixed decimals, German notation: num(14.2, 1) → "14,2", num(1200, 1) → "1.200,0".
 * Hand-rolled because Intl.NumberFormat.format costs ~10 µs a call and a compliance run formats tens of thousands.
 */
export function num(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(digits);
  const dot = fixed.indexOf('.');
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) grouped = int.slice(Math.max(0, i - 3), i) + (grouped ? '.' + grouped : '');
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
  return sign + grouped + (dot < 0 ? '' : ',' + fixed.slice(dot + 1));
}

export const metres = (v: number) => `${num(v, 1)} m`;
export const squareMetres = (v: number) => `${num(v, 1)} m²`;

/** XP_ArtHoehenbezugspunkt codes → German names. */
export const BEZUGSPUNKT_NAMES: Readonly<Record<number, string>> = {
  1000: 'Traufhöhe',
  2000: 'Firsthöhe',
  3000: 'Oberkante',
  3500: 'lichte Höhe',
  4000: 'Sockelhöhe',
  4500: 'Erdgeschoss-Fußbodenhöhe',
  5000: 'Höhe baulicher Anlagen',
  5500: 'Unterkante',
  6000: 'Gebäudehöhe',
  6500: 'Wandhöhe',
  6600: 'Geländeoberkante',
};

/** XP_ArtHoehenbezug codes → how the value is measured. */
export const HOEHENBEZUG_NAMES: Readonly<Record<number, string>> = {
  1000: 'ü. NHN',
  1100: 'ü. NN',
  1200: 'ü. DHHN',
  2000: 'über Gelände',
  2500: 'über Gehweg',
  3000: 'über Bezugshöhe',
  3500: 'über Straße',
};

export function compare(actual: number, permitted: number, format: (v: number) => string, what: string, bound: 'max' | 'min' | 'exact'): string {
  const a = format(actual);
  const p = format(permitted);
  if (bound === 'exact') return actual === permitted ? `${what} ${a} = ${p} zwingend` : `${what} ${a} ≠ ${p} zwingend`;
  if (bound === 'min') return actual >= permitted ? `${what} ${a} ≥ ${p} Mindestmaß` : `${what} ${a} < ${p} Mindestmaß`;
  if (actual > permitted) return `${what} ${a} > ${p} zulässig`;
  return `${what} ${a} ≤ ${p} zulässig, ${format(permitted - actual)} Reserve`;
}
