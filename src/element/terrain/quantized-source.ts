/** What <twinby-terrain> needs to tell a quantized-mesh source from a GeoTIFF, and its messages. */
import type { Lang } from '../../core/index.js';

/** A layer.json URL (query and hash aside), or format="quantized-mesh". */
export function isQuantizedMesh(src: string, format: string | null): boolean {
  if (format) return /^quantized-?mesh$/i.test(format.trim());
  return /(^|\/)layer\.json$/i.test(src.replace(/[?#].*$/, ''));
}

/** "west,south,east,north" in degrees → a box, or undefined when absent; a malformed one is an error naming it. */
export function parseBbox(value: string | null, src: string): [number, number, number, number] | undefined {
  if (value === null || !value.trim()) return undefined;
  const v = value.split(',').map((p) => Number(p.trim()));
  if (v.length !== 4 || !v.every(Number.isFinite) || !(v[0] < v[2] && v[1] < v[3])) throw new Error(`${src}: bbox="${value}" is not west,south,east,north in degrees`);
  return v as [number, number, number, number];
}

const failureTexts = {
  de: 'Geländemodell {file}: {count} Kachel(n) nicht lesbar, dort fehlt das Gelände: {first}',
  en: 'Terrain {file}: {count} tile(s) could not be read and are left out: {first}',
};

export function tileFailureText(lang: Lang, file: string, failures: string[]): string {
  return failureTexts[lang === 'en' ? 'en' : 'de'].replace('{file}', file).replace('{count}', String(failures.length)).replace('{first}', failures[0]);
}

/** The layer.json URL of a source: src itself, or layer.json inside a folder URL given with format="quantized-mesh". */
export function layerJsonUrl(src: string): string {
  const url = new URL(src, document.baseURI);
  if (!/(^|\/)layer\.json$/i.test(url.pathname)) url.pathname = url.pathname.replace(/\/?$/, '/layer.json');
  return url.href;
}
