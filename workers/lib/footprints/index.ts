export type { FootprintSet, FootprintAttributes } from './footprint-set';
export { encodeFootprints, decodeFootprints, FootprintFormatError, FOOTPRINT_MAGIC, FOOTPRINT_VERSION } from './footprint-codec';
export type { DecodeOptions } from './footprint-codec';
export { buildFootprintSet, footprintPolygons } from './footprint-builder';
export type { PlainFootprint, PlainPolygon } from './footprint-builder';
