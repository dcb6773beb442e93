/**
 * Street names and house numbers for the demo town. Each east–west street is
 * split at the market square into two named streets, numbered outwards from
 * the centre: odd numbers on the north side, even on the south side.
 */
const PREFIXES = ['Linden', 'Birken', 'Ahorn', 'Eichen', 'Buchen', 'Kastanien', 'Mühl', 'Kirch', 'Schul', 'Garten', 'Berg', 'Isar', 'Anger', 'Wiesen', 'Feld', 'Hopfen', 'Brunnen', 'Sonnen', 'Rosen', 'Fichten', 'Tannen', 'Weiden', 'Erlen', 'Eschen'];
const SUFFIXES = ['straße', 'weg', 'gasse', 'ring', 'allee', 'steig'];
const CENTRE = ['Hauptstraße', 'Bahnhofstraße', 'Am Anger', 'Marktstraße', 'Kirchgasse', 'Landshuter Straße'];

/** Name of the east–west street on line `line` (the south edge of block row `line`), east or west half. */
export function streetName(line: number, east: boolean): string {
  const zigzag = line >= 0 ? 2 * line : -2 * line - 1;
  const k = 2 * zigzag + (east ? 0 : 1);
  if (k < CENTRE.length) return CENTRE[k];
  const n = k - CENTRE.length;
  const base = PREFIXES[n % PREFIXES.length] + SUFFIXES[Math.floor(n / PREFIXES.length) % SUFFIXES.length];
  const round = Math.floor(n / (PREFIXES.length * SUFFIXES.length));
  return round === 0 ? base : `${base} ${round + 1}`;
}

/** House number from the distance along the street (lots are at least 9 m apart, so numbers never repeat on one side). */
export function houseNumber(distance: number, northSide: boolean): number {
  return 2 * Math.floor(Math.abs(distance) / 9) + (northSide ? 1 : 2);
}
