/**
 * GeoTIFF DGM (digital terrain model, e.g. Bavaria's DGM1: Float32, EPSG:25832, DHHN2016 heights) → a
 * HeightGrid with ellipsoidal heights. Sizes are checked from the header before any raster is allocated;
 * a raster larger than the grid limit is read in bands and thinned, so memory stays bounded by the limit.
 */
import { fromArrayBuffer, type GeoTIFFImage } from 'geotiff';
import type { HeightGrid } from '../../../src/core/terrain/height-grid';
import { HORIZONTAL_CRS, isGeographic, type VerticalDatum } from '../../../src/core/geo/crs';
import { createHeightModel, parseGeoidOption } from '../../../src/core/geo/geoid';
import { hasProjection, toWgs84 } from '../../../src/core/geo/projections';

export interface DgmLimits {
  /** Samples per side of the grid handed over; larger rasters are thinned to this (default 1025). */
  maxSide?: number;
  /** Pixels per side a file may declare at all (default 100 000). */
  maxSourceSide?: number;
}

export interface DgmOptions extends DgmLimits {
  /** Name for messages. */
  file: string;
  /** Overrides or supplies the horizontal CRS, e.g. "EPSG:25832". */
  crs?: string;
  /** Geoid: 'auto' (EGM96 for normal heights), 'none' or metres, as for the converter. */
  geoid?: string | number;
}

export class DgmError extends Error {
  override name = 'DgmError';
}

const DEFAULT_MAX_SIDE = 1025;
const DEFAULT_MAX_SOURCE_SIDE = 100_000;
/** Values this far from sea level are no heights on earth: read as no data (DGM nodata is often -9999 or -32767). */
const PLAUSIBLE = 12_000;
const VERTICAL: Record<number, VerticalDatum> = { 7837: 'DHHN2016', 5783: 'DHHN92', 5784: 'NN' };

export async function readDgm(bytes: ArrayBuffer, options: DgmOptions): Promise<HeightGrid> {
  const { file } = options;
  const fail = (what: string): never => {
    throw new DgmError(`${file}: ${what}`);
  };
  let image: GeoTIFFImage;
  try {
    const tiff = await fromArrayBuffer(bytes);
    image = await tiff.getImage(0);
  } catch (error) {
    return fail(`not a readable GeoTIFF (${(error as Error).message})`);
  }
  const width = image.getWidth();
  const height = image.getHeight();
  const maxSourceSide = options.maxSourceSide ?? DEFAULT_MAX_SOURCE_SIDE;
  if (!(width >= 2 && height >= 2)) fail(`the raster is ${width} × ${height} pixels; a terrain needs at least 2 × 2`);
  if (width > maxSourceSide || height > maxSourceSide) fail(`the raster is ${width} × ${height} pixels, more than the ${maxSourceSide} per side TwinBy reads; cut it into tiles (e.g. gdal_retile.py)`);
  if (image.getSamplesPerPixel() !== 1) fail(`has ${image.getSamplesPerPixel()} bands; a DGM has one band of heights`);

  const keys = (image.getGeoKeys() ?? {}) as Record<string, number | undefined>;
  const epsg = crsOf(keys, options.crs, fail);
  let origin: number[];
  let resolution: number[];
  try {
    origin = image.getOrigin();
    resolution = image.getResolution();
  } catch (error) {
    return fail(`has no georeference (ModelTiepoint/ModelPixelScale or ModelTransformation): ${(error as Error).message}`);
  }
  const transformation = image.fileDirectory.getValue('ModelTransformation') as number[] | undefined;
  if (transformation && (transformation[1] !== 0 || transformation[4] !== 0)) fail('is rotated (ModelTransformation with rotation terms), which TwinBy does not read');
  const stepX = resolution[0];
  const stepY = -resolution[1];
  if (!(stepX > 0 && stepY > 0) || !origin.every(Number.isFinite)) fail(`has an unusable georeference (origin ${origin.join(', ')}, pixel size ${resolution.join(', ')})`);

  // PixelIsArea (the default): a pixel's value belongs to its centre; PixelIsPoint: to its top-left corner
  const half = keys.GTRasterTypeGeoKey === 2 ? 0 : 0.5;
  const maxSide = options.maxSide ?? DEFAULT_MAX_SIDE;
  const thin = Math.max(1, Math.ceil((Math.max(width, height) - 1) / (maxSide - 1)));
  const columns = Math.floor((width - 1) / thin) + 1;
  const rows = Math.floor((height - 1) / thin) + 1;
  const heights = new Float32Array(columns * rows);
  const noData = image.getGDALNoData();
  await readThinned(image, heights, columns, rows, thin, fail);

  const toLonLat = toWgs84(epsg);
  const originX = origin[0] + half * stepX;
  const originY = origin[1] - half * stepY;
  if (isGeographic(epsg) && (Math.abs(originX) > 180 || Math.abs(originY) > 90)) fail(`says EPSG:${epsg} (degrees) but its origin is ${originX}, ${originY}`);
  const datum = VERTICAL[keys.VerticalCSTypeGeoKey ?? 0] ?? 'unknown';
  const model = await createHeightModel({ epsg, verticalDatum: datum, name: HORIZONTAL_CRS[epsg] ?? `EPSG:${epsg}` }, parseGeoidOption(options.geoid));
  const ll = [0, 0];
  // the geoid changes by centimetres over kilometres: one offset per thinned row band and column band is plenty
  const offsetStep = 64;
  let min = Infinity;
  let max = -Infinity;
  let offset = 0;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const k = j * columns + i;
      const h = heights[k];
      if (!Number.isFinite(h) || h === noData || Math.abs(h) > PLAUSIBLE) {
        heights[k] = NaN;
        continue;
      }
      if (i % offsetStep === 0) {
        toLonLat(originX + i * thin * stepX, originY - j * thin * stepY, ll);
        offset = model.offset(ll[0], ll[1]);
        if (Number.isNaN(offset)) fail(`lies outside the geoid model's area (${ll[0].toFixed(4)}°, ${ll[1].toFixed(4)}°): name an offset with geoid="<metres>"`);
      }
      const e = h + offset;
      heights[k] = e;
      if (e < min) min = e;
      if (e > max) max = e;
    }
  }
  if (min === Infinity) fail('has no heights: every value is no data');
  return { source: file, epsg, columns, rows, originX, originY, stepX: stepX * thin, stepY: stepY * thin, heights, min, max, heightNote: model.description };
}

function crsOf(keys: Record<string, number | undefined>, override: string | undefined, fail: (what: string) => never): number {
  if (override) {
    const m = /(?:EPSG:+|epsg\/0\/)(\d+)$/i.exec(override.trim()) ?? /^(\d+)$/.exec(override.trim());
    const code = m ? Number(m[1]) : NaN;
    if (!hasProjection(code)) fail(`crs "${override}" is not one TwinBy can reproject (e.g. EPSG:25832)`);
    return code;
  }
  const projected = keys.ProjectedCSTypeGeoKey;
  const geographic = keys.GeographicTypeGeoKey;
  const code = projected ?? (keys.GTModelTypeGeoKey === 2 ? geographic : undefined);
  if (code === undefined) fail('names no CRS (no ProjectedCSTypeGeoKey); say which with crs="EPSG:25832"');
  if (code === 32767) fail('has a user-defined CRS (GeoKey 32767) without an EPSG code; name it with crs="EPSG:…"');
  if (!hasProjection(code as number)) fail(`is in EPSG:${code}, a CRS TwinBy cannot reproject; reproject it (e.g. to EPSG:25832) or name the CRS with crs="…"`);
  return code as number;
}

/** Reads every `thin`-th row and column, in bands of source rows, so no more than ~4 M source pixels are held at once. */
async function readThinned(image: GeoTIFFImage, heights: Float32Array, columns: number, rows: number, thin: number, fail: (what: string) => never): Promise<void> {
  const width = image.getWidth();
  const bandRows = Math.max(1, Math.floor(4_000_000 / width));
  for (let j0 = 0; j0 < rows; ) {
    const j1 = Math.min(rows, j0 + Math.max(1, Math.floor(bandRows / thin)));
    const top = j0 * thin;
    const bottom = (j1 - 1) * thin + 1;
    let band: ArrayLike<number>;
    try {
      band = (await image.readRasters({ window: [0, top, width, bottom], samples: [0], interleave: true })) as unknown as ArrayLike<number>;
    } catch (error) {
      return fail(`rows ${top}–${bottom - 1} cannot be read (${(error as Error).message})`);
    }
    for (let j = j0; j < j1; j++) {
      const row = (j * thin - top) * width;
      for (let i = 0; i < columns; i++) heights[j * columns + i] = band[row + i * thin];
    }
    j0 = j1;
  }
}
