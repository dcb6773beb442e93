export { parseSrsName, isLatLonAxisOrder, isGeographic, HORIZONTAL_CRS } from './crs';
export type { CrsInfo, VerticalDatum } from './crs';
export { toWgs84, fromWgs84, hasProjection, PROJ_DEFINITIONS, WGS84_PROJ } from './projections';
export type { ToWgs84 } from './projections';
export { parseGeoidOption, createHeightModel, loadGeoid } from './geoid';
export type { GeoidSetting, Geoid, HeightModel } from './geoid';
export { geodeticToEcef, ecefToGeodetic, enuToEcef, invertRigid, multiplyMatrices, transformPoint, WGS84_A, WGS84_F } from './enu';
export { crsArea, outsideCrsArea, HEIGHT_RANGE } from './crs-area';
export type { CrsArea } from './crs-area';
