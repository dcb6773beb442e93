/**
 * Builds ParsedBuilding objects for tests: a box house with a gabled roof, in
 * EPSG:25832 with DHHN2016 heights by default. No mocks: real typed arrays, the
 * same shapes the CityGML reader hands over.
 */
import type { ParsedBuilding, SurfacePolygon, SurfaceType } from '../../workers/lib/citygml/building';

export interface HouseOptions {
  id?: string;
  /** South-west corner (easting, northing) and ground height. */
  x?: number;
  y?: number;
  z?: number;
  width?: number;
  depth?: number;
  eaves?: number;
  ridge?: number;
  srsName?: string;
  attributes?: Partial<ParsedBuilding['attributes']>;
  /** Leave every surface Unclassified (as LoD1 solids are). */
  unclassified?: boolean;
}

/** A closed ring from [x, y, z] points (the closing point is appended). */
export function ring(points: number[][]): Float64Array {
  return Float64Array.from([...points, points[0]].flat());
}

export function createHouse(o: HouseOptions = {}): ParsedBuilding {
  const { x = 691000, y = 5334000, z = 520, width = 10, depth = 8, eaves = 6, ridge = 9 } = o;
  const [x1, y1, zr, ze, zt] = [x + width, y + depth, z, z + eaves, z + ridge];
  const ym = y + depth / 2;
  const t = (type: SurfaceType): SurfaceType => (o.unclassified ? 'Unclassified' : type);
  const polygons: SurfacePolygon[] = [
    // Ground: counter-clockwise seen from below (outward normal down).
    { type: t('GroundSurface'), rings: [ring([[x, y, zr], [x, y1, zr], [x1, y1, zr], [x1, y, zr]])] },
    // Walls, counter-clockwise seen from outside.
    { type: t('WallSurface'), rings: [ring([[x, y, zr], [x1, y, zr], [x1, y, ze], [x, y, ze]])] }, // south
    { type: t('WallSurface'), rings: [ring([[x1, y1, zr], [x, y1, zr], [x, y1, ze], [x1, y1, ze]])] }, // north
    { type: t('WallSurface'), rings: [ring([[x1, y, zr], [x1, y1, zr], [x1, y1, ze], [x1, ym, zt], [x1, y, ze]])] }, // east gable
    { type: t('WallSurface'), rings: [ring([[x, y1, zr], [x, y, zr], [x, y, ze], [x, ym, zt], [x, y1, ze]])] }, // west gable
    // Roofs, counter-clockwise seen from above.
    { type: t('RoofSurface'), rings: [ring([[x, y, ze], [x1, y, ze], [x1, ym, zt], [x, ym, zt]])] },
    { type: t('RoofSurface'), rings: [ring([[x1, y1, ze], [x, y1, ze], [x, ym, zt], [x1, ym, zt]])] },
  ];
  return {
    id: o.id ?? `DEBY_LOD2_${Math.round(x)}_${Math.round(y)}`,
    attributes: { generic: {}, ...o.attributes },
    polygons,
    lod: 2,
    srsName: o.srsName ?? 'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH',
    line: 1,
    column: 1,
  };
}

/** A grid of houses, `spacing` metres apart, with attributes that differ per house. */
export function createTown(count: number, options: { spacing?: number; x?: number; y?: number } = {}): ParsedBuilding[] {
  const { spacing = 20, x = 691000, y = 5334000 } = options;
  const side = Math.ceil(Math.sqrt(count));
  const out: ParsedBuilding[] = [];
  for (let i = 0; i < count; i++) {
    const cx = x + (i % side) * spacing;
    const cy = y + Math.floor(i / side) * spacing;
    out.push(
      createHouse({
        id: `DEBY_LOD2_${String(i).padStart(7, '0')}`,
        x: cx,
        y: cy,
        ridge: 8 + (i % 5),
        attributes: {
          name: i % 3 === 0 ? `Haus ${i}` : undefined,
          function: i % 2 ? '31001_1000' : '31001_2000',
          roofType: '3100',
          measuredHeight: i % 4 === 0 ? undefined : 8 + (i % 5),
          storeysAboveGround: i % 5 === 0 ? undefined : 1 + (i % 3),
          yearOfConstruction: i % 7 === 0 ? undefined : 1900 + (i % 120),
          address: i % 2 ? `Hauptstraße ${i}, 84028 Landshut` : undefined,
          generic: i % 2 ? { Gemeindeschluessel: '09261000', DatenquelleDach: 1000 + (i % 3) } : { Gemeindeschluessel: '09261000' },
        },
      }),
    );
  }
  return out;
}
