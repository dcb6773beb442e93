import {
  ClassificationType,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  GroundPolylineGeometry,
  GroundPolylinePrimitive,
  GroundPrimitive,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineColorAppearance,
  Primitive,
  Cartesian3,
  type PrimitiveCollection,
} from '@cesium/engine';
import type { OverlayData, OverlayFeature, OverlayStyle } from '../../core/index.js';
import type { OverlayGround } from './overlay-ground.js';

/** What a picked overlay primitive carries as its instance id. */
export interface OverlayHitId {
  overlayId: string;
  feature: OverlayFeature;
}

export function isOverlayHitId(value: unknown): value is OverlayHitId {
  return typeof value === 'object' && value !== null && 'overlayId' in value && 'feature' in value;
}

function positions(lonLat: Float64Array): Cartesian3[] {
  return Cartesian3.fromDegreesArray(Array.from(lonLat));
}

/** Drops the closing point of a ring that repeats its first (PolygonGeometry closes rings itself). */
function openRing(ring: Float64Array): Float64Array {
  const n = ring.length;
  return n >= 4 && ring[0] === ring[n - 2] && ring[1] === ring[n - 1] ? ring.subarray(0, n - 2) : ring;
}

function hierarchy(rings: Float64Array[]): PolygonHierarchy {
  const [outer, ...holes] = rings.map((r) => positions(openRing(r)));
  return new PolygonHierarchy(outer, holes.map((h) => new PolygonHierarchy(h)));
}

function fillOf(style: OverlayStyle): Color {
  return Color.fromCssColorString(style.fill ?? '#808080').withAlpha(style.fillOpacity ?? 0.5);
}

function strokeOf(style: OverlayStyle): Color {
  return Color.fromCssColorString(style.stroke ?? style.fill ?? '#404040');
}

/**
 * A vector overlay (e.g. a Bebauungsplan) as Cesium primitives, built synchronously so it shows in the next frame:
 * areas and lines draped on the terrain only (classification: never on a roof), volumes extruded between heights.
 * A volume "on the ground" stands at the lowest ground under its outline, one flat base per feature as on the three
 * engine (its top, a height above ground, stays level); it is rebuilt when the ground changes (a terrain on or off).
 */
export class CesiumOverlayLayer {
  private readonly primitives: Array<GroundPrimitive | GroundPolylinePrimitive | Primitive> = [];
  private readonly unsubscribe: () => void;

  constructor(
    readonly data: OverlayData,
    private readonly collection: PrimitiveCollection,
    private readonly ground: OverlayGround,
  ) {
    this.build();
    const grounded = data.features.some((f) => f.kind === 'extruded-polygon' && f.baseHeight === null);
    this.unsubscribe = grounded ? ground.subscribe(() => this.rebuild()) : () => {};
  }

  private rebuild(): void {
    this.removeAll();
    this.build();
  }

  private build(): void {
    const data = this.data;
    const draped: GeometryInstance[] = [];
    const volumes: GeometryInstance[] = [];
    const lines: GeometryInstance[] = [];
    for (const feature of data.features) {
      const id: OverlayHitId = { overlayId: data.id, feature };
      if (feature.kind === 'draped-polygon') {
        if (!feature.rings.length || feature.rings[0].length < 6) continue;
        draped.push(new GeometryInstance({ id, geometry: new PolygonGeometry({ polygonHierarchy: hierarchy(feature.rings) }), attributes: { color: ColorGeometryInstanceAttribute.fromColor(fillOf(feature.style)) } }));
        if (feature.style.stroke) lines.push(this.line(id, feature.rings[0], feature.style));
      } else if (feature.kind === 'extruded-polygon') {
        if (!feature.rings.length || feature.rings[0].length < 6) continue;
        const groundHeight = feature.baseHeight === null ? this.ground.lowestUnder(feature.rings) : 0;
        const base = feature.baseHeight ?? groundHeight;
        const top = feature.baseHeight === null ? groundHeight + feature.topHeight : feature.topHeight;
        const geometry = new PolygonGeometry({ polygonHierarchy: hierarchy(feature.rings), height: base, extrudedHeight: top });
        volumes.push(new GeometryInstance({ id, geometry, attributes: { color: ColorGeometryInstanceAttribute.fromColor(fillOf(feature.style)) } }));
      } else if (feature.kind === 'ground-line' && feature.coords.length >= 4) {
        lines.push(this.line(id, feature.coords, feature.style));
      }
    }
    const translucent = (instances: GeometryInstance[]) => instances.some((i) => (i.id as OverlayHitId).feature.style.fillOpacity !== 1);
    if (draped.length) {
      this.add(new GroundPrimitive({ geometryInstances: draped, classificationType: ClassificationType.TERRAIN, asynchronous: false, appearance: new PerInstanceColorAppearance({ flat: true, translucent: translucent(draped) }) }));
    }
    if (volumes.length) {
      this.add(new Primitive({ geometryInstances: volumes, asynchronous: false, appearance: new PerInstanceColorAppearance({ translucent: translucent(volumes), closed: true }) }));
    }
    if (lines.length) {
      this.add(new GroundPolylinePrimitive({ geometryInstances: lines, classificationType: ClassificationType.TERRAIN, asynchronous: false, appearance: new PolylineColorAppearance() }));
    }
  }

  dispose(): void {
    this.unsubscribe();
    this.removeAll();
  }

  private removeAll(): void {
    for (const p of this.primitives) this.collection.remove(p); // the collection destroys them
    this.primitives.length = 0;
  }

  private add(primitive: GroundPrimitive | GroundPolylinePrimitive | Primitive): void {
    this.primitives.push(primitive);
    this.collection.add(primitive);
  }

  private line(id: OverlayHitId, coords: Float64Array, style: OverlayStyle): GeometryInstance {
    return new GeometryInstance({
      id,
      geometry: new GroundPolylineGeometry({ positions: positions(coords), width: Math.max(1, style.strokeWidth ?? 2) }),
      attributes: { color: ColorGeometryInstanceAttribute.fromColor(strokeOf(style)) },
    });
  }
}
