export type { FootprintSet, FootprintAttributes } from '../../types/footprints';
