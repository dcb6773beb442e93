/**
 * The XML event handler for a whole document: finds each top-level
 * Building (a Building not inside another), hands its subtree to a
 * BuildingCollector, and queues the finished buildings for the generator.
 * Outside buildings it only remembers srsNames that buildings inherit: an
 * srsName attribute on an ancestor, or a boundedBy/Envelope of an ancestor
 * (the root CityModel's envelope in most files).
 */
import type { ConvertWarning, ParsedBuilding } from './building';
import { BuildingCollector } from './building-collector';
import { GeometryParser } from './geometry-parser';
import { BUILDING } from './vocabulary';
import type { XmlAttributes, XmlHandler } from '../../../src/core/formats/xml/xml-tokenizer';
import { gmlId, localName } from '../../../src/core/formats/xml/xml-names';

export interface DocumentReaderOptions {
  file?: string;
  defaultSrsName?: string;
  onWarning?: (w: ConvertWarning) => void;
}

export class DocumentReader implements XmlHandler {
  /** Finished buildings waiting to be yielded. */
  readonly queue: ParsedBuilding[] = [];
  /** Top-level buildings seen, yielded or not. */
  buildingsSeen = 0;

  private depth = 0;
  private names: string[] = [];
  private srs: (string | undefined)[] = [];
  private building: BuildingCollector | undefined;
  private buildingDepth = 0;
  /** Text is decoded and delivered only inside coordinate and attribute elements. */
  wantText = false;
  private readonly geometry = new GeometryParser();

  constructor(private readonly options: DocumentReaderOptions) {}

  openTag(name: string, attrs: XmlAttributes, line: number, column: number): void {
    const local = localName(name);
    const d = ++this.depth;
    this.names[d] = local;
    if (this.building) {
      this.wantText = this.building.open(local, attrs, line, column);
      return;
    }
    this.srs[d] = attrs.srsName;
    if (local === 'Envelope' && this.names[d - 1] === 'boundedBy' && d >= 3 && attrs.srsName !== undefined) {
      this.srs[d - 2] ??= attrs.srsName;
    }
    if (local === BUILDING) {
      this.buildingsSeen++;
      this.buildingDepth = d;
      this.building = new BuildingCollector(
        {
          id: gmlId(attrs) ?? `building-${this.buildingsSeen}`,
          srsName: attrs.srsName,
          inheritedSrsName: this.inheritedSrs(d),
          defaultSrsName: this.options.defaultSrsName,
          file: this.options.file,
          line,
          column,
        },
        this.options.onWarning,
        this.geometry,
      );
    }
  }

  closeTag(_name: string, line: number, column: number): void {
    const d = this.depth--;
    const building = this.building;
    if (!building) {
      this.srs[d] = undefined;
      return;
    }
    this.wantText = false;
    if (d > this.buildingDepth) return building.close(this.names[d], line, column);
    this.building = undefined;
    const parsed = building.finish();
    if (parsed) this.queue.push(parsed);
  }

  text(text: string): void {
    this.building?.text(text);
  }

  /** The srsName of the nearest ancestor that has one (on itself or its boundedBy envelope; the root's in most files). */
  private inheritedSrs(depth: number): string | undefined {
    return this.srs.slice(1, depth).findLast((s) => s !== undefined);
  }
}
