/**
 * Engine-neutral vector overlay, e.g. a Bebauungsplan: what a layer hands to an engine.
 * Coordinates are longitude/latitude in degrees (WGS84) and heights in metres above the ellipsoid,
 * so any engine can place them; the three engine converts them to its ENU frame.
 */
export interface OverlayStyle {
  /** CSS colour, e.g. "#f4c6c6". */
  fill?: string;
  /** 0–1. */
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  /** [dash, gap] in metres; absent = solid. */
  dash?: [number, number];
}

export interface OverlayFeatureBase {
  /** Unique within the overlay; used for picking. */
  id: string;
  style: OverlayStyle;
  /** Shown in the info panel, already localised; values are plain text. */
  properties: Record<string, string | number | boolean | null>;
}

/** A polygon draped on the ground (below buildings). rings[0] exterior, then holes; each ring lon,lat pairs. */
export interface DrapedPolygon extends OverlayFeatureBase {
  kind: 'draped-polygon';
  rings: Float64Array[];
  /** Render-ready triangles over the rings' vertices (a closing point that repeats the first left out), as the data worker gives them. */
  triangles?: Uint32Array;
  /** Drawing order among draped polygons; higher draws on top. */
  zIndex?: number;
}

/** A polygon extruded between two ellipsoidal heights: e.g. a Baufenster up to its permitted height. */
export interface ExtrudedPolygon extends OverlayFeatureBase {
  kind: 'extruded-polygon';
  rings: Float64Array[];
  /** As for draped polygons. */
  triangles?: Uint32Array;
  /** Ellipsoidal height of the base, metres; null = on the terrain/ground of the scene. */
  baseHeight: number | null;
  /** Ellipsoidal height of the top, metres (or, when baseHeight is null, metres above the ground). */
  topHeight: number;
}

/** A line on the ground: lon,lat pairs. */
export interface GroundLine extends OverlayFeatureBase {
  kind: 'ground-line';
  coords: Float64Array;
}

export type OverlayFeature = DrapedPolygon | ExtrudedPolygon | GroundLine;

/** Refuses what is not overlay data, the same in every engine. */
export function assertOverlayData(data: OverlayData): void {
  if (!data || typeof data.id !== 'string' || !Array.isArray(data.features)) {
    throw new TypeError('addOverlay: data needs a string "id" and a "features" array');
  }
}

export interface OverlayData {
  /** Layer id, unique in the viewer. */
  id: string;
  features: OverlayFeature[];
}
