/**
 * A glTF binary model placed by EPSG:25832 easting/northing, NHN height (or the ground nearby),
 * heading and scale, as a one-tile 3D Tiles tileset: the tile's transform is the ENU frame at the
 * anchor (ellipsoidal height from the EGM96 geoid, as the converter does), turned and scaled.
 */
import { enuToEcef, loadGeoid, toWgs84 } from '../../../src/core/geo/index';

export interface ModelPlacement {
  easting: number;
  northing: number;
  /** Metres NHN. */
  height: number;
  heading?: number;
  scale?: number;
}

/** Metres around the anchor that the tile's bounding sphere covers, before scaling. */
const MODEL_RADIUS = 150;

export async function modelTilesetJson(place: ModelPlacement, contentUri: string): Promise<Uint8Array> {
  const [lon, lat] = toWgs84(25832)(place.easting, place.northing);
  const n = (await loadGeoid()).undulation(lon, lat);
  const frame = enuToEcef(lon, lat, place.height + (Number.isFinite(n) ? n : 0));
  const scale = place.scale ?? 1;
  const h = ((place.heading ?? 0) * Math.PI) / 180;
  // clockwise from north in the east/north/up frame: a rotation about up by −heading
  const c = Math.cos(h) * scale;
  const s = Math.sin(h) * scale;
  const local = [c, -s, 0, 0, s, c, 0, 0, 0, 0, scale, 0, 0, 0, 0, 1];
  const transform = multiply(frame, local);
  const tileset = {
    asset: { version: '1.1', generator: 'TwinBy scenario' },
    geometricError: 0,
    root: { transform, boundingVolume: { sphere: [0, 0, 0, MODEL_RADIUS] }, geometricError: 0, refine: 'ADD', content: { uri: contentUri } },
  };
  return new TextEncoder().encode(JSON.stringify(tileset));
}

/** Column-major 4 × 4 product a · b. */
function multiply(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out = new Array<number>(16).fill(0);
  for (let col = 0; col < 4; col++) for (let row = 0; row < 4; row++) for (let k = 0; k < 4; k++) out[col * 4 + row] += a[k * 4 + row] * b[col * 4 + k];
  return out;
}
