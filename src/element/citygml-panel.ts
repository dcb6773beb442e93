import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatNumber, t, type Lang } from '../core/index.js';
import type { ConvertProgress, ConvertSummary } from '../worker-clients/citygml-client.js';

/** What <twinby-citygml> shows: nothing, a conversion under way, or how the last one ended. */
export type CityGMLPanelState =
  | { kind: 'idle' }
  | ({ kind: 'converting'; file: string; totalBytes: number | null } & ConvertProgress)
  | { kind: 'done'; file: string; summary: ConvertSummary }
  | { kind: 'cancelled'; file: string }
  | { kind: 'unreadable'; file: string; message: string };

export interface CityGMLPanelActions {
  cancel(): void;
  close(): void;
}

/** Warnings listed in the panel; the summary holds up to 1,000. */
const LISTED_WARNINGS = 20;

/** Share of the input read, 0–1, or null when the size is unknown. */
export function readFraction(bytesRead: number, totalBytes: number | null): number | null {
  return totalBytes && totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : null;
}

function bytes(n: number, lang: Lang): string {
  if (n < 1024 * 1024) return `${formatNumber(n / 1024, lang, 0)}\u00a0KB`;
  return `${formatNumber(n / (1024 * 1024), lang, 1)}\u00a0MB`;
}

const count = (n: number, lang: Lang) => formatNumber(n, lang, 0);

/** The panel. File names, messages and warnings come from data: they only ever go through text bindings. */
export function renderCityGMLPanel(state: CityGMLPanelState, lang: Lang, actions: CityGMLPanelActions): TemplateResult | typeof nothing {
  if (state.kind === 'idle') return nothing;
  const close = html`<button class="close" part="citygml-close" type="button" aria-label=${t(lang, 'citygml.close')} title=${t(lang, 'citygml.close')} @click=${actions.close}>×</button>`;
  let body: TemplateResult;
  switch (state.kind) {
    case 'converting': {
      const fraction = readFraction(state.bytesRead, state.totalBytes);
      const read =
        state.phase !== 'reading'
          ? t(lang, 'citygml.writing')
          : fraction === null
            ? t(lang, 'citygml.read', { read: bytes(state.bytesRead, lang) })
            : t(lang, 'citygml.readOf', { read: bytes(state.bytesRead, lang), total: bytes(state.totalBytes!, lang), percent: Math.floor(fraction * 100) });
      body = html`<p class="line">${t(lang, 'citygml.converting', { file: state.file })}</p>
        <progress part="citygml-progress" max="1" value=${ifDefined(state.phase === 'reading' ? (fraction ?? undefined) : 1)} aria-label=${t(lang, 'citygml.label')}></progress>
        <p class="line detail">
          <span>${read}</span> · <span>${t(lang, 'citygml.counts', { buildings: count(state.buildings, lang), tiles: count(state.tiles, lang) })}</span>
        </p>
        <button class="cancel" part="citygml-cancel" type="button" @click=${actions.cancel}>${t(lang, 'citygml.cancel')}</button>`;
      break;
    }
    case 'done':
      body = renderSummary(state.file, state.summary, lang, close);
      break;
    case 'cancelled':
      body = html`<p class="line" role="status">${t(lang, 'citygml.cancelled', { file: state.file })}</p>${close}`;
      break;
    case 'unreadable':
      body = html`<p class="line error" role="alert">${t(lang, 'citygml.unreadable', { file: state.file, message: state.message })}</p>${close}`;
      break;
  }
  return html`<section class="panel ${state.kind}" part="citygml-panel" aria-label=${t(lang, 'citygml.label')}>${body}</section>`;
}

function renderSummary(file: string, summary: ConvertSummary, lang: Lang, close: TemplateResult): TemplateResult {
  const warnings = summary.warnings;
  const warningLabel = warnings.length === 1 ? t(lang, 'citygml.oneWarning') : t(lang, 'citygml.warnings', { count: count(warnings.length, lang) });
  const error = summary.error;
  return html`${error
      ? html`<p class="line error" role="alert">${t(lang, 'citygml.failed', { message: error.message })}</p>
          <p class="line">${t(lang, 'citygml.partial', { buildings: count(summary.buildings, lang) })}</p>`
      : html`<p class="line" role="status">${t(lang, 'citygml.done', { file, buildings: count(summary.buildings, lang) })}</p>`}
    ${warnings.length
      ? html`<details part="citygml-warnings">
          <summary>${warningLabel}</summary>
          <ul>
            ${warnings.slice(0, LISTED_WARNINGS).map((w) => html`<li>${w.line !== undefined ? `${w.line}:${w.column ?? 1}: ` : ''}${w.message}</li>`)}
          </ul>
        </details>`
      : nothing}
    ${close}`;
}

export const cityGMLPanelStyles = css`
  /* bottom centre; the viewer's panel layout stacks it above whatever bottom panel shares its band */
  :host {
    position: absolute;
    bottom: 34px;
    left: 50%;
    transform: translateX(-50%);
    width: max-content;
    max-width: min(420px, calc(100% - 120px));
    z-index: 2;
    font: 13px/1.35 system-ui, sans-serif;
    color: var(--twinby-fg, #1d2733);
  }
  :host([hidden]) {
    display: none;
  }
  .panel {
    position: relative;
    background: rgba(255, 255, 255, 0.94);
    border-radius: 6px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    padding: 6px 30px 6px 10px;
  }
  .panel.converting {
    padding-right: 10px;
  }
  .line {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .detail {
    font-size: 0.9em;
    opacity: 0.8;
  }
  .error {
    color: var(--twinby-error, #b00020);
  }
  progress {
    display: block;
    width: 100%;
    height: 4px;
    margin: 4px 0;
    accent-color: var(--twinby-accent, #005ea8);
  }
  button {
    font: inherit;
  }
  .cancel {
    margin-top: 4px;
    padding: 2px 10px;
  }
  .close {
    position: absolute;
    top: 2px;
    right: 4px;
    border: 0;
    background: none;
    font-size: 18px;
    line-height: 1;
    padding: 2px 4px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--twinby-accent, #005ea8);
    outline-offset: 1px;
  }
  details {
    margin-top: 4px;
  }
  summary {
    cursor: pointer;
  }
  ul {
    margin: 4px 0 0;
    padding-left: 18px;
    max-height: 8em;
    overflow: auto;
    font-size: 0.9em;
  }
`;
