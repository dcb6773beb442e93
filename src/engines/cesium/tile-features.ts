import { Cesium3DTileFeature, Color, type Cesium3DTileContent } from '@cesium/engine';
import { normaliseAttributes, type FeatureAppearance, type FeatureAttributes } from '../../core/index.js';

/** The highlight colour of the selected building, as in the three engine. */
const selectColor = Color.fromCssColorString('#ffd400');
const scratch = new Color();

/** Contents of a tile: itself, or the inner contents of a tile with several (3D Tiles 1.1) or a cmpt. */
export function contentsOf(content: Cesium3DTileContent | undefined): Cesium3DTileContent[] {
  if (!content) return [];
  const inner = (content as { innerContents?: Cesium3DTileContent[] }).innerContents;
  return inner?.length ? inner.flatMap((c) => contentsOf(c)) : [content];
}

/**
 * One loaded content's features: row → id (the `id` property, gml:id; else `layer/uri#row`, as three names them),
 * id → rows, attributes on demand. Colours, hides and highlights features through Cesium's per-feature
 * colour and show (its batch texture: no geometry change).
 */
export class TileFeatures {
  readonly ids: string[] = [];
  readonly rowsById = new Map<string, number[]>();
  private readonly cache: FeatureAttributes[] = [];

  constructor(readonly content: Cesium3DTileContent, prefix: string) {
    for (let row = 0; row < content.featuresLength; row++) {
      const value = content.getFeature(row).getProperty('id');
      const id = value === undefined || value === null || value === '' ? `${prefix}#${row}` : String(value);
      this.ids.push(id);
      const rows = this.rowsById.get(id);
      if (rows) rows.push(row);
      else this.rowsById.set(id, [row]);
    }
  }

  attributes(row: number): FeatureAttributes {
    let attrs = this.cache[row];
    if (!attrs) {
      const feature = this.content.getFeature(row);
      const raw: Record<string, unknown> = {};
      for (const name of feature.getPropertyIds()) raw[name] = feature.getProperty(name);
      attrs = normaliseAttributes(raw, this.ids[row]);
      this.cache[row] = attrs;
    }
    return attrs;
  }

  /** Applies an appearance per row (from EngineState.appearance). */
  apply(appearanceOf: (id: string, attributes: () => FeatureAttributes) => FeatureAppearance): void {
    for (let row = 0; row < this.ids.length; row++) {
      const feature = this.content.getFeature(row);
      const look = appearanceOf(this.ids[row], () => this.attributes(row));
      feature.show = !look.hidden;
      const base = look.color ? Color.fromBytes(look.color[0], look.color[1], look.color[2], 255, scratch) : Color.clone(Color.WHITE, scratch);
      feature.color = look.selected ? Color.lerp(base, selectColor, 0.6, scratch) : base;
    }
  }

  rowOf(feature: Cesium3DTileFeature): number | null {
    return (feature as unknown as { _content: unknown })._content === this.content ? feature.featureId : null;
  }
}
