/** The results part of <twinby-spatial>: statistics, a sortable table and the plan findings. Text only, never HTML. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Aggregates, BuildingRow, ComplianceFinding, ComplianceSummary, RowSortKey } from '../../worker-clients/spatial-client.js';
import { CHECK_LABELS, COLUMN_LABELS, de } from './spatial-format.js';

export function renderStats(s: Aggregates): TemplateResult {
  const gfa = s.grossFloorArea;
  return html`<dl class="stats">
    <div><dt>Gebäude</dt><dd data-stat="count">${s.count.toLocaleString('de-DE')}${s.planned ? ` (davon ${s.planned} geplant)` : ''}</dd></div>
    <div><dt>Grundfläche</dt><dd>${de(s.footprintArea, 0)} m²</dd></div>
    <div><dt>Höhe min/Ø/max</dt><dd>${de(s.height.min)} / ${de(s.height.mean)} / ${de(s.height.max)} m</dd></div>
    <div><dt>Geschosse min/Ø/max</dt><dd>${de(s.storeys.min, 0)} / ${de(s.storeys.mean)} / ${de(s.storeys.max, 0)}</dd></div>
    <div>
      <dt>BGF geschätzt</dt>
      <dd title="Grundfläche × Geschosse; ohne Geschosszahl Grundfläche × Höhe / ${gfa.assumedStoreyHeight} m">
        ${de(gfa.total, 0)} m²${gfa.fromHeight ? ` (${gfa.fromHeight} aus Höhe geschätzt)` : ''}${gfa.unknown ? `, ${gfa.unknown} ohne Angabe` : ''}
      </dd>
    </div>
  </dl>`;
}

export interface TableState {
  rows: BuildingRow[];
  total: number;
  offset: number;
  pageSize: number;
  sortBy: RowSortKey;
  descending: boolean;
  selectedId: string | null;
}

export interface TableActions {
  sort(key: RowSortKey): void;
  page(offset: number): void;
  activate(row: BuildingRow): void;
}

const COLUMNS: (keyof typeof COLUMN_LABELS)[] = ['id', 'height', 'storeys', 'footprintArea', 'grossFloorArea', 'yearOfConstruction', 'violations'];

function cell(row: BuildingRow, key: keyof typeof COLUMN_LABELS): string {
  switch (key) {
    case 'id':
      return row.planned ? `${row.id} (geplant)` : row.id;
    case 'height':
      return de(row.height);
    case 'storeys':
      return row.storeys === null ? '–' : String(row.storeys);
    case 'footprintArea':
      return de(row.footprintArea, 0);
    case 'grossFloorArea':
      return de(row.grossFloorArea, 0);
    case 'yearOfConstruction':
      return row.yearOfConstruction === null ? '–' : String(row.yearOfConstruction);
    case 'function':
      return row.function ?? '–';
    case 'violations':
      return row.violations.length ? row.violations.join('; ') : '';
  }
}

export function renderTable(t: TableState, a: TableActions): TemplateResult {
  const onKey = (row: BuildingRow) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      a.activate(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const tr = e.currentTarget as HTMLElement;
      ((e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling) as HTMLElement | null)?.focus();
    }
  };
  const last = Math.min(t.offset + t.pageSize, t.total);
  return html`<table class="buildings" aria-label="Gebäude im Gebiet" aria-rowcount=${t.total + 1}>
      <thead>
        <tr>
          ${COLUMNS.map((key) => {
            const sorted = t.sortBy === key;
            return html`<th scope="col" aria-sort=${sorted ? (t.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" data-sort=${key} @click=${() => a.sort(key)}>${COLUMN_LABELS[key]}${sorted ? (t.descending ? ' ▼' : ' ▲') : ''}</button>
            </th>`;
          })}
        </tr>
      </thead>
      <tbody>
        ${t.rows.map(
          (row) => html`<tr
            tabindex="0"
            class=${[row.violations.length ? 'violation' : '', row.id === t.selectedId ? 'selected' : ''].join(' ')}
            data-id=${row.id}
            aria-selected=${row.id === t.selectedId ? 'true' : 'false'}
            title="Zum Gebäude fliegen und auswählen"
            @click=${() => a.activate(row)}
            @keydown=${onKey(row)}
          >
            ${COLUMNS.map((key) => html`<td>${cell(row, key)}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
    <div class="pager">
      <button type="button" ?disabled=${t.offset === 0} @click=${() => a.page(Math.max(0, t.offset - t.pageSize))}>Zurück</button>
      <span>${t.total ? `${t.offset + 1}–${last} von ${t.total}` : 'keine Gebäude'}</span>
      <button type="button" ?disabled=${last >= t.total} @click=${() => a.page(t.offset + t.pageSize)}>Weiter</button>
    </div>`;
}

export function renderCompliance(c: ComplianceSummary | null, activate: (f: ComplianceFinding) => void): TemplateResult | typeof nothing {
  if (!c) return nothing;
  const bad = c.findings.filter((f) => f.status === 'violation');
  return html`<section class="compliance" aria-label="Planprüfung">
    <h3>Planprüfung: ${c.violationCount} ${c.violationCount === 1 ? 'Verstoß' : 'Verstöße'} bei ${c.violators.length} ${c.violators.length === 1 ? 'Gebäude' : 'Gebäuden'}</h3>
    <ul>
      ${c.zones.map((z) => html`<li>${z.label}: ${z.buildings} Gebäude${z.grz !== null ? `, GRZ ${de(z.grz, 2)}` : ''}${z.grzPermitted !== null ? ` (zulässig ${de(z.grzPermitted, 2)})` : ''}${z.violations ? ` – ${z.violations} Verstöße` : ''}</li>`)}
    </ul>
    ${bad.length
      ? html`<ul class="findings">
          ${bad.map(
            (f) => html`<li class="violation" data-building=${f.buildingId ?? ''}>
              ${f.buildingId
                ? html`<button type="button" @click=${() => activate(f)}>${f.buildingId}${f.planned ? ' (geplant)' : ''}</button>`
                : html`<strong>${f.zoneLabel}</strong>`}
              <span>${CHECK_LABELS[f.check]}: ${f.text}</span>
            </li>`,
          )}
        </ul>`
      : nothing}
    ${c.violationCount > c.findings.length ? html`<p class="note">Erste ${c.findings.length} von ${c.violationCount} Verstößen gezeigt.</p>` : nothing}
  </section>`;
}
