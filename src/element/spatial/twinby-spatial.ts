/**
 * <twinby-spatial footprints="tiles/footprints.bin" [plan-src="plan.gml"]> inside a <twinby-viewer>:
 * selects buildings in an area drawn on the ground or taken from the plan, shows counts, statistics
 * and a sortable table (a row flies to its building and selects it), checks the plan and colours
 * violators, exports CSV and GeoJSON. The index lives in the spatial worker; only results arrive here.
 * Keyboard: every control is a button or field; while drawing, P adds the point at the view centre,
 * Enter closes the area, Backspace removes the last point, Escape cancels.
 */
import { LitElement, type PropertyValues } from 'lit';
import { CompactPanelController, compactPanelStyles } from '../compact-panel.js';
import { PanelLayoutController } from '../panel-layout.js';
import { panelStyles } from '../panel-styles.js';
import { toWgs84 } from '../../core/geo/index.js';
import { frameTarget, type Lang } from '../../core/index.js';
import type { Engine } from '../../engines/engine.js';
import type { LayerHost } from '../layer-element.js';
import { SpatialClient } from '../../worker-clients/spatial-client.js';
import type { AttributeFilter, Aggregates, BuildingRow, ComplianceFinding, ComplianceSummary, DatasetInfo, PlanInput, PlanZoneInfo, PolygonMode, PolygonQueryParams, RowSortKey } from '../../worker-clients/spatial-client.js';
import { AREA_OVERLAY_ID } from './area-drawing.js';
import { AreaDrawTool } from './area-draw-tool.js';
import { downloadText } from './download.js';
import type { TableState } from './results-view.js';
import { renderSpatialPanel, type SpatialPanelActions } from './spatial-panel.js';
import { modeLabel, spt, count } from './spatial-texts.js';
import { complianceHeadline } from './results-view.js';
import { spatialStyles } from './spatial-styles.js';
import { violationStyle } from './violation-style.js';

const PAGE_SIZE = 25;
/** Quasigeoid height in Bavaria, used only to place the camera when no ground point was picked yet. */
const FALLBACK_GEOID = 47.5;

interface ViewerLike extends HTMLElement {
  flyTo(view: { lon: number; lat: number; height: number; heading: number; pitch: number }, options?: { duration?: number }): Promise<void>;
  select(id: string | null): Promise<unknown>;
}

/** @tagname twinby-spatial */
export class TwinbySpatial extends LitElement {
  static override styles = [panelStyles, spatialStyles, compactPanelStyles];
  static override properties = {
    footprints: { type: String },
    planSrc: { type: String, attribute: 'plan-src' },
    plan: { attribute: false },
    _open: { state: true },
    _status: { state: true },
    _error: { state: true },
    _zones: { state: true },
    _zoneId: { state: true },
    _mode: { state: true },
    _heightMin: { state: true },
    _yearBefore: { state: true },
    _stats: { state: true },
    _table: { state: true },
    _compliance: { state: true },
  };

  declare footprints: string | null;
  declare planSrc: string | null;
  /** A plan in the footprints' CRS; replaces plan-src. */
  declare plan: PlanInput | null;
  declare private _open: boolean;
  declare private _status: string;
  declare private _error: string | null;
  declare private _zones: PlanZoneInfo[];
  declare private _zoneId: string;
  declare private _mode: PolygonMode;
  declare private _heightMin: string;
  declare private _yearBefore: string;
  declare private _stats: Aggregates | null;
  declare private _table: TableState | null;
  declare private _compliance: ComplianceSummary | null;

  /** Duck-typed layer child of <twinby-viewer> (see layer-element.ts). */
  readonly isTwinbyLayer = true;
  private layerHost: LayerHost | null = null;
  private client: SpatialClient | null = null;
  private datasetInfo: DatasetInfo | null = null;
  private loading: Promise<void> | null = null;
  private readonly draw = new AreaDrawTool({
    engine: () => this.engine,
    epsg: () => this.datasetInfo?.epsg ?? null,
    viewerRect: () => (this.closest('twinby-viewer') ?? this).getBoundingClientRect(),
    status: (key, params) => (this._status = spt(this.uiLang, key, params)),
    changed: () => this.requestUpdate(),
    finish: (polygons) => this.runQuery({ polygons }, spt(this.uiLang, 'area.drawn')),
  });
  private query: AbortController | null = null;
  private selectionId: number | null = null;
  private styled = false;

  constructor() {
    super();
    this.footprints = null;
    this.planSrc = null;
    this.plan = null;
    this._open = true;
    new CompactPanelController(this, () => this._open, (open) => (this._open = open));
    new PanelLayoutController(this, { corner: 'top-right', order: 0, box: () => this.renderRoot.querySelector('.panel'), sheet: () => this._open });
    this._status = spt('de', 'status.ready');
    this._error = null;
    this._zones = [];
    this._zoneId = '';
    this._mode = 'intersects';
    this._heightMin = '';
    this._yearBefore = '';
    this._stats = null;
    this._table = null;
    this._compliance = null;
  }

  // ---- layer protocol (called by <twinby-viewer>) --------------------------------------------

  attachLayer(host: LayerHost): void {
    this.layerHost = host;
    this.viewer?.addEventListener('twinby-select', this.onViewerSelect);
    this.loading ??= this.load();
  }

  detachLayer(): void {
    this.viewer?.removeEventListener('twinby-select', this.onViewerSelect);
    const engine = this.engine;
    engine?.removeOverlay(AREA_OVERLAY_ID);
    if (this.styled) engine?.setStyle(null);
    this.styled = false;
    this.layerHost = null;
  }

  /** The viewer's language: the panel re-renders in it (statuses already shown stay as they were said). */
  langChanged(_lang: Lang): void {
    this.requestUpdate();
  }

  private get uiLang(): Lang {
    return this.layerHost?.lang ?? 'de';
  }

  /** The points of the area being drawn or last drawn, WGS 84 (copies). */
  get areaPoints(): { lon: number; lat: number; height: number }[] {
    return this.draw.drawing.points.map((p) => ({ ...p }));
  }

  /** Resolves when footprints (and the plan, if any) are in the worker. */
  get ready(): Promise<void> {
    return this.loading ?? Promise.reject(new Error('twinby-spatial is not inside a running <twinby-viewer>'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.query?.abort();
    this.client?.dispose();
    this.client = null;
    this.loading = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('plan') && changed.get('plan') !== undefined) || (changed.has('planSrc') && changed.get('planSrc') !== undefined)) {
      if (this.datasetInfo) void this.loadPlan().catch((e: Error) => this.fail(e));
    }
  }

  // ---- public methods ----------------------------------------------------------------------

  /** Selects the buildings in polygons of the dataset's CRS. */
  async selectArea(polygons: Float64Array[][], label = 'Gebiet'): Promise<number> {
    return this.runQuery({ polygons }, label);
  }

  /** Selects the buildings in a plan zone by id. */
  async selectZone(zoneId: string): Promise<number> {
    const zone = this._zones.find((z) => z.id === zoneId);
    return this.runQuery({ zoneId }, zone?.label ?? zoneId);
  }

  /** Runs the plan check, colours violators red and returns the summary. */
  async checkPlan(): Promise<ComplianceSummary> {
    await this.ready;
    const client = this.client!;
    this._status = spt(this.uiLang, 'status.checking');
    const summary = await client.checkCompliance({ findingsStatus: ['violation'], findingsLimit: 100 });
    this._compliance = summary;
    const violators = summary.violators.length ? (await client.rows({ indices: summary.violators, limit: summary.violators.length })).rows.map((r) => r.id) : [];
    const engine = this.engine;
    if (engine) {
      engine.setStyle(violationStyle(new Set(violators), spt(this.uiLang, 'violationLegend')));
      this.styled = true;
    }
    this._status = `${complianceHeadline(summary, this.uiLang)}.`;
    if (this.selectionId !== null) await this.loadPage(this._table?.offset ?? 0);
    this.dispatchEvent(new CustomEvent('twinby-spatial-compliance', { detail: { violators, violationCount: summary.violationCount }, bubbles: true, composed: true }));
    return summary;
  }

  // ---- loading -------------------------------------------------------------------------------

  private get engine(): Engine | null {
    return this.layerHost?.engine ?? null;
  }

  private get viewer(): ViewerLike | null {
    return this.closest('twinby-viewer') as ViewerLike | null;
  }

  /** A plan area picked in the viewer (overlay ids are the XPlanung ids, "#k" for parts) becomes the chosen zone. */
  private onViewerSelect = (e: Event): void => {
    const detail = (e as CustomEvent<{ id: string | null; kind: string | null }>).detail;
    if (detail?.kind !== 'overlay' || !detail.id) return;
    const zone = this._zones.find((z) => z.id === detail.id!.split('#')[0]);
    if (!zone) return;
    this._zoneId = zone.id;
    this._status = spt(this.uiLang, 'status.zone', { zone: zone.label });
  };

  private async load(): Promise<void> {
    if (!this.footprints) throw this.fail(new Error(spt(this.uiLang, 'status.noFootprints')));
    this.client ??= new SpatialClient();
    this._status = spt(this.uiLang, 'status.loading');
    const url = new URL(this.footprints, document.baseURI).href;
    try {
      // fetched in the worker, which loads it again by itself after a restart
      this.datasetInfo = await this.client.loadFootprintsUrl({ url });
      await this.loadPlan();
      this._status = spt(this.uiLang, 'status.indexed', { n: count(this.uiLang, this.datasetInfo.count) });
    } catch (error) {
      throw this.fail(error as Error);
    }
  }

  private async loadPlan(): Promise<void> {
    const plan = this.plan;
    // a plan file is fetched and read in the worker: its text never reaches this thread
    const src = plan ? null : this.planSrc;
    if (!plan && !src) return;
    const info = plan ? await this.client!.loadPlan({ plan }) : await this.client!.loadPlanUrl({ url: new URL(src!, document.baseURI).href, epsg: this.datasetInfo!.epsg });
    this._zones = info.zones;
    this._zoneId = info.zones[0]?.id ?? '';
    this._compliance = null;
  }

  private fail(error: Error): Error {
    this._error = error.message;
    this._status = spt(this.uiLang, 'status.error');
    this.layerHost?.reportError({ kind: 'other', message: error.message, layerId: 'twinby-spatial' });
    return error;
  }

  // ---- queries -------------------------------------------------------------------------------

  private filter(): AttributeFilter | undefined {
    const f: AttributeFilter = {};
    const h = Number.parseFloat(this._heightMin.replace(',', '.'));
    const y = Number.parseInt(this._yearBefore, 10);
    if (Number.isFinite(h)) f.heightMin = h;
    if (Number.isFinite(y)) f.yearBefore = y;
    return Object.keys(f).length ? f : undefined;
  }

  private async runQuery(area: PolygonQueryParams['area'], label: string): Promise<number> {
    await this.ready;
    this.query?.abort();
    const controller = (this.query = new AbortController());
    const signal = controller.signal;
    this._error = null;
    this._status = spt(this.uiLang, 'status.searching', { area: label });
    try {
      const client = this.client!;
      const sel = await client.byPolygon({ area, mode: this._mode, filter: this.filter() }, { signal });
      if (this.selectionId !== null) void client.releaseSelection(this.selectionId).catch(() => {});
      this.selectionId = sel.selectionId;
      const sortBy = this._table?.sortBy ?? 'id';
      const descending = this._table?.descending ?? false;
      // Statistics and the first page appear together, so the panel never shows a count without its rows.
      const [stats, page] = await Promise.all([
        client.aggregate({ selectionId: sel.selectionId }, { signal }),
        client.rows({ selectionId: sel.selectionId, sortBy, descending, offset: 0, limit: PAGE_SIZE }, { signal }),
      ]);
      this._stats = stats;
      this._table = { rows: page.rows, total: page.total, offset: 0, pageSize: PAGE_SIZE, sortBy, descending, selectedId: null };
      this._status = spt(this.uiLang, 'status.found', { n: count(this.uiLang, sel.indices.length), area: label, mode: modeLabel(this.uiLang, this._mode) });
      this.dispatchEvent(new CustomEvent('twinby-spatial-select', { detail: { count: sel.indices.length, label }, bubbles: true, composed: true }));
      return sel.indices.length;
    } catch (error) {
      if (signal.aborted) return 0;
      throw this.fail(error as Error);
    }
  }

  private async loadPage(offset: number): Promise<void> {
    const t = this._table;
    if (!t || this.selectionId === null) return;
    const page = await this.client!.rows({ selectionId: this.selectionId, sortBy: t.sortBy, descending: t.descending, offset, limit: t.pageSize });
    this._table = { ...t, rows: page.rows, total: page.total, offset };
  }

  private sortBy(key: RowSortKey): void {
    const t = this._table;
    if (!t) return;
    this._table = { ...t, sortBy: key, descending: t.sortBy === key ? !t.descending : key !== 'id' };
    void this.loadPage(0);
  }

  private async activate(row: BuildingRow): Promise<void> {
    if (this._table) this._table = { ...this._table, selectedId: row.id };
    const viewer = this.viewer;
    if (!viewer || !this.datasetInfo) return;
    const [lon, lat] = toWgs84(this.datasetInfo.epsg)(row.x, row.y);
    const ground = this.draw.groundEllipsoid ?? (row.groundHeight ?? 0) + FALLBACK_GEOID;
    const view = frameTarget({ lon, lat, height: ground + (row.height ?? 10) / 2 }, Math.max(60, 4 * Math.sqrt(row.footprintArea)));
    this._status = spt(this.uiLang, 'status.flying', { id: row.id });
    await viewer.flyTo(view);
    try {
      await viewer.select(row.id);
      this._status = spt(this.uiLang, 'status.selected', { id: row.id });
    } catch {
      this._status = spt(this.uiLang, 'status.notLoaded', { id: row.id });
    }
  }

  private async activateFinding(f: ComplianceFinding): Promise<void> {
    if (f.building < 0) return;
    const { rows } = await this.client!.rows({ indices: Uint32Array.of(f.building) });
    if (rows[0]) await this.activate(rows[0]);
  }

  private async exportAs(format: 'csv' | 'geojson'): Promise<void> {
    if (this.selectionId === null) return;
    const result = await this.client!.exportSelection({ selectionId: this.selectionId, format });
    downloadText(result.text, result.fileName, result.mimeType);
    this._status = `${result.fileName} gespeichert.`;
  }

  // ---- render --------------------------------------------------------------------------------

  override render() {
    const actions: SpatialPanelActions = {
      toggleOpen: () => (this._open = !this._open),
      toggleDrawing: () => this.draw.toggle(),
      addCentrePoint: () => void this.draw.addCentrePoint(),
      finishDrawing: () => void this.draw.finish(),
      captureClick: this.draw.onClick,
      drawKey: this.draw.onKey,
      zone: (id) => (this._zoneId = id),
      useZone: () => void this.selectZone(this._zoneId).catch(() => {}),
      checkPlan: () => void this.checkPlan().catch((e: Error) => this.fail(e)),
      mode: (m) => (this._mode = m),
      heightMin: (v) => (this._heightMin = v),
      yearBefore: (v) => (this._yearBefore = v),
      sort: (k) => this.sortBy(k),
      page: (o) => void this.loadPage(o),
      activate: (r) => void this.activate(r),
      activateFinding: (f) => void this.activateFinding(f),
      exportAs: (format) => void this.exportAs(format),
    };
    return renderSpatialPanel(
      {
        lang: this.uiLang,
        open: this._open, ready: this.datasetInfo !== null, drawing: this.draw.active, points: this.draw.points, zones: this._zones, zoneId: this._zoneId, mode: this._mode,
        heightMin: this._heightMin, yearBefore: this._yearBefore, status: this._status, error: this._error, stats: this._stats, table: this._table, compliance: this._compliance,
      },
      actions,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twinby-spatial': TwinbySpatial;
  }
}
