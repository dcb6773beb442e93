/**
 * What a loaded scenario holds in the viewer: per variant, the in-memory tilesets of its planned
 * buildings (blocks from the scenario worker, CityGML files from the CityGML worker, GLB models as a
 * one-tile tileset) and its compliance report. Showing a variant adds and removes only these small
 * tilesets and swaps the hidden set: the base tiles stay loaded and are never fetched again.
 */
import { BESTAND, type CompareMode, type PlannedBuilding, type Scenario, type ScenarioIssue, type Variant } from '../../core/scenario/index.js';
import type { ErrorDetail } from '../../core/index.js';
import type { Engine } from '../../engines/engine.js';
import type { VariantReport } from '../../worker-clients/scenario-client.js';
import { CityGMLClient } from '../../worker-clients/citygml-client.js';
import { serveInMemoryTileset, type InMemoryTileset } from '../../worker-clients/in-memory-tileset.js';
import { ScenarioClient } from '../../worker-clients/scenario-client.js';
import { PLANNED_COLOR } from './scenario-texts.js';

/** twinby-error detail of a scenario problem: the file and the JSON path of the part concerned. */
export interface ScenarioErrorDetail extends ErrorDetail {
  file: string;
  path: string;
}

export interface BuiltVariant {
  id: string;
  title: string;
  replaces: readonly string[];
  /** Engine tileset id → served tileset. */
  tilesets: Map<string, InMemoryTileset>;
  report: VariantReport | null;
}

/** A state of the town as the shadow worker reads it: tileset URLs and building ids left out. */
export interface ShadowState {
  tilesets: string[];
  hidden: string[];
}

export interface ShowState {
  variant: string;
  compare: CompareMode;
  compareWith: string;
  position: number;
}

/** The box around x,y-interleaved lines, grown by margin metres; null for none. */
function boundsOf(lines: readonly Float64Array[], margin: number): [number, number, number, number] | null {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of lines) {
    for (let i = 0; i + 1 < c.length; i += 2) {
      b[0] = Math.min(b[0], c[i]);
      b[1] = Math.min(b[1], c[i + 1]);
      b[2] = Math.max(b[2], c[i]);
      b[3] = Math.max(b[3], c[i + 1]);
    }
  }
  return b[0] <= b[2] ? [b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin] : null;
}

const PLANNED_STYLE = { kind: 'plain', color: PLANNED_COLOR } as const;
const GLB_MAGIC = 0x46546c67; // "glTF"

export class ScenarioSession {
  readonly variants = new Map<string, BuiltVariant>();
  /** The buildings array each variant was last built from (edits replace it, so identity tells a change). */
  readonly builtFrom = new Map<string, readonly PlannedBuilding[]>();
  /** Plan lines and zone outlines (EPSG:25832) the editor snaps to. */
  private planLines: Float64Array[] = [];
  hasPlan = false;
  private readonly others = new WeakMap<object, Promise<{ served: InMemoryTileset; footprints?: Uint8Array } | null>>();
  private readonly client = new ScenarioClient();
  private citygml: CityGMLClient | null = null;
  private readonly abort = new AbortController();
  private shown = new Set<string>();
  /** Tilesets of the variants on screen now. */
  private visible = new Set<string>();
  private baseLoaded: Promise<void> | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly layerId: string,
    /** Where the scenario came from: relative URLs resolve against it; names it in errors. */
    private readonly file: string,
    private readonly baseUrl: string,
    private readonly hide: (ids: Iterable<string>) => void,
    private readonly report: (detail: ScenarioErrorDetail) => void,
    /** Where a variant or building stood in the file (parts left out by the reader shift indices). */
    private readonly sourcePaths: WeakMap<object, string> = new WeakMap(),
  ) {}

  reportIssues(issues: readonly ScenarioIssue[]): void {
    for (const issue of issues) this.report({ kind: 'parse', message: `${this.file} ${issue.path}: ${issue.message}`, file: this.file, path: issue.path, layerId: this.layerId });
  }

  /** Loads footprints and plan of the base into the worker (once per session). */
  loadBase(scenario: Scenario, fallback: { footprints?: string; plan?: string }): Promise<void> {
    this.baseLoaded ??= (async () => {
      const signal = this.abort.signal;
      const footprintsUrl = scenario.base.footprints ?? fallback.footprints;
      const planUrl = scenario.base.plan ?? fallback.plan;
      const footprints = footprintsUrl ? await this.fetchBytes(footprintsUrl, '$.base.footprints').catch(() => undefined) : undefined;
      // the worker fetches and reads the plan itself: its text never reaches this thread
      const base = await this.client.loadBase({ footprints, planUrl: planUrl ? this.resolve(planUrl) : undefined, source: footprintsUrl }, signal).catch((err: Error) => this.fail('$.base', err.message));
      if (base?.planError) this.fail('$.base.plan', `${planUrl}: ${base.planError}`);
      if (base && base.zones > 0) {
        this.hasPlan = true;
        this.planLines = base.planOutlines;
      }
      // existing footprints near the plan (or the variants' blocks) to snap to as well
      const box = boundsOf([...this.planLines, ...scenario.variants.flatMap((v) => v.buildings.flatMap((b) => (b.kind === 'block' ? [Float64Array.from(b.footprint.flat())] : [])))], 300);
      if (box && footprints) this.planLines.push(...(await this.client.outlines({ bbox: box }, signal).catch(() => [])));
    })();
    return this.baseLoaded;
  }

  /** Builds (or rebuilds) one variant; the previous tilesets of that variant are freed once replaced. */
  async build(variant: Variant, index: number, options: { tileset?: boolean } = {}): Promise<BuiltVariant> {
    const signal = this.abort.signal;
    const at = this.sourcePaths.get(variant) ?? `$.variants[${index}]`;
    const pathOf = (k: number) => this.sourcePaths.get(variant.buildings[k]) ?? `${at}.buildings[${k}]`;
    const blocks = variant.buildings.filter((b) => b.kind === 'block');
    const previous = this.variants.get(variant.id);
    const reuse = options.tileset === false && previous;
    // CityGML and models first: converted CityGML footprints count in the variant's compliance
    const others = reuse ? [] : await Promise.all(variant.buildings.map((b, k) => (b.kind === 'block' ? null : this.otherOf(b, pathOf(k)))));
    const extraFootprints = others.flatMap((o) => (o?.footprints ? [o.footprints.slice().buffer as ArrayBuffer] : []));
    const result = await this.client.buildVariant({ variantId: variant.id, title: variant.title, blocks, replaces: [...variant.replaces], tileset: options.tileset, extraFootprints }, signal);
    for (const issue of result.issues) {
      const k = variant.buildings.findIndex((b) => b.id === issue.buildingId);
      this.fail(k >= 0 ? pathOf(k) : at, issue.message);
    }
    for (const id of result.missing ?? []) this.fail(`${at}.replaces[${variant.replaces.indexOf(id)}]`, `building "${id}" is not in the base model; nothing to hide`);
    const tilesets = new Map<string, InMemoryTileset>();
    if (reuse) {
      for (const [id, served] of previous.tilesets) tilesets.set(id, served);
    } else {
      if (result.files.size) tilesets.set(`${this.layerId}/${variant.id}/blocks`, serveInMemoryTileset(result.files));
      variant.buildings.forEach((b, k) => {
        const served = others[k]?.served;
        if (served) tilesets.set(`${this.layerId}/${variant.id}/${b.kind}-${b.id}`, served);
      });
    }
    const built: BuiltVariant = { id: variant.id, title: variant.title, replaces: variant.replaces, tilesets, report: result.report };
    this.variants.set(variant.id, built);
    this.builtFrom.set(variant.id, variant.buildings);
    if (previous && previous.tilesets !== tilesets && options.tileset !== false) {
      for (const [id, served] of previous.tilesets) {
        const next = tilesets.get(id) ?? null;
        if (next === served) continue; // an unchanged CityGML or model addition stays as it is
        if (this.shown.has(id)) this.replaceShown(id, next);
        served.revoke();
      }
    }
    return built;
  }

  /** The Bestand row of the table: the base without changes. */
  async buildBestand(): Promise<BuiltVariant> {
    const result = await this.client.buildVariant({ variantId: BESTAND, title: 'Bestand', blocks: [], replaces: [] }, this.abort.signal);
    const built: BuiltVariant = { id: BESTAND, title: 'Bestand', replaces: [], tilesets: new Map(), report: result.report };
    this.variants.set(BESTAND, built);
    return built;
  }

  /**
   * Puts a variant (or two, compared) on screen. Every variant's tilesets are added once and kept
   * loaded; a switch only changes which are visible and what is hidden, so it needs no request and no
   * parsing. Resolves when the tilesets' roots have loaded.
   */
  async show(state: ShowState): Promise<void> {
    const a = this.variants.get(state.variant) ?? this.variants.get(BESTAND);
    const split = state.compare !== 'single';
    const b = split ? (this.variants.get(state.compareWith) ?? this.variants.get(BESTAND)) : undefined;
    const all = new Map<string, InMemoryTileset>();
    for (const v of this.variants.values()) for (const [id, served] of v.tilesets) all.set(id, served);
    const visible = (this.visible = new Set([...(a?.tilesets.keys() ?? []), ...(b?.tilesets.keys() ?? [])]));
    for (const id of [...this.shown]) {
      if (!all.has(id)) {
        this.engine.removeTileset(id);
        this.shown.delete(id);
      }
    }
    const loads: Promise<void>[] = [];
    for (const [id, served] of all) {
      if (!this.shown.has(id)) {
        this.shown.add(id);
        loads.push(this.engine.addTileset(id, served.url, { style: PLANNED_STYLE }).catch(() => {}));
      }
      this.engine.setTilesetVisible(id, visible.has(id));
    }
    if (split && a && b) {
      this.hide([]);
      this.engine.setSplit({
        mode: state.compare === 'swipe' ? 'swipe' : 'side-by-side',
        position: state.position,
        left: { tilesets: [...a.tilesets.keys()], hidden: [...a.replaces] },
        right: { tilesets: [...b.tilesets.keys()], hidden: [...b.replaces] },
      });
    } else {
      this.engine.setSplit(null);
      this.hide(a?.replaces ?? []);
    }
    await Promise.all(loads);
  }

  dispose(): void {
    this.abort.abort(new DOMException('The scenario left the viewer', 'AbortError'));
    this.engine.setSplit(null);
    for (const id of this.shown) this.engine.removeTileset(id);
    this.shown.clear();
    this.hide([]);
    for (const v of this.variants.values()) for (const served of v.tilesets.values()) served.revoke();
    this.variants.clear();
    this.client.dispose();
    this.citygml?.dispose();
  }

  snapLines(): readonly Float64Array[] {
    return this.planLines;
  }

  resolve(url: string): string {
    return new URL(url, this.baseUrl).href;
  }

  private replaceShown(id: string, served: InMemoryTileset | null): void {
    if (served) {
      void this.engine.addTileset(id, served.url, { style: PLANNED_STYLE }).catch(() => {});
      this.engine.setTilesetVisible(id, this.visible.has(id));
    } else {
      this.engine.removeTileset(id);
      this.shown.delete(id);
    }
  }

  /** An unchanged addition (edits replace only the edited building object) is converted once. */
  private otherOf(b: Exclude<PlannedBuilding, { kind: 'block' }>, path: string): Promise<{ served: InMemoryTileset; footprints?: Uint8Array } | null> {
    let known = this.others.get(b);
    if (!known) this.others.set(b, (known = this.serveOther(b, path)));
    return known;
  }

  private async serveOther(b: Exclude<PlannedBuilding, { kind: 'block' }>, path: string): Promise<{ served: InMemoryTileset; footprints?: Uint8Array } | null> {
    try {
      if (b.kind === 'citygml') {
        const res = await fetch(this.resolve(b.src), { signal: this.abort.signal });
        if (!res.ok || !res.body) throw new Error(`${b.src}: HTTP ${res.status}`);
        this.citygml ??= new CityGMLClient();
        const { files, summary } = await this.citygml.convert(res.body, { signal: this.abort.signal, file: b.src, crs: b.crs });
        if (summary.error) this.fail(`${path}.src`, `${summary.error.file ?? b.src}${summary.error.line ? `:${summary.error.line}:${summary.error.column}` : ''}: ${summary.error.message}`);
        return files.has('tileset.json') ? { served: serveInMemoryTileset(files), footprints: files.get('footprints.bin') } : null;
      }
      const bytes = new Uint8Array(await this.fetchBytes(b.src, `${path}.src`));
      if (bytes.length < 12 || new DataView(bytes.buffer).getUint32(0, true) !== GLB_MAGIC) throw new Error(`${b.src.startsWith('data:') ? 'the inlined model' : b.src} is not a glTF binary (.glb)`);
      const tileset = await this.client.modelTileset({ ...b.position, heading: b.heading, scale: b.scale, contentUri: 'model.glb' }, this.abort.signal);
      return { served: serveInMemoryTileset(new Map([['tileset.json', tileset], ['model.glb', bytes]])) };
    } catch (err) {
      if (this.abort.signal.aborted) return null;
      this.fail(`${path}`, `${b.kind === 'model' ? 'the model' : 'the CityGML file'} could not be loaded: ${(err as Error).message}`);
      return null;
    }
  }

  private async fetchBytes(url: string, path: string): Promise<ArrayBuffer> {
    try {
      const res = await fetch(this.resolve(url), { signal: this.abort.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return await res.arrayBuffer();
    } catch (err) {
      if (!this.abort.signal.aborted) this.fail(path, `${url} could not be loaded (${(err as Error).message})`);
      throw err;
    }
  }

  private fail(path: string, message: string): undefined {
    this.report({ kind: 'parse', message: `${this.file} ${path}: ${message}`, file: this.file, path, layerId: this.layerId });
    return undefined;
  }

  /**
   * What a shadow analysis compares: variant `from` against variant `to`, each the base tilesets plus its
   * planned tilesets (blob: URLs) with the buildings it replaces left out. Null until both are built.
   * When `to` is `from`, the first other variant stands in for it.
   */
  comparison(base: readonly string[], from: string, to: string): { base: ShadowState; variant: ShadowState; baseLabel: string; variantLabel: string } | null {
    const a = this.variants.get(from);
    // with Bestand shown, the first variant is what a council asks about
    const b = this.variants.get(to !== from ? to : ([...this.variants.keys()].find((k) => k !== from) ?? to));
    if (!a || !b || a === b) return null;
    const state = (v: BuiltVariant): ShadowState => ({ tilesets: [...base, ...[...v.tilesets.values()].map((t) => t.url)], hidden: [...v.replaces] });
    return { base: state(a), variant: state(b), baseLabel: a.title, variantLabel: b.title };
  }
}
