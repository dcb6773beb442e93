import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { t, type LegendEntry, type Lang } from '../core/index.js';

export interface LegendState {
  title: string;
  entries: LegendEntry[];
}

/** On a compact viewer the legend starts folded to its title. */
export function renderLegend(state: LegendState | null, lang: Lang, compact = false): TemplateResult | typeof nothing {
  if (!state || state.entries.length === 0) return nothing;
  return html`<aside class="legend" part="legend" aria-label=${t(lang, 'legend.title')}>
    <details ?open=${!compact}>
      <summary><h2>${state.title}</h2></summary>
      <ul>
        ${state.entries.map((e) => html`<li><span class="swatch" style=${styleMap({ background: e.color })}></span><span>${e.label}</span></li>`)}
      </ul>
    </details>
  </aside>`;
}
