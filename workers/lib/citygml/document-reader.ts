/**
 * The saxes event handlers for a whole document: finds each top-level
 * Building (a Building not inside another), hands its subtree to a
 * BuildingCollector, and queues the finished buildings for the generator.
 * Outside buildings it only remembers srsNames that buildings inherit: an
 * srsName attribute on an ancestor, or a boundedBy/Envelope of an ancestor
 * (the root CityModel's envelope in most files).
 */
import type { SaxesParser, SaxesTagPlain } from 'saxes';
import type { ConvertWarning, ParsedBuilding } from './building';
import { BuildingCollector } from './building-collector';
import { CityGMLError } from './citygml-error';
import { GeometryParser } from './geometry-parser';
import { BUILDING } from './vocabulary';
import { gmlId, localName } from './xml-names';

export interface DocumentReaderOptions {
  file?: string;
  defaultSrsName?: string;
  onWarning?: (w: ConvertWarning) => void;
}

export class DocumentReader {
  /** Finished buildings waiting to be yielded. */
  readonly queue: ParsedBuilding[] = [];
  /** Top-level buildings seen, yielded or not. */
  buildingsSeen = 0;

  private readonly options: DocumentReaderOptions;
  private depth = 0;
  private names: string[] = [];
  private srs: (string | undefined)[] = [];
  private building: BuildingCollector | undefined;
  private buildingDepth = 0;
  private capture = false;
  private readonly geometry = new GeometryParser();
  private setCapture: (on: boolean) => void = () => undefined;
  private tagLine = 1;
  private tagColumn = 1;

  constructor(options: DocumentReaderOptions) {
    this.options = options;
  }

  attach(parser: SaxesParser<{ xmlns: false; position: true }>): void {
    parser.on('opentagstart', (tag) => {
      // The position of "<" of this tag: saxes has read its name and the character after it.
      this.tagLine = parser.line;
      this.tagColumn = Math.max(1, parser.column - tag.name.length - 1);
    });
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('closetag', () => this.close(parser.line, parser.column));
    // Text is only wanted inside coordinate and attribute elements. Without a text handler
    // saxes does not even cut out the whitespace between tags, so the handler is attached
    // only while an element whose text we want is open.
    const onText = (text: string) => this.building?.text(text);
    this.setCapture = (on: boolean) => {
      if (on === this.capture) return;
      this.capture = on;
      if (on) parser.on('text', onText);
      else parser.off('text');
    };
    parser.on('cdata', (text) => {
      if (this.capture) this.building!.text(text);
    });
    parser.on('doctype', (doctype) => {
      // No entity is ever expanded or fetched: a DOCTYPE that declares any is refused
      // (billion laughs, XXE). A plain DOCTYPE is harmless and ignored.
      if (/<!ENTITY/i.test(doctype)) {
        throw new CityGMLError('doctype-entity', 'The DOCTYPE declares entities, which are refused (entity expansion and external entities are unsafe).', {
          file: this.options.file,
          line: parser.line,
          column: parser.column,
        });
      }
    });
  }

  private open(tag: SaxesTagPlain): void {
    const local = localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    const d = ++this.depth;
    this.names[d] = local;
    if (this.building) {
      this.setCapture(this.building.open(local, attrs, this.tagLine, this.tagColumn));
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
          line: this.tagLine,
          column: this.tagColumn,
        },
        this.options.onWarning,
        this.geometry,
      );
    }
  }

  private close(line: number, column: number): void {
    const d = this.depth--;
    const building = this.building;
    if (!building) {
      this.srs[d] = undefined;
      return;
    }
    if (d > this.buildingDepth) {
      building.close(this.names[d], line, column);
      this.setCapture(false);
      return;
    }
    this.building = undefined;
    this.setCapture(false);
    const parsed = building.finish();
    if (parsed) this.queue.push(parsed);
  }

  private inheritedSrs(depth: number): string | undefined {
    for (let k = depth - 1; k >= 1; k--) if (this.srs[k] !== undefined) return this.srs[k];
    // The envelope of the root itself (boundedBy directly under the root element).
    return this.srs[0];
  }
}
