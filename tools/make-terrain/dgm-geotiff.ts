/**
 * Writes synthetic DGM GeoTIFFs (Float32, one band, EPSG:25832 by default, DHHN2016 heights, PixelIsArea) with
 * geotiff's writer: the demo's terrain and the tests' hills. Pure: returns the bytes.
 */
import { writeArrayBuffer, type GeotiffWriterMetadata } from 'geotiff';

export interface DgmSpec {
  /** Easting/northing of the north-west pixel's centre. */
  west: number;
  north: number;
  /** Pixel size in metres. */
  step: number;
  columns: number;
  rows: number;
  /** Height (DHHN2016 metres) at an easting/northing. */
  height(e: number, n: number): number;
  epsg?: number;
  /** Extra GeoKeys or tags (e.g. to write a broken file on purpose). */
  metadata?: Partial<GeotiffWriterMetadata> & Record<string, unknown>;
}

export function dgmGeoTiff(spec: DgmSpec): ArrayBuffer {
  const values = new Float32Array(spec.columns * spec.rows);
  for (let j = 0; j < spec.rows; j++) {
    for (let i = 0; i < spec.columns; i++) values[j * spec.columns + i] = spec.height(spec.west + i * spec.step, spec.north - j * spec.step);
  }
  const metadata: GeotiffWriterMetadata & Record<string, unknown> = {
    width: spec.columns,
    height: spec.rows,
    // the tiepoint is the north-west pixel's outer corner (PixelIsArea)
    ModelTiepoint: [0, 0, 0, spec.west - spec.step / 2, spec.north + spec.step / 2, 0],
    ModelPixelScale: [spec.step, spec.step, 0],
    GTModelTypeGeoKey: 1,
    GTRasterTypeGeoKey: 1,
    ProjectedCSTypeGeoKey: spec.epsg ?? 25832,
    VerticalCSTypeGeoKey: 7837,
    ...spec.metadata,
  };
  return writeArrayBuffer(values, metadata);
}

/** A round hill: `peak` metres above `base` at (e0, n0), a Gaussian of the given radius (metres, 1σ). */
export function hill(e0: number, n0: number, base: number, peak: number, radius: number): (e: number, n: number) => number {
  return (e, n) => base + peak * Math.exp(-((e - e0) ** 2 + (n - n0) ** 2) / (2 * radius * radius));
}
