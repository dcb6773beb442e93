/**
 * The synthetic demo town as a stream of CityGML 1.0 text: the same seed and
 * options always give byte-identical output, and only one block of buildings
 * exists at a time, so a million buildings stream in flat memory.
 *
 * The planned buildings (DEBY_LOD2_PLAN_…) come first, then the town block by
 * block from the market square outwards, until `buildings` have been written.
 */
import { blockBuildings, type BlockContext } from './block-builder';
import { FOOTER, header, writeBuilding, type CoordinateStyle } from './citygml-writer';
import { plannedBuildings } from './planned-buildings';
import { BLOCK_U, BLOCK_V, blocksFromCentre, place, TOWN_ORIGIN } from './town-layout';

export interface GenerateTownOptions {
  /** Total number of top-level buildings, planned ones included. */
  buildings: number;
  seed: number;
  /** Market square, EPSG:25832 east/north. Default TOWN_ORIGIN (Isar valley west of Landshut). */
  origin?: [number, number];
  /** 'posList' (default, LDBV Bavaria) or 'pos': one gml:pos per point, as AdV LoD2-DE files from Hamburg. */
  coordinates?: CoordinateStyle;
}

/** Text is handed out in pieces of about this many characters. */
const CHUNK = 64 * 1024;
/** First id number of the ordinary buildings (DEBY_LOD2_8000001 …). */
const ID_BASE = 8_000_000;

export async function* generateTown(opts: GenerateTownOptions): AsyncGenerator<string> {
  const total = opts.buildings;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`buildings must be a whole number ≥ 0, got ${total}`);
  if (!Number.isInteger(opts.seed)) throw new RangeError(`seed must be a whole number, got ${opts.seed}`);
  const origin = opts.origin ?? TOWN_ORIGIN;
  const [lower, upper] = envelope(total, origin);
  let text = header(lower, upper);
  let written = 0;
  const emit = (b: Parameters<typeof writeBuilding>[0]) => {
    text += writeBuilding(b, opts.seed, written, opts.coordinates);
    written++;
  };

  for (const b of plannedBuildings(origin)) {
    if (written >= total) break;
    emit(b);
  }
  let counter = 0;
  const ctx: BlockContext = { seed: opts.seed, origin, nextId: () => `DEBY_LOD2_${ID_BASE + ++counter}` };
  for (const block of blocksFromCentre()) {
    if (written >= total) break;
    for (const b of blockBuildings(block, ctx)) {
      if (written >= total) break;
      emit(b);
      if (text.length >= CHUNK) {
        yield text;
        text = '';
      }
    }
  }
  yield text + FOOTER;
}

/** A generous envelope for a town of `total` buildings (at least 8 per block), heights 370–470 m. */
function envelope(total: number, origin: readonly [number, number]): [number[], number[]] {
  const rings = Math.ceil(Math.sqrt(Math.max(total, 1) / 8) / 2) + 1;
  const u = (rings + 0.5) * BLOCK_U;
  const v = (rings + 0.5) * BLOCK_V + 30;
  const corners = [place(-u, -v, origin), place(u, -v, origin), place(u, v, origin), place(-u, v, origin)];
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return [
    [Math.min(...xs), Math.min(...ys), 370],
    [Math.max(...xs), Math.max(...ys), 470],
  ];
}
