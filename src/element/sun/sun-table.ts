import { html } from 'lit';
import type { Lang } from '../../core/index.js';
import type { BuildingSunRow } from '../../worker-clients/shadow-client.js';
import { minimumShare } from './sun-comparison.js';
import { st } from './sun-strings.js';

export type SunSortKey = 'id' | 'facadeArea' | 'baseHours' | 'variantHours' | 'lostHours' | 'maxLostHours' | 'minimum';

export interface SunTableState {
  rows: BuildingSunRow[];
  sort: SunSortKey;
  descending: boolean;
  labels: { base: string; variant: string };
}

/** Rows sorted by a column (a copy). */
export function sortRows(rows: readonly BuildingSunRow[], key: SunSortKey, descending: boolean): BuildingSunRow[] {
  const value = (r: BuildingSunRow): number | string => (key === 'minimum' ? minimumShare(r, 'variantLevels') - minimumShare(r, 'baseLevels') : r[key]);
  const sorted = [...rows].sort((a, b) => {
    const x = value(a), y = value(b);
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
  });
  return descending ? sorted.reverse() : sorted;
}

/** The per-building table: headers sort, a row (click or Enter) activates its building. Text from data is text. */
export function renderSunTable(lang: Lang, state: SunTableState, on: { sort(key: SunSortKey): void; activate(id: string): void }) {
  const fmt = (n: number, digits = 2) => n.toLocaleString(lang === 'en' ? 'en' : 'de', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pct = (n: number) => `${Math.round(n * 100)} %`;
  const head = (key: SunSortKey, label: string) =>
    html`<th aria-sort=${state.sort === key ? (state.descending ? 'descending' : 'ascending') : 'none'}><button type="button" @click=${() => on.sort(key)}>${label}</button></th>`;
  return html`<table>
    <thead>
      <tr>
        ${head('id', st(lang, 'colBuilding'))} ${head('facadeArea', st(lang, 'colFacade'))} ${head('baseHours', st(lang, 'colBase', { base: state.labels.base }))}
        ${head('variantHours', st(lang, 'colVariant', { variant: state.labels.variant }))} ${head('lostHours', st(lang, 'colLost'))}
        ${head('maxLostHours', st(lang, 'colMaxLost'))} ${head('minimum', st(lang, 'colLevel'))}
      </tr>
    </thead>
    <tbody>
      ${state.rows.map(
        (r) => html`<tr tabindex="0" data-id=${r.id} @click=${() => on.activate(r.id)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && on.activate(r.id)}>
          <td>${r.id}</td>
          <td class="num">${fmt(r.facadeArea, 0)}</td>
          <td class="num">${fmt(r.baseHours)}</td>
          <td class="num">${fmt(r.variantHours)}</td>
          <td class="num">${fmt(r.lostHours)}</td>
          <td class="num">${fmt(r.maxLostHours)}</td>
          <td class="num">${pct(minimumShare(r, 'baseLevels'))} → ${pct(minimumShare(r, 'variantLevels'))}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
