/** The shared number scanner (src/core/formats/gml/number-scan.ts), kept under its old name for the CityGML reader. */
export * from '../../../src/core/formats/gml/number-scan';
