import { html, nothing, type TemplateResult } from 'lit';
import { describeFeature, featureTitle, formatValue, t, type InfoRow, type Lang } from '../core/index.js';
import type { PickResult } from '../engines/engine.js';

export interface InfoPanelState {
  title: string;
  heading: string;
  rows: InfoRow[];
  /** 3D Tiles 1.1 metadata: one section per level (tileset, group, tile, content). */
  sections?: Array<{ level: string; heading: string; rows: InfoRow[] }>;
}

/**
 * The attribute panel. Every value goes through a text binding, so markup in the data shows as
 * literal text. It is a labelled region reachable by Tab; Escape or the close button closes it.
 */
export function renderInfoPanel(state: InfoPanelState | null, lang: Lang, onClose: () => void): TemplateResult | typeof nothing {
  if (!state) return nothing;
  const own = state.rows.filter((r) => !r.generic);
  const generic = state.rows.filter((r) => r.generic);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  return html`<section class="info" part="info-panel" role="region" aria-labelledby="info-heading" tabindex="-1" @keydown=${onKey}>
    <header>
      <div>
        <p class="kind">${state.heading}</p>
        <h2 id="info-heading">${state.title}</h2>
      </div>
      <button class="close" part="button info-close" type="button" @click=${onClose} aria-label=${t(lang, 'info.close')} title=${t(lang, 'info.close')}>×</button>
    </header>
    <dl>
      ${own.map((row) => html`<div class="row" data-key=${row.key}><dt>${row.label}</dt><dd>${row.value}</dd></div>`)}
    </dl>
    ${generic.length
      ? html`<h3>${t(lang, 'info.more')}</h3>
          <dl>
            ${generic.map((row) => html`<div class="row" data-key=${row.key}><dt>${row.label}</dt><dd>${row.value}</dd></div>`)}
          </dl>`
      : nothing}
    ${(state.sections ?? []).map(
      (section) => html`<h3 class="meta" data-level=${section.level}>${section.heading}</h3>
        <dl class="meta" data-level=${section.level}>
          ${section.rows.map((row) => html`<div class="row" data-key=${row.key}><dt>${row.label}</dt><dd>${row.value}</dd></div>`)}
        </dl>`,
    )}
  </section>`;
}

/** Panel content for a pick: a building's attributes with code-list words and units, or an overlay feature's properties. */
export function panelFor(pick: PickResult, lang: Lang, custom?: InfoRow[]): InfoPanelState {
  if (pick.kind === 'building') {
    const sections = (pick.metadata ?? []).map((m) => ({
      level: m.level,
      heading: t(lang, `info.meta.${m.level}`, { name: m.className }),
      rows: m.rows.filter((r) => r.value !== null).map((r) => ({ key: r.key, label: r.label, value: formatValue(r.key, r.value, lang) })),
    }));
    return { heading: t(lang, 'info.title'), title: featureTitle(pick.attributes, lang), rows: custom ?? describeFeature(pick.attributes, lang), sections };
  }
  const rows =
    custom ??
    Object.entries(pick.attributes)
      .filter(([, v]) => v !== null)
      .map(([key, value]) => ({ key, label: key, value: formatValue(key, value, lang) }));
  const name = pick.attributes.name;
  return { heading: t(lang, 'info.overlayTitle'), title: typeof name === 'string' && name ? name : pick.id, rows };
}
