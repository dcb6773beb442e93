/** The spatial panel: drawing, plan zones, selection mode and filters, results and the plan check. Data only through text bindings. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Aggregates, BuildingRow, ComplianceFinding, ComplianceSummary, PlanZoneInfo, PolygonMode, RowSortKey } from '../../worker-clients/spatial-client.js';
import { renderCompliance, renderStats, renderTable, type TableState } from './results-view.js';
import type { Lang } from '../../core/i18n/lang.js';
import { MODES, modeLabel, spt } from './spatial-texts.js';

export interface SpatialPanelModel {
  lang: Lang;
  open: boolean;
  /** Footprints are indexed: drawing and queries can start. */
  ready: boolean;
  drawing: boolean;
  points: number;
  zones: PlanZoneInfo[];
  zoneId: string;
  mode: PolygonMode;
  heightMin: string;
  yearBefore: string;
  status: string;
  error: string | null;
  stats: Aggregates | null;
  table: TableState | null;
  compliance: ComplianceSummary | null;
}

export interface SpatialPanelActions {
  toggleOpen(): void;
  toggleDrawing(): void;
  addCentrePoint(): void;
  finishDrawing(): void;
  captureClick(e: MouseEvent): void;
  drawKey(e: KeyboardEvent): void;
  zone(id: string): void;
  useZone(): void;
  checkPlan(): void;
  mode(mode: PolygonMode): void;
  heightMin(value: string): void;
  yearBefore(value: string): void;
  sort(key: RowSortKey): void;
  page(offset: number): void;
  activate(row: BuildingRow): void;
  activateFinding(finding: ComplianceFinding): void;
  exportAs(format: 'csv' | 'geojson'): void;
}

export function renderSpatialPanel(m: SpatialPanelModel, a: SpatialPanelActions): TemplateResult {
  return html`${m.drawing ? html`<div class="capture" aria-hidden="true" @click=${a.captureClick} @dblclick=${a.finishDrawing}></div>` : nothing}
    <section class="panel ${m.open ? '' : 'collapsed'}" aria-label=${spt(m.lang, 'title')} @keydown=${a.drawKey}>
      <div class="row">
        <button type="button" aria-expanded=${m.open ? 'true' : 'false'} @click=${a.toggleOpen}>${spt(m.lang, 'title')}</button>
      </div>
      ${m.open ? renderBody(m, a) : nothing}
    </section>`;
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

function renderBody(m: SpatialPanelModel, a: SpatialPanelActions): TemplateResult {
  const t = (key: Parameters<typeof spt>[1], params?: Record<string, string | number>) => spt(m.lang, key, params);
  return html`<div class="row">
      <button type="button" class="draw" aria-pressed=${m.drawing ? 'true' : 'false'} ?disabled=${!m.ready} @click=${a.toggleDrawing}>
        ${t(m.drawing ? 'drawCancel' : 'draw')}
      </button>
      ${m.drawing
        ? html`<button type="button" @click=${a.addCentrePoint}>${t('centrePoint')}</button>
            <button type="button" ?disabled=${m.points < 3} @click=${a.finishDrawing}>${t('finish', { n: m.points })}</button>`
        : nothing}
    </div>
    ${m.zones.length
      ? html`<div class="row">
          <label>${t('zone')}
            <select .value=${m.zoneId} @change=${(e: Event) => a.zone(value(e))}>
              ${m.zones.map((z) => html`<option value=${z.id} ?selected=${z.id === m.zoneId}>${t(z.kind === 'baufenster' ? 'baufenster' : 'baugebiet')} ${z.label}</option>`)}
            </select>
          </label>
          <button type="button" class="use-zone" @click=${a.useZone}>${t('useZone')}</button>
          <button type="button" class="check-plan" @click=${a.checkPlan}>${t('checkPlan')}</button>
        </div>`
      : nothing}
    <div class="row">
      <label>${t('selection')}
        <select @change=${(e: Event) => a.mode(value(e) as PolygonMode)}>
          ${MODES.map((mode) => html`<option value=${mode} ?selected=${mode === m.mode}>${modeLabel(m.lang, mode)}</option>`)}
        </select>
      </label>
    </div>
    <div class="row">
      <label>${t('heightMin')} <input type="number" min="0" step="0.5" .value=${m.heightMin} @input=${(e: Event) => a.heightMin(value(e))} /></label>
      <label>${t('yearBefore')} <input type="number" min="1000" max="2100" .value=${m.yearBefore} @input=${(e: Event) => a.yearBefore(value(e))} /></label>
    </div>
    <p class="status" role="status" aria-live="polite">${m.status}</p>
    ${m.error ? html`<p class="status error" role="alert">${m.error}</p>` : nothing}
    ${m.stats ? renderStats(m.stats, m.lang) : nothing}
    ${m.table
      ? html`${renderTable(m.table, { sort: a.sort, page: a.page, activate: a.activate }, m.lang)}
          <div class="row">
            <button type="button" @click=${() => a.exportAs('csv')}>${t('exportCsv')}</button>
            <button type="button" @click=${() => a.exportAs('geojson')}>${t('exportGeojson')}</button>
          </div>`
      : nothing}
    ${renderCompliance(m.compliance, a.activateFinding, m.lang)}`;
}
