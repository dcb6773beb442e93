/** The scenario panel: variant switcher, compare modes, legend, variant table, findings, save and share, editor tools. Data only through text bindings. */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatNumber, type Lang } from '../../core/index.js';
import { BESTAND, type BlockBuilding, type CompareMode, type Scenario } from '../../core/scenario/index.js';
import { findingText } from '../../core/plan/finding-text.js';
import type { BuiltVariant } from './scenario-session.js';
import { PLANNED_COLOR, st } from './scenario-texts.js';

export interface PanelModel {
  lang: Lang;
  scenario: Scenario | null;
  variants: ReadonlyMap<string, BuiltVariant>;
  variant: string;
  compare: CompareMode;
  compareWith: string;
  status: string;
  message: string;
  hasPlan: boolean;
  editing: 'none' | 'draw' | 'hide';
  selectedBlock: BlockBuilding | null;
  canUndo: boolean;
  canRedo: boolean;
  /** False while the panel is folded to its title (on phones it starts so). */
  open: boolean;
  /** The engine draws two states at once (its 'split' capability); without it the compare controls are left out. */
  canCompare: boolean;
  /** The engine draws each side's sun shadows in a comparison ('split-shadows'); without it, a note says none are shown. */
  splitShadows: boolean;
}

export interface PanelActions {
  variant(id: string): void;
  compare(mode: CompareMode): void;
  compareWith(id: string): void;
  save(): void;
  share(): void;
  tool(tool: 'draw' | 'hide'): void;
  undo(): void;
  redo(): void;
  updateBlock(changes: Partial<BlockBuilding>): void;
  move(dx: number, dy: number): void;
  rotate(degrees: number): void;
  removeBlock(): void;
  selectBlock(id: string): void;
  toggle(): void;
}

const num = (v: number | null | undefined, lang: Lang, digits: number) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : formatNumber(v, lang, digits));

export function renderScenarioPanel(m: PanelModel, a: PanelActions): TemplateResult | typeof nothing {
  const { lang, scenario } = m;
  if (!scenario) return m.status || m.message ? html`<section class="panel" part="scenario-panel"><p role="status">${m.status || m.message}</p></section>` : nothing;
  const ids = [BESTAND, ...scenario.variants.map((v) => v.id)];
  const titleOf = (id: string) => (id === BESTAND ? st(lang, 'bestand') : (scenario.variants.find((v) => v.id === id)?.title ?? id));
  const current = m.variants.get(m.variant);
  const variant = scenario.variants.find((v) => v.id === m.variant);
  const findings = current?.report?.findings.filter((f) => f.status !== 'ok') ?? [];
  const title = html`<h2><button type="button" class="toggle" aria-expanded=${String(m.open)} @click=${a.toggle}>${scenario.name}</button></h2>`;
  if (!m.open) return html`<section class="panel collapsed" part="scenario-panel" aria-label=${st(lang, 'label')}>${title}</section>`;
  return html`<section class="panel" part="scenario-panel" aria-label=${st(lang, 'label')}>
    ${title}
    <div class="variants" role="radiogroup" aria-label=${st(lang, 'variant')}>
      ${ids.map((id) => html`<button type="button" role="radio" class="variant" part="scenario-variant" data-variant=${id} aria-checked=${String(id === m.variant)} @click=${() => a.variant(id)}>${titleOf(id)}</button>`)}
    </div>
    <div class="row" ?hidden=${!m.canCompare}>
      <label>${st(lang, 'compare')}
        <select class="compare" @change=${(e: Event) => a.compare((e.target as HTMLSelectElement).value as CompareMode)}>
          ${(['single', 'swipe', 'side-by-side'] as const).map((c) => html`<option value=${c} ?selected=${c === m.compare}>${st(lang, c === 'side-by-side' ? 'sideBySide' : c)}</option>`)}
        </select>
      </label>
      ${m.compare !== 'single' && m.canCompare
        ? html`<label>${st(lang, 'compareWith')}
            <select class="compare-with" @change=${(e: Event) => a.compareWith((e.target as HTMLSelectElement).value)}>
              ${ids.map((id) => html`<option value=${id} ?selected=${id === m.compareWith}>${titleOf(id)}</option>`)}
            </select></label>`
        : nothing}
    </div>
    ${m.compare !== 'single' && m.canCompare && !m.splitShadows ? html`<p class="muted split-shadows">${st(lang, 'noSplitShadows')}</p>` : nothing}
    ${variant?.description ? html`<p class="description">${variant.description}</p>` : nothing}
    <ul class="legend" aria-label=${st(lang, 'legend')}>
      <li><span class="swatch" style=${styleMap({ background: PLANNED_COLOR })}></span>${st(lang, 'planned')}</li>
      ${current && current.replaces.length ? html`<li><span class="swatch hidden-swatch"></span>${st(lang, 'replaced', { n: current.replaces.length })}</li>` : nothing}
    </ul>
    ${renderTable(m, ids, titleOf)}
    ${m.hasPlan
      ? html`<h3>${st(lang, 'findings')} – ${titleOf(m.variant)}</h3>
          ${findings.length === 0
            ? html`<p class="ok">${st(lang, 'allOk')}</p>`
            : html`<ul class="findings">${findings.slice(0, 12).map((f) => html`<li class=${f.status}><strong>${f.buildingId ?? f.zoneLabel}</strong> (${f.zoneLabel}): ${findingText(f.phrase, lang)}</li>`)}</ul>`}`
      : html`<p class="muted">${st(lang, 'noPlan')}</p>`}
    ${variant ? renderEditor(m, a) : nothing}
    <div class="row actions">
      <button type="button" class="save" @click=${a.save}>${st(lang, 'save')}</button>
      <button type="button" class="share" @click=${a.share}>${st(lang, 'share')}</button>
    </div>
    ${m.status ? html`<p class="status" role="status">${m.status}</p>` : nothing}
    ${m.message ? html`<p class="message" role="alert">${m.message}</p>` : nothing}
  </section>`;
}

function renderTable(m: PanelModel, ids: string[], titleOf: (id: string) => string): TemplateResult | typeof nothing {
  const { lang } = m;
  if (!m.hasPlan) return nothing;
  return html`<table class="compare-table">
    <caption>${st(lang, 'table')}</caption>
    <thead><tr><th scope="col"></th><th scope="col">${st(lang, 'grz')}</th><th scope="col">${st(lang, 'gfz')}</th><th scope="col" title="Bruttogeschossfläche in den Baugebieten">${st(lang, 'floorArea')}</th><th scope="col" title="höchstes geplantes Gebäude">${st(lang, 'height')}</th><th scope="col">${st(lang, 'violations')}</th></tr></thead>
    <tbody>
      ${ids.map((id) => {
        const r = m.variants.get(id)?.report;
        return html`<tr data-variant=${id} class=${id === m.variant ? 'current' : ''}>
          <th scope="row">${titleOf(id)}</th>
          <td>${num(r?.grz, lang, 2)}</td>
          <td>${num(r?.gfz, lang, 2)}</td>
          <td>${r ? `${num(r.grossFloorArea, lang, 0)} m²` : '–'}</td>
          <td>${r?.maxPlannedHeight != null ? `${num(r.maxPlannedHeight, lang, 1)} m` : '–'}</td>
          <td class=${r && r.violations > 0 ? 'bad' : ''}>${r ? r.violations : '–'}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function renderEditor(m: PanelModel, a: PanelActions): TemplateResult {
  const { lang } = m;
  const blocks = m.scenario!.variants.find((v) => v.id === m.variant)?.buildings.filter((b): b is BlockBuilding => b.kind === 'block') ?? [];
  const b = m.selectedBlock;
  const numberInput = (label: string, cls: string, value: number | undefined, change: (v: number) => void, step = 1) =>
    html`<label>${label} <input class=${cls} type="number" step=${step} .value=${value === undefined ? '' : String(value)} @change=${(e: Event) => {
      const v = Number((e.target as HTMLInputElement).value);
      if (Number.isFinite(v)) change(v);
    }} /></label>`;
  return html`<details class="editor" ?open=${m.editing !== 'none' || b !== null}>
    <summary>${st(lang, 'edit')}</summary>
    <div class="row">
      <button type="button" class="draw" aria-pressed=${String(m.editing === 'draw')} @click=${() => a.tool('draw')}>${st(lang, 'draw')}</button>
      <button type="button" class="pick-hide" aria-pressed=${String(m.editing === 'hide')} @click=${() => a.tool('hide')}>${st(lang, 'pickHide')}</button>
      <button type="button" class="undo" ?disabled=${!m.canUndo} @click=${a.undo}>${st(lang, 'undo')}</button>
      <button type="button" class="redo" ?disabled=${!m.canRedo} @click=${a.redo}>${st(lang, 'redo')}</button>
    </div>
    ${m.editing === 'draw' ? html`<p class="muted">${st(lang, 'drawHint')}</p>` : m.editing === 'hide' ? html`<p class="muted">${st(lang, 'pickHint')}</p>` : nothing}
    ${blocks.length
      ? html`<label>Block <select class="block" @change=${(e: Event) => a.selectBlock((e.target as HTMLSelectElement).value)}>
          ${blocks.map((x) => html`<option value=${x.id} ?selected=${x.id === b?.id}>${x.name ?? x.id}</option>`)}
        </select></label>`
      : nothing}
    ${b
      ? html`<div class="grid">
          ${numberInput(st(lang, 'storeys'), 'storeys', b.storeys, (v) => a.updateBlock({ storeys: Math.max(1, Math.round(v)), height: undefined }))}
          ${numberInput(st(lang, 'storeyHeight'), 'storey-height', b.storeyHeight ?? 3, (v) => v > 0 && a.updateBlock({ storeyHeight: v }), 0.1)}
          <label>${st(lang, 'roof')} <select class="roof" @change=${(e: Event) => a.updateBlock({ roof: { ...b.roof, form: (e.target as HTMLSelectElement).value as 'flat' } })}>
            ${(['flat', 'gable', 'hip', 'shed'] as const).map((f) => html`<option value=${f} ?selected=${(b.roof?.form ?? 'flat') === f}>${st(lang, f)}</option>`)}
          </select></label>
          ${numberInput(st(lang, 'ridge'), 'ridge', b.roof?.ridgeDirection, (v) => a.updateBlock({ roof: { form: b.roof?.form ?? 'gable', ...b.roof, ridgeDirection: v } }))}
        </div>
        <div class="row">
          <span>${st(lang, 'move')}</span>
          <button type="button" class="move-w" aria-label=${st(lang, 'west')} @click=${() => a.move(-1, 0)}>←</button>
          <button type="button" class="move-n" aria-label=${st(lang, 'north')} @click=${() => a.move(0, 1)}>↑</button>
          <button type="button" class="move-s" aria-label=${st(lang, 'south')} @click=${() => a.move(0, -1)}>↓</button>
          <button type="button" class="move-e" aria-label=${st(lang, 'east')} @click=${() => a.move(1, 0)}>→</button>
          <span>${st(lang, 'rotate')}</span>
          <button type="button" class="rotate-l" @click=${() => a.rotate(-5)}>⟲ 5°</button>
          <button type="button" class="rotate-r" @click=${() => a.rotate(5)}>⟳ 5°</button>
          <button type="button" class="remove" @click=${a.removeBlock}>${st(lang, 'remove')}</button>
        </div>`
      : nothing}
  </details>`;
}
