import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { LegendEntry, PlanLegend } from '../core/formats/xplanung/xplan-overlay.js';
import type { Lang } from '../core/index.js';

/** What a plan layer shows in its corner: legend, layer switch, status. */
export interface PlanPanelState {
  legend: PlanLegend | null;
  visible: boolean;
  /** e.g. "Lädt …" while requests run. */
  status: string | null;
  error: string | null;
}

const text = {
  de: { legend: 'Legende', loading: 'Lädt …', plan: 'Bebauungsplan' },
  en: { legend: 'Legend', loading: 'Loading …', plan: 'Land-use plan' },
} as const;

export function planText(lang: Lang) {
  return text[lang === 'en' ? 'en' : 'de'];
}

function swatch(e: LegendEntry): TemplateResult {
  const s = e.style;
  if (e.kind === 'line') {
    const dash = s.dash ? `${s.dash[0] * 3} ${s.dash[1] * 3}` : 'none';
    return svg`<svg class="sw" viewBox="0 0 24 12" aria-hidden="true"><line x1="1" y1="6" x2="23" y2="6" stroke=${s.stroke ?? '#333'} stroke-width="2.5" stroke-dasharray=${dash} /></svg>`;
  }
  if (e.kind === 'point') return svg`<svg class="sw" viewBox="0 0 24 12" aria-hidden="true"><circle cx="12" cy="6" r="3.5" fill=${s.fill ?? '#111'} /></svg>`;
  const volume = e.kind === 'volume';
  return svg`<svg class="sw" viewBox="0 0 24 12" aria-hidden="true">
    ${volume ? svg`<path d="M6 3 L10 0 L22 0 L18 3 Z M18 3 L22 0 L22 9 L18 12 Z" fill=${s.fill ?? '#888'} fill-opacity="0.35" stroke=${s.stroke ?? 'none'} stroke-width="0.7" />` : nothing}
    <rect x=${volume ? 6 : 2} y=${volume ? 3 : 1} width=${volume ? 12 : 20} height=${volume ? 9 : 10} fill=${s.fill ?? '#888'} fill-opacity=${s.fillOpacity ?? 1} stroke=${s.stroke ?? 'none'} stroke-width="0.7" />
  </svg>`;
}

/** Legend and layer switch. Every text from the data goes through text bindings: markup shows as text. */
/** On a compact viewer the legend starts folded (its title and switch stay). */
export function renderPlanPanel(state: PlanPanelState, lang: Lang, compact: boolean, onToggle: (visible: boolean) => void): TemplateResult {
  const t = planText(lang);
  const legend = state.legend;
  return html`<aside class="panel" part="plan-legend" aria-label=${legend?.title ?? t.plan}>
    <label class="switch" part="plan-switch">
      <input type="checkbox" .checked=${state.visible} @change=${(e: Event) => onToggle((e.target as HTMLInputElement).checked)} />
      <span class="title">${legend?.title ?? t.plan}</span>
    </label>
    ${state.status ? html`<p class="status" role="status">${state.status}</p>` : nothing}
    ${state.error ? html`<p class="error" role="alert">${state.error}</p>` : nothing}
    ${legend && state.visible
      ? html`<details ?open=${!compact}>
          <summary>${t.legend}</summary>
          <ul>
            ${legend.entries.map((e) => html`<li>${swatch(e)}<span>${e.label}</span></li>`)}
          </ul>
          ${legend.notes.map((n) => html`<p class="note">${n}</p>`)}
        </details>`
      : nothing}
  </aside>`;
}

export const planPanelStyles = css`
  :host {
    position: absolute;
    right: 10px;
    bottom: 10px;
    max-width: min(320px, calc(100% - 20px));
    max-height: 50%;
    overflow: auto;
    z-index: 1;
    font: 13px/1.35 system-ui, sans-serif;
    color: #1d1d1f;
  }
  :host([hidden]) {
    display: none;
  }
  .panel {
    background: rgba(255, 255, 255, 0.92);
    border-radius: 6px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    padding: 8px 10px;
  }
  .switch {
    display: flex;
    gap: 6px;
    align-items: center;
    font-weight: 600;
    cursor: pointer;
  }
  summary {
    cursor: pointer;
    margin-top: 4px;
    font-size: 0.9em;
  }
  ul {
    list-style: none;
    margin: 6px 0 0;
    padding: 0;
  }
  li {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .sw {
    width: 24px;
    height: 12px;
    flex: none;
  }
  .note,
  .status {
    margin: 6px 0 0;
    font-size: 0.9em;
    opacity: 0.8;
  }
  .error {
    margin: 6px 0 0;
    color: #b00020;
    overflow-wrap: anywhere;
  }
`;
