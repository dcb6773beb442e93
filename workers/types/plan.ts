/**
 * Plain plan input for compliance checks, independent of any XPlanung reader: polygons in the same
 * projected CRS as the footprints, regulations as numbers. See xplan-adapter.ts for XPlanung objects.
 */

/** BP_BaugebietsTeilFlaeche → 'baugebiet'; BP_UeberbaubareGrundstuecksFlaeche (Baufenster) → 'baufenster'. */
export type PlanZoneKind = 'baugebiet' | 'baufenster';

/** One XP_Hoehenangabe. Codes are XPlanung's (bezugspunkt 2000 = FH, 1000 = TH …; hoehenbezug 1000 = absolutNHN, 2000 = relativGelaendeoberkante …). */
export interface HeightLimit {
  /** Upper bound, metres: hMax, else h, else hZwingend. */
  max?: number | null;
  /** Lower bound, metres: hMin (or hZwingend). */
  min?: number | null;
  bezugspunkt?: number | null;
  hoehenbezug?: number | null;
  /** For hoehenbezug 3000 (relativBezugshoehe): the Bezugshöhe in metres NHN. */
  bezugshoehe?: number | null;
}

export interface PlanZone {
  /** Unique in the plan, e.g. the gml:id. */
  id: string;
  kind: PlanZoneKind;
  /** Short label for texts, e.g. "WA 1"; defaults to the id. */
  label?: string;
  /** Polygons (exterior ring, then holes; x,y interleaved) in the footprints' CRS. */
  polygons: Float64Array[][];
  /** Grundflächenzahl: permitted footprint area / zone area. */
  grz?: number | null;
  /** Geschossflächenzahl: permitted gross floor area / zone area (checked for planning scenarios). */
  gfz?: number | null;
  /** Grundfläche: permitted footprint area in m². */
  gr?: number | null;
  /** Höchstzahl der Vollgeschosse. */
  z?: number | null;
  zMax?: number | null;
  /** Zwingende Zahl der Vollgeschosse: exactly this many. */
  zZwingend?: number | null;
  heights?: HeightLimit[];
}

/** BP_BauGrenze: buildings must not cross it. BP_BauLinie is read but not checked (building on the line is not decidable from footprints alone). */
export interface PlanLine {
  id: string;
  kind: 'baugrenze' | 'baulinie';
  /** x,y interleaved, footprints' CRS. */
  coords: Float64Array;
}

export interface PlanInput {
  /** EPSG code of all coordinates; must equal the footprints'. */
  epsg: number;
  zones: PlanZone[];
  lines?: PlanLine[];
}
