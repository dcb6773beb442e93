/**
 * Reads the CRS out of a GML srsName: the EPSG code of the horizontal part and
 * the vertical datum the heights are in. Only CRSs we can reproject are known;
 * anything else is null, which the converter turns into an error naming the file.
 */

export type VerticalDatum = 'DHHN2016' | 'DHHN92' | 'DHHN12' | 'NN' | 'ellipsoidal' | 'unknown';

export interface CrsInfo {
  /** EPSG code of the horizontal (2D or geographic 3D) CRS. */
  epsg: number;
  verticalDatum: VerticalDatum;
  /** Human-readable, e.g. "ETRS89 / UTM zone 32N + DHHN2016 height". */
  name: string;
}

/** Horizontal CRSs we can reproject, with their names. */
export const HORIZONTAL_CRS: Readonly<Record<number, string>> = {
  25832: 'ETRS89 / UTM zone 32N',
  25833: 'ETRS89 / UTM zone 33N',
  4647: 'ETRS89 / UTM zone 32N (zE-N)',
  5650: 'ETRS89 / UTM zone 33N (zE-N)',
  31466: 'DHDN / 3-degree Gauss-Kruger zone 2',
  31467: 'DHDN / 3-degree Gauss-Kruger zone 3',
  31468: 'DHDN / 3-degree Gauss-Kruger zone 4',
  31469: 'DHDN / 3-degree Gauss-Kruger zone 5',
  4326: 'WGS 84',
  4979: 'WGS 84 (3D)',
  4258: 'ETRS89',
  4937: 'ETRS89 (3D)',
  3857: 'WGS 84 / Pseudo-Mercator',
  // Neighbours whose samples turn up in CityGML test data.
  28992: 'Amersfoort / RD New',
  21781: 'CH1903 / LV03',
  3946: 'RGF93 / CC46',
};

/** Geographic CRSs: coordinates are degrees, and EPSG's axis order is latitude first. */
const GEOGRAPHIC = new Set([4326, 4979, 4258, 4937]);
/** Geographic 3D CRSs carry ellipsoidal heights. */
const ELLIPSOIDAL_3D = new Set([4979, 4937]);

/** EPSG vertical CRSs. */
const VERTICAL: Readonly<Record<number, VerticalDatum>> = {
  7837: 'DHHN2016',
  5783: 'DHHN92',
  5784: 'NN', // DHHN85 (Normalnull)
  5785: 'NN', // SNN76
  5709: 'unknown', // NAP
  5728: 'unknown', // LN02
};

/** EPSG compound CRSs: horizontal + vertical. */
const COMPOUND: Readonly<Record<number, [number, VerticalDatum]>> = {
  5555: [25832, 'DHHN92'],
  5556: [25833, 'DHHN92'],
  7415: [28992, 'unknown'], // RD New + NAP height: no NAP quasigeoid here
};

const VERTICAL_NAMES: Record<VerticalDatum, string> = {
  DHHN2016: 'DHHN2016 height',
  DHHN92: 'DHHN92 height',
  DHHN12: 'DHHN12 height',
  NN: 'NN height',
  ellipsoidal: 'ellipsoidal height',
  unknown: '',
};

export function parseSrsName(srsName: string): CrsInfo | null {
  const s = srsName.trim();
  if (!s) return null;
  return parseAdv(s) ?? parseCompound(s) ?? parseEpsgCodes(s);
}

/**
 * True when GML coordinates in this CRS come latitude first. The URN and http URI forms follow
 * EPSG's axis order (latitude first for geographic CRSs); the short "EPSG:4326" and the old
 * "…/srs/epsg.xml#4326" forms mean longitude first, as WFS 1.0 and GeoServer read them (and as the
 * OGC's own CityGML 3.0 samples write them).
 */
export function isLatLonAxisOrder(srsName: string, crs: CrsInfo): boolean {
  if (!GEOGRAPHIC.has(crs.epsg)) return false;
  return /urn:(x-)?ogc:def:crs|opengis\.net\/def\/crs/i.test(srsName);
}

export function isGeographic(epsg: number): boolean {
  return GEOGRAPHIC.has(epsg);
}

function make(epsg: number, verticalDatum: VerticalDatum): CrsInfo | null {
  const horizontal = HORIZONTAL_CRS[epsg];
  if (!horizontal) return null;
  const vertical = VERTICAL_NAMES[verticalDatum];
  return { epsg, verticalDatum, name: vertical ? `${horizontal} + ${vertical}` : horizontal };
}

/** Combines a list of EPSG codes (one or two) into a CRS. */
function fromCodes(codes: number[]): CrsInfo | null {
  let horizontal: number | undefined;
  let vertical: VerticalDatum | undefined;
  for (const code of codes) {
    if (COMPOUND[code]) [horizontal, vertical] = COMPOUND[code];
    else if (VERTICAL[code]) vertical = VERTICAL[code];
    else if (HORIZONTAL_CRS[code]) horizontal = code;
    else return null;
  }
  if (horizontal === undefined) return null;
  return make(horizontal, vertical ?? (ELLIPSOIDAL_3D.has(horizontal) ? 'ellipsoidal' : 'unknown'));
}

/** Every "EPSG…<code>" in the string, for the plain, URN, URI and compound forms alike. */
function parseEpsgCodes(s: string): CrsInfo | null {
  const codes: number[] = [];
  // EPSG:25832, urn:ogc:def:crs:EPSG::25832, urn:ogc:def:crs:EPSG:6.12:25832, http://www.opengis.net/def/crs/EPSG/0/25832, …epsg.xml#25832
  const re = /EPSG(?::[\d.]*:|:|\/[\d.]+\/|\.xml#)(\d+)(?![\w.])/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) codes.push(Number(m[1]));
  if (codes.length === 0 && /^\d+$/.test(s)) codes.push(Number(s));
  return codes.length ? fromCodes(codes) : null;
}

/** urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837 and the http "crs-compound?1=…&2=…" form. */
function parseCompound(s: string): CrsInfo | null {
  if (!/^urn:ogc:def:crs,/i.test(s) && !/crs-compound\?/i.test(s)) return null;
  return parseEpsgCodes(s);
}

const ADV_HORIZONTAL: Readonly<Record<string, number>> = {
  ETRS89_UTM32: 25832,
  ETRS89_UTM33: 25833,
  DE_DHDN_3GK2: 31466,
  DE_DHDN_3GK3: 31467,
  DE_DHDN_3GK4: 31468,
  DE_DHDN_3GK5: 31469,
  'ETRS89_LAT-LON': 4258,
  ETRS89_LAT_LON: 4258,
};

/** AdV URNs, e.g. urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH or …*DE_DHHN2016_NH*GCG2016. */
function parseAdv(s: string): CrsInfo | null {
  const m = /^urn:adv:crs:([^*]+)(?:\*(.*))?$/i.exec(s);
  if (!m) return null;
  const epsg = ADV_HORIZONTAL[m[1].toUpperCase()];
  if (epsg === undefined) return null;
  const heights = (m[2] ?? '').toUpperCase();
  let vertical: VerticalDatum = 'unknown';
  if (heights.includes('DHHN2016')) vertical = 'DHHN2016';
  else if (heights.includes('DHHN92')) vertical = 'DHHN92';
  else if (heights.includes('DHHN12')) vertical = 'DHHN12';
  else if (/DHHN85|_NN\b|_NOH/.test(heights)) vertical = 'NN';
  return make(epsg, vertical);
}
