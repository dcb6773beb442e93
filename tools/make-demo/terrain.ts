/**
 * Ground height of the demo town in DHHN2016 metres: an Isar-valley floor
 * around 400 m with gentle swells, always within 382–418 m. It depends only
 * on the offset from the town origin, so the town looks the same anywhere.
 */
export function groundHeight(dx: number, dy: number): number {
  return 400 + 9 * Math.sin(dx / 640 + 0.7) + 6 * Math.cos(dy / 410 - 0.4) + 3 * Math.sin((dx + 2 * dy) / 260);
}
