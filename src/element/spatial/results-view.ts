/** The results part of <twinby-spatial>: statistics, a sortable table and the plan findings. Text only, never HTML. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Aggregates, BuildingRow, ComplianceFinding, ComplianceSummary, RowSortKey } from '../../worker-clients/spatial-client.js';
import type { Lang } from '../../core/i18n/lang.js';
import { findingText } from '../../core/plan/finding-text.js';
import { checkLabel, columnLabel, count, num, spt } from './spatial-texts.js';

export function renderStats(s: Aggregates, lang: Lang): TemplateResult {
  const gfa = s.grossFloorArea;
  const de = (v: number | null | undefined, digits?: number) => num(lang, v, digits);
  return html`<dl class="stats">
    <div><dt>${spt(lang, 'stat.buildings')}</dt><dd data-stat="count">${count(lang, s.count)}${s.planned ? spt(lang, 'stat.plannedOf', { n: s.planned }) : ''}</dd></div>
    <div><dt>${spt(lang, 'stat.footprint')}</dt><dd>${de(s.footprintArea, 0)} m²</dd></div>
    <div><dt>${spt(lang, 'stat.height')}</dt><dd>${de(s.height.min)} / ${de(s.height.mean)} / ${de(s.height.max)} m</dd></div>
    <div><dt>${spt(lang, 'stat.storeys')}</dt><dd>${de(s.storeys.min, 0)} / ${de(s.storeys.mean)} / ${de(s.storeys.max, 0)}</dd></div>
    <div>
      <dt>${spt(lang, 'stat.gfa')}</dt>
      <dd title=${spt(lang, 'stat.gfaHow', { h: gfa.assumedStoreyHeight })}>
        ${de(gfa.total, 0)} m²${gfa.fromHeight ? spt(lang, 'stat.fromHeight', { n: gfa.fromHeight }) : ''}${gfa.unknown ? spt(lang, 'stat.unknown', { n: gfa.unknown }) : ''}
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

type Column = Exclude<RowSortKey, 'planned'>;
const COLUMNS: Column[] = ['id', 'height', 'storeys', 'footprintArea', 'grossFloorArea', 'yearOfConstruction', 'violations'];

function cell(row: BuildingRow, key: Column, lang: Lang): string {
  const de = (v: number | null | undefined, digits?: number) => num(lang, v, digits);
  switch (key) {
    case 'id':
      return row.planned ? `${row.id}${spt(lang, 'planned')}` : row.id;
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

export function renderTable(t: TableState, a: TableActions, lang: Lang): TemplateResult {
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
  return html`<table class="buildings" aria-label=${spt(lang, 'tableLabel')} aria-rowcount=${t.total + 1}>
      <thead>
        <tr>
          ${COLUMNS.map((key) => {
            const sorted = t.sortBy === key;
            return html`<th scope="col" aria-sort=${sorted ? (t.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" data-sort=${key} @click=${() => a.sort(key)}>${columnLabel(lang, key)}${sorted ? (t.descending ? ' ▼' : ' ▲') : ''}</button>
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
            title=${spt(lang, 'rowTitle')}
            @click=${() => a.activate(row)}
            @keydown=${onKey(row)}
          >
            ${COLUMNS.map((key) => html`<td>${cell(row, key, lang)}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
    <div class="pager">
      <button type="button" ?disabled=${t.offset === 0} @click=${() => a.page(Math.max(0, t.offset - t.pageSize))}>${spt(lang, 'previous')}</button>
      <span>${t.total ? spt(lang, 'range', { from: t.offset + 1, to: last, total: t.total }) : spt(lang, 'noBuildings')}</span>
      <button type="button" ?disabled=${last >= t.total} @click=${() => a.page(t.offset + t.pageSize)}>${spt(lang, 'next')}</button>
    </div>`;
}

/** "Planprüfung: 2 Verstöße bei 1 Gebäude" in the panel's language. */
export function complianceHeadline(c: ComplianceSummary, lang: Lang): string {
  return spt(lang, 'checkResult', {
    violations: c.violationCount,
    violationWord: spt(lang, c.violationCount === 1 ? 'violation' : 'violations'),
    buildings: c.violators.length,
    buildingWord: spt(lang, c.violators.length === 1 ? 'building' : 'buildings'),
  });
}

export function renderCompliance(c: ComplianceSummary | null, activate: (f: ComplianceFinding) => void, lang: Lang): TemplateResult | typeof nothing {
  if (!c) return nothing;
  const bad = c.findings.filter((f) => f.status === 'violation');
  const zone = (z: ComplianceSummary['zones'][number]) =>
    spt(lang, 'zoneLine', { zone: z.label, n: z.buildings }) +
    (z.grz !== null ? spt(lang, 'zoneGrz', { grz: num(lang, z.grz, 2) }) : '') +
    (z.grzPermitted !== null ? spt(lang, 'zoneGrzPermitted', { grz: num(lang, z.grzPermitted, 2) }) : '') +
    (z.violations ? spt(lang, 'zoneViolations', { n: z.violations }) : '');
  return html`<section class="compliance" aria-label=${spt(lang, 'check')}>
    <h3>${complianceHeadline(c, lang)}</h3>
    <ul>
      ${c.zones.map((z) => html`<li>${zone(z)}</li>`)}
    </ul>
    ${bad.length
      ? html`<ul class="findings">
          ${bad.map(
            (f) => html`<li class="violation" data-building=${f.buildingId ?? ''}>
              ${f.buildingId
                ? html`<button type="button" @click=${() => activate(f)}>${f.buildingId}${f.planned ? spt(lang, 'planned') : ''}</button>`
                : html`<strong>${f.zoneLabel}</strong>`}
              <span>${checkLabel(lang, f.check)}: ${findingText(f.phrase, lang)}</span>
            </li>`,
          )}
        </ul>`
      : nothing}
    ${c.violationCount > c.findings.length ? html`<p class="note">${spt(lang, 'firstFindings', { shown: c.findings.length, total: c.violationCount })}</p>` : nothing}
  </section>`;
}
