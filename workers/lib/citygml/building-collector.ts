/**
 * Everything inside one top-level <Building>: routes each element to the
 * geometry parser (inside lodN… properties), to the attribute reader (direct
 * children such as function or address), or skips it. Tracks, per element
 * depth, the thematic surface class, BuildingPart index and interior flag
 * that geometry below inherits. `finish()` turns it into a ParsedBuilding.
 */
import type { BuildingAttributes, ConvertWarning, ParsedBuilding } from './building';
import { applyAttribute, ATTRIBUTE_ELEMENTS } from './attribute-collector';
import type { GeometryEvents, GeometryParser } from './geometry-parser';
import { GeometryStore, MAX_XLINK_WORK } from './geometry-store';
import { aggregateParts, summarizePart } from './building-parts';
import { TreeBuilder } from '../../../src/core/formats/xml/xml-tree';
import { BUILDING, geometryLod, IGNORED, INTERIOR, lod0SurfaceType, PART, SURFACE_TYPES } from './vocabulary';
import { gmlId, type Attributes } from '../../../src/core/formats/xml/xml-names';
import type { SurfaceType } from './building';

const enum Mode {
  Normal,
  Geometry,
  Attribute,
  Skip,
}

export interface BuildingStart {
  id: string;
  /** srsName on the Building element itself. */
  srsName?: string;
  /** srsName inherited from ancestors or the root boundedBy envelope. */
  inheritedSrsName?: string;
  defaultSrsName?: string;
  file?: string;
  line: number;
  column: number;
}

export class BuildingCollector implements GeometryEvents {
  private readonly attributes: BuildingAttributes = { generic: {} };
  private readonly store = new GeometryStore();
  /** The subtree of the attribute being read; capped, so a hostile file cannot grow it without bound. */
  private readonly tree = new TreeBuilder({ maxElements: 10_000, maxText: 100_000 });

  private depth = 0;
  private mode = Mode.Normal;
  private modeDepth = 0;
  private types: SurfaceType[] = ['Unclassified'];
  private hidden: boolean[] = [false];
  private subs: number[] = [0];
  private subCount = 0;
  /** Per BuildingPart (by sub index): its depth, gml:id and own attributes. */
  private parts = new Map<number, { depth: number; id: string; attributes: BuildingAttributes }>();
  /** Where the attribute being read goes: the building's or a part's. */
  private attributeTarget: BuildingAttributes = this.attributes;

  /** srsName candidates, best first: on geometry, on the building or its envelope, on a nested envelope. */
  private geometrySrs: string | undefined;
  private ownSrs: string | undefined;
  private nestedSrs: string | undefined;
  private mixedSrsReported = false;

  constructor(
    private readonly start: BuildingStart,
    private readonly onWarning: ((w: ConvertWarning) => void) | undefined,
    private readonly geometry: GeometryParser,
  ) {
    this.ownSrs = start.srsName;
    geometry.attach(this.store, this);
  }

  /** An element inside the building opened; returns true when its text is wanted. */
  open(local: string, attrs: Attributes, line: number, column: number): boolean {
    const r = ++this.depth;
    if (this.mode === Mode.Geometry) return this.geometry.gml.open(local, attrs, line, column);
    if (this.mode === Mode.Attribute) {
      this.tree.openTag(local, attrs, line, column);
      return true;
    }
    if (this.mode === Mode.Skip) return false;

    let type = this.types[r - 1];
    let hidden = this.hidden[r - 1];
    let sub = this.subs[r - 1];
    const lod = geometryLod(local);
    if (lod !== undefined) {
      if (lod < 0) return this.enter(Mode.Skip, r);
      this.enter(Mode.Geometry, r);
      this.geometry.begin({ lod, type: lod0SurfaceType(local) ?? type, hidden, sub }, attrs, line, column);
      return false;
    }
    const part = sub > 0 ? this.parts.get(sub) : undefined;
    if ((r === 1 || (part && r === part.depth + 1)) && ATTRIBUTE_ELEMENTS.has(local)) {
      this.attributeTarget = r === 1 ? this.attributes : part!.attributes;
      this.enter(Mode.Attribute, r);
      this.tree.openTag(local, attrs, line, column);
      return true;
    }
    if (local === 'Envelope') {
      const srs = attrs.srsName;
      if (srs !== undefined) {
        if (r === 2) this.ownSrs ??= srs;
        else this.nestedSrs ??= srs;
      }
      return this.enter(Mode.Skip, r);
    }
    if (SURFACE_TYPES.has(local)) type = local as SurfaceType;
    else if (INTERIOR.has(local)) hidden = true;
    else if (local === PART || local === BUILDING) {
      sub = ++this.subCount;
      this.parts.set(sub, { depth: r, id: gmlId(attrs) ?? `${this.start.id}-part-${sub}`, attributes: { generic: {} } });
    }
    else if (IGNORED.has(local) || ATTRIBUTE_ELEMENTS.has(local)) return this.enter(Mode.Skip, r);
    this.types[r] = type;
    this.hidden[r] = hidden;
    this.subs[r] = sub;
    return false;
  }

  text(t: string): void {
    if (this.mode === Mode.Geometry) this.geometry.gml.text(t);
    else if (this.mode === Mode.Attribute) this.tree.text(t);
  }

  close(local: string, line: number, column: number): void {
    const r = this.depth--;
    switch (this.mode) {
      case Mode.Geometry:
        if (r === this.modeDepth) {
          this.geometry.end(local);
          this.mode = Mode.Normal;
        } else {
          this.geometry.gml.close(local);
        }
        return;
      case Mode.Attribute: {
        this.tree.closeTag();
        if (r === this.modeDepth) {
          const root = this.tree.take();
          this.mode = Mode.Normal;
          if (root) applyAttribute(root, this.attributeTarget, (message) => this.warn('bad-attribute', message, line, column));
        }
        return;
      }
      case Mode.Skip:
        if (r === this.modeDepth) this.mode = Mode.Normal;
        return;
    }
  }

  /** The building, or undefined (with a warning) when it has no usable geometry. */
  finish(): ParsedBuilding | undefined {
    const { polygons, lod, overBudget } = this.store.resolve((href, line, column) =>
      this.warn('unresolved-xlink', `The xlink "#${href}" does not resolve inside this building; skipped.`, line, column),
    );
    if (overBudget) {
      const { href, line, column } = overBudget;
      this.warn('xlink-budget', `Building ${this.start.id}: the xlinks from "#${href}" expand to more than ${MAX_XLINK_WORK.toLocaleString('en')} polygon uses and vertices; the building is left out.`, line, column);
      return undefined;
    }
    if (polygons.length === 0) {
      this.warn('no-geometry', `Building ${this.start.id} has no usable geometry and is left out.`, this.start.line, this.start.column);
      return undefined;
    }
    const parts = [...this.parts.values()].map((p) => summarizePart(p.id, p.attributes)).filter((p) => p !== undefined);
    aggregateParts(this.attributes, parts);
    return {
      id: this.start.id,
      attributes: this.attributes,
      polygons,
      lod,
      srsName: this.geometrySrs ?? this.ownSrs ?? this.nestedSrs ?? this.start.inheritedSrsName ?? this.start.defaultSrsName,
      line: this.start.line,
      column: this.start.column,
    };
  }

  private enter(mode: Mode, r: number): false {
    this.mode = mode;
    this.modeDepth = r;
    return false;
  }

  /** GeometryEvents: an srsName seen on this building's geometry. */
  srsName(name: string): void {
    if (this.geometrySrs === undefined) this.geometrySrs = name;
    else if (name !== this.geometrySrs && !this.mixedSrsReported) {
      this.mixedSrsReported = true;
      this.warn('mixed-srs', `Building ${this.start.id} mixes srsName "${this.geometrySrs}" and "${name}"; "${this.geometrySrs}" is used.`, this.start.line, this.start.column);
    }
  }

  /** GeometryEvents and attribute problems: a warning located in this building. */
  warn(code: string, message: string, line: number, column: number): void {
    this.onWarning?.({ file: this.start.file, line, column, buildingId: this.start.id, code, message });
  }
}
