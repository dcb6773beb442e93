/** The unit vector towards the sun in a local east-north-up frame, from azimuth (from north, clockwise) and elevation. */
export function sunDirectionEnu(azimuthDeg: number, elevationDeg: number, target: { x: number; y: number; z: number } = { x: 0, y: 0, z: 0 }) {
  const az = (azimuthDeg * Math.PI) / 180;
  const el = (elevationDeg * Math.PI) / 180;
  target.x = Math.cos(el) * Math.sin(az); // east
  target.y = Math.cos(el) * Math.cos(az); // north
  target.z = Math.sin(el); // up
  return target;
}

/**
 * DIN EN 17037:2019 (EN 17037:2018) exposure to sunlight, Annex A: on the reference day (between 1 February
 * and 21 March; TwinBy uses 21 March) a point counts sun only while the sun stands above a minimum altitude
 * that the standard tabulates by latitude. The table was not at hand while this was written; 11° is the value
 * commonly quoted for central Europe and is a parameter (`minAltitude`) everywhere it is used, so it can be
 * set to the standard's figure for the site.
 */
export const en17037 = {
  referenceMonth: 3,
  referenceDay: 21,
  defaultMinAltitude: 11,
  /** Hours of possible sunlight for the levels minimum, medium and high. */
  levels: [
    { level: 'minimum', hours: 1.5 },
    { level: 'medium', hours: 3 },
    { level: 'high', hours: 4 },
  ] as const,
};

export type En17037Level = 'none' | 'minimum' | 'medium' | 'high';

/** The EN 17037 level a number of sun hours reaches. */
export function en17037Level(hours: number): En17037Level {
  if (hours >= 4) return 'high';
  if (hours >= 3) return 'medium';
  if (hours >= 1.5) return 'minimum';
  return 'none';
}
