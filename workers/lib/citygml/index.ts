// Public surface of the CityGML reader.
export { readCityGML, type ReadCityGMLOptions } from './read-citygml';
export { CityGMLError } from './citygml-error';
export type { BuildingAttributes, ConvertWarning, ParsedBuilding, SurfacePolygon, SurfaceType } from './building';
