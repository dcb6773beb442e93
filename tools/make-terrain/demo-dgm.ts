/** The demo town's terrain as a DGM GeoTIFF: the same ground the town's buildings were placed on (make-demo/terrain.ts). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { groundHeight } from '../make-demo/terrain.ts';
import { TOWN_ORIGIN } from '../make-demo/town-layout.ts';
import { dgmGeoTiff } from './dgm-geotiff.ts';

/** 4.8 × 4.8 km around the market square at 5 m (3.7 MB, 961² samples: read whole, not thinned): the town and its fields. */
export const DEMO_DGM_HALF = 2400;
const HALF = DEMO_DGM_HALF;
const STEP = 5;

export async function writeDemoDgm(file: string): Promise<{ columns: number; rows: number }> {
  const columns = (2 * HALF) / STEP + 1;
  const bytes = dgmGeoTiff({
    west: TOWN_ORIGIN[0] - HALF,
    north: TOWN_ORIGIN[1] + HALF,
    step: STEP,
    columns,
    rows: columns,
    height: (e, n) => groundHeight(e - TOWN_ORIGIN[0], n - TOWN_ORIGIN[1]),
  });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, new Uint8Array(bytes));
  return { columns, rows: columns };
}
