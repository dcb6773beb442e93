/**
 * The Bebauungsplan classes TwinBy understands, read from generic {@link Feature}s:
 * nested XPlanGML 5.x/6.0 (complex properties) and flattened feature types (simple attributes).
 */
import type { Feature, PropertyObject, PropertyValue } from '../feature';
import type { Geometry } from '../geometry';
import {
  ALLG_ART_DER_BAUL_NUTZUNG,
  BAUWEISE,
  BEBAUUNGSART,
  BESONDERE_ART_DER_BAUL_NUTZUNG,
  BEZUGSPUNKT,
  DACHFORM,
  HOEHENBEZUG,
  lookupCode,
} from './codes';

export const XPLAN_CLASSES = [
  'BP_Plan',
  'BP_Bereich',
  'BP_BaugebietsTeilFlaeche',
  'BP_UeberbaubareGrundstuecksFlaeche',
  'BP_BauGrenze',
  'BP_BauLinie',
  'BP_HoehenMass',
] as const;
export type XPlanClass = (typeof XPLAN_CLASSES)[number];

/** One XP_Hoehenangabe. Heights in metres; codes from {@link BEZUGSPUNKT} and {@link HOEHENBEZUG}. */
export interface Hoehenangabe {
  h: number | null;
  hMin: number | null;
  hMax: number | null;
  hZwingend: number | null;
  bezugspunkt: number | null;
  hoehenbezug: number | null;
  /** abweichenderHoehenbezug: free text when the reference is not in the code list. */
  abweichenderHoehenbezug: string | null;
}

/** Regulations on building mass, shared by BaugebietsTeilFlaeche and UeberbaubareGrundstuecksFlaeche. */
export interface MassRegulations {
  GRZ: number | null;
  GFZ: number | null;
  GF: number | null;
  GR: number | null;
  Z: number | null;
  Zmin: number | null;
  Zmax: number | null;
  ZZwingend: number | null;
  bauweise: number | null;
  bebauungsArt: number | null;
  dachform: number[];
  DN: number | null;
  DNmin: number | null;
  DNmax: number | null;
  hoehenangaben: Hoehenangabe[];
}

export interface XPlanObject extends MassRegulations {
  id: string;
  cls: XPlanClass;
  /** WGS84 lon/lat as delivered by the reader. */
  geometry: Geometry | null;
  allgArtDerBaulNutzung: number | null;
  besondereArtDerBaulNutzung: number | null;
  /** Name, number and other plain text worth showing (BP_Plan: name, nummer, gemeinde…). */
  text: Record<string, string>;
  /** Raw value of codes not in our lists, e.g. a service that writes its own labels. */
  rawArt: string | null;
}

export interface XPlanModel {
  /** XPlanGML version from the namespace (e.g. "5.3"), or null for flattened data. */
  version: string | null;
  objects: XPlanObject[];
  /** Features of other classes, counted by type (XP_PPO, BP_GruenFlaeche, …). */
  otherTypes: Record<string, number>;
}

/** The XPlanung class of a feature type, also for flattened type names such as "ms:bp_baugrenze". */
export function xplanClassOf(type: string): XPlanClass | null {
  const t = type.toLowerCase();
  const local = t.slice(t.lastIndexOf(':') + 1);
  for (const c of XPLAN_CLASSES) if (local === c.toLowerCase()) return c;
  // a flattened layer name that contains the class name, longest first (BauGrenze vs Bau…)
  for (const c of [...XPLAN_CLASSES].sort((a, b) => b.length - a.length)) if (local.includes(c.toLowerCase())) return c;
  return null;
}

function first(v: PropertyValue | undefined): PropertyValue | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function all(v: PropertyValue | undefined): PropertyValue[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** A number written as "0.4", "0,4", 0.4 or "II" (storeys are sometimes written in Roman numerals). */
export function toNumber(v: PropertyValue | undefined): number | null {
  const x = first(v);
  if (x === undefined || x === null || x === '' || typeof x === 'object') return null;
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  const s = String(x).trim();
  const n = Number(s.replace(',', '.'));
  if (Number.isFinite(n)) return n;
  return /^[IVXL]+$/.test(s) ? roman(s) : null;
}

function roman(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]], next = v[s[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

function textOf(v: PropertyValue | undefined): string | null {
  const x = first(v);
  return x === undefined || x === null || typeof x === 'object' ? null : String(x).trim() || null;
}

function readHoehenangabe(o: PropertyObject): Hoehenangabe {
  return {
    h: toNumber(o.h),
    hMin: toNumber(o.hMin),
    hMax: toNumber(o.hMax),
    hZwingend: toNumber(o.hZwingend),
    bezugspunkt: lookupCode(BEZUGSPUNKT, first(o.bezugspunkt)),
    hoehenbezug: lookupCode(HOEHENBEZUG, first(o.hoehenbezug)),
    abweichenderHoehenbezug: textOf(o.abweichenderHoehenbezug),
  };
}

const FLAT_HEIGHT_KEYS = ['h', 'hMin', 'hMax', 'hZwingend', 'bezugspunkt', 'hoehenbezug', 'abweichenderHoehenbezug'];

/** Nested hoehenangabe objects, or one flattened from attributes (hMax, hoehenangabe_hMax, hoehenangabe.hMax). */
function readHoehenangaben(p: PropertyObject): Hoehenangabe[] {
  const nested = all(p.hoehenangabe).filter((x): x is PropertyObject => typeof x === 'object' && x !== null && !Array.isArray(x));
  if (nested.length) return nested.map(readHoehenangabe);
  const flat: PropertyObject = {};
  for (const [key, value] of Object.entries(p)) {
    const k = key.replace(/^hoehenangabe[._]?/i, '');
    const match = FLAT_HEIGHT_KEYS.find((f) => f.toLowerCase() === k.toLowerCase());
    if (match && value !== '' && value !== null) flat[match] = value;
  }
  const ha = readHoehenangabe(flat);
  return [ha.h, ha.hMin, ha.hMax, ha.hZwingend].some((v) => v !== null) ? [ha] : [];
}

function readMass(p: PropertyObject): MassRegulations {
  // XPlanGML 5.3+ moved dachform/DN into dachgestaltung (BP_Dachgestaltung); older files have them directly
  const dach = all(p.dachgestaltung).filter((x): x is PropertyObject => typeof x === 'object' && x !== null && !Array.isArray(x));
  const dachform = [...all(p.dachform), ...dach.flatMap((d) => all(d.dachform))]
    .map((v) => lookupCode(DACHFORM, v))
    .filter((c): c is number => c !== null);
  return {
    GRZ: toNumber(p.GRZ) ?? toNumber(p.GRZmax),
    GFZ: toNumber(p.GFZ) ?? toNumber(p.GFZmax),
    GF: toNumber(p.GF) ?? toNumber(p.GFmax),
    GR: toNumber(p.GR) ?? toNumber(p.GRmax),
    Z: toNumber(p.Z),
    Zmin: toNumber(p.Zmin),
    Zmax: toNumber(p.Zmax),
    ZZwingend: toNumber(p.Zzwingend) ?? toNumber(p.ZZwingend),
    bauweise: lookupCode(BAUWEISE, first(p.bauweise)),
    bebauungsArt: lookupCode(BEBAUUNGSART, first(p.bebauungsArt)),
    dachform: [...new Set(dachform)],
    DN: toNumber(p.DN) ?? toNumber(dach.map((d) => d.DN).find((x) => x !== undefined)),
    DNmin: toNumber(p.DNmin) ?? toNumber(dach.map((d) => d.DNmin).find((x) => x !== undefined)),
    DNmax: toNumber(p.DNmax) ?? toNumber(dach.map((d) => d.DNmax).find((x) => x !== undefined)),
    hoehenangaben: readHoehenangaben(p),
  };
}

const TEXT_KEYS = ['name', 'nummer', 'beschreibung', 'planArt', 'rechtsstand', 'gliederung1', 'gliederung2', 'text'];

function readText(p: PropertyObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of TEXT_KEYS) {
    const t = textOf(p[k]);
    if (t) out[k] = t;
  }
  const gemeinde = first(p.gemeinde);
  const gemeindeName = typeof gemeinde === 'object' && gemeinde !== null && !Array.isArray(gemeinde) ? textOf(gemeinde.gemeindeName) : textOf(p.gemeindeName);
  if (gemeindeName) out.gemeinde = gemeindeName;
  return out;
}

/** Reads the Bebauungsplan objects from features; unknown types are only counted. */
export function readXPlan(features: Feature[]): XPlanModel {
  const objects: XPlanObject[] = [];
  const otherTypes: Record<string, number> = {};
  let n = 0;
  let version: string | null = null;
  for (const f of features) {
    version ??= f.ns ? xplanVersionOf(f.ns) : null;
    const cls = xplanClassOf(f.type);
    if (!cls) {
      otherTypes[f.type] = (otherTypes[f.type] ?? 0) + 1;
      continue;
    }
    const p = f.properties;
    const besondere = first(p.besondereArtDerBaulNutzung);
    objects.push({
      id: f.id ?? `${cls}.${n++}`,
      cls,
      geometry: f.geometry,
      allgArtDerBaulNutzung: lookupCode(ALLG_ART_DER_BAUL_NUTZUNG, first(p.allgArtDerBaulNutzung)),
      besondereArtDerBaulNutzung: lookupCode(BESONDERE_ART_DER_BAUL_NUTZUNG, besondere),
      rawArt: textOf(besondere) ?? textOf(p.allgArtDerBaulNutzung),
      text: readText(p),
      ...readMass(p),
    });
  }
  return { version, objects, otherTypes };
}

/** "5.3" from "http://www.xplanung.de/xplangml/5/3". */
export function xplanVersionOf(namespace: string): string | null {
  const m = /xplanung\.de\/xplangml\/(\d+)\/(\d+)/.exec(namespace);
  return m ? `${m[1]}.${m[2]}` : null;
}
