/**
 * Reads the GML inside one geometry property (lod2Solid, lod2MultiSurface …) into the building's
 * GeometryStore through the shared GML geometry parser (src/core/formats/gml/geometry-parser.ts, which
 * the WFS/XPlanung reader uses too). Here: LoD and surface context, gml:ids of surfaces and aggregates
 * for xlinks, rings as x,y,z (a 2D ring gets z = 0), and problems as located warnings. A bad polygon is
 * reported and skipped; the rest stays.
 */
import { GeometryParser as GmlParser } from '../../../src/core/formats/gml/geometry-parser';
import { withDimension, type GeometrySink, type Positions } from '../../../src/core/formats/gml/geometry-sink';
import { CoordinateSlab } from '../../../src/core/formats/gml/coordinate-slab';
import { gmlId, type Attributes } from '../../../src/core/formats/xml/xml-names';
import type { GeometryContext, GeometryStore } from './geometry-store';
import { REFERENCEABLE } from './vocabulary';

export interface GeometryEvents {
  warn(code: string, message: string, line: number, column: number): void;
  /** A srsName seen on a geometry element. */
  srsName(name: string): void;
}

interface OpenId {
  id: string;
  start: number;
  outerFlip: boolean;
}

/** CityGML files without srsDimension are 3D. */
// rings from slabs: they are copied into the mesh in this thread, never transferred on their own
const OPTIONS = { defaultDimension: 3, arcTolerance: 0.01, slab: new CoordinateSlab() } as const;

/**
 * One per reader, reused for every building (the shared parser's buffers are the costly part to allocate).
 * The building collector hands the elements inside a geometry property straight to `gml`.
 */
export class GeometryParser implements GeometrySink {
  readonly gml = new GmlParser();
  private store!: GeometryStore;
  private events!: GeometryEvents;
  private ctx: GeometryContext = { lod: 0, type: 'Unclassified', hidden: false, sub: 0 };
  private openIds: OpenId[] = [];
  private startItems = 0;
  private sawContent = false;
  private beginLine = 0;
  private beginColumn = 0;

  /** Starts a building: polygons go to `store`, problems to `events`. */
  attach(store: GeometryStore, events: GeometryEvents): void {
    this.store = store;
    this.events = events;
  }

  /** The geometry property element opened (an xlink:href on it is a reference). */
  begin(ctx: GeometryContext, attrs: Attributes, line: number, column: number): void {
    this.ctx = ctx;
    this.openIds.length = 0;
    this.startItems = this.store.size;
    this.sawContent = false;
    this.beginLine = line;
    this.beginColumn = column;
    this.gml.reset(this, OPTIONS);
    this.gml.open('', attrs, line, column);
  }

  /** The geometry property element closed; reports it (at its start) when it held nothing. */
  end(name: string): void {
    this.gml.close(name);
    if (!this.sawContent && this.store.size === this.startItems) {
      this.events.warn('empty-geometry', `<${name}> contains no geometry.`, this.beginLine, this.beginColumn);
    }
  }

  /** Surfaces and aggregates with a gml:id: xlinks may name them, so the polygons inside are remembered. */
  opened(local: string, attrs: Attributes, outerFlip: boolean): boolean {
    const id = REFERENCEABLE.has(local) ? gmlId(attrs) : undefined;
    if (id !== undefined) this.openIds.push({ id, start: this.store.size, outerFlip });
    return id !== undefined;
  }

  closed(): void {
    const open = this.openIds.pop()!;
    this.store.registerId(open.id, open.start, this.store.size, open.outerFlip);
  }

  polygon(rings: Positions[], flip: boolean): void {
    this.sawContent = true;
    this.store.addPolygon(rings.map((r) => withDimension(r.coords, r.dim, 3)), this.ctx, flip);
  }

  curve(): void {}

  reference(href: string, flip: boolean, line: number, column: number): void {
    this.sawContent = true;
    if (href.charCodeAt(0) === 35 /* # */) this.store.addRef(href.slice(1), this.ctx, flip, line, column);
    else this.events.warn('external-xlink', `The xlink "${href}" points outside this building and is ignored.`, line, column);
  }

  problem(code: string, message: string, line: number, column: number, inPolygon: boolean): void {
    if (inPolygon) this.sawContent = true;
    this.events.warn(code, inPolygon ? `${message}; polygon skipped.` : `${message}.`, line, column);
  }

  warn(code: string, message: string, line: number, column: number): void {
    this.events.warn(code, message, line, column);
  }

  srsName(name: string): void {
    this.events.srsName(name);
  }
}
