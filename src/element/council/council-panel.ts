import { html, nothing } from 'lit';
import type { Lang } from '../../core/index.js';
import type { Viewpoint } from '../../core/council/index.js';
import { ct } from './council-texts.js';
import type { OfflineProgress } from './offline-files.js';

export interface CouncilPanelActions {
  copyLink(): void;
  save(): void;
  rename(id: string, changes: { title?: string; caption?: string }): void;
  move(id: string, by: number): void;
  remove(id: string): void;
  present(): void;
  saveFile(): void;
  png(): void;
  go(index: number): void;
  prepare(): void;
  clear(): void;
}

/** The working panel: link, viewpoints (editable in place), present, export. Texts from data go in as text. */
export function renderCouncilPanel(lang: Lang, viewpoints: readonly Viewpoint[], status: string, a: CouncilPanelActions, offline: OfflineProgress | null = null) {
  return html`<details class="panel" part="panel">
    <summary>${ct(lang, 'title')}</summary>
    <div class="row">
      <button type="button" class="copy-link" @click=${a.copyLink}>${ct(lang, 'copyLink')}</button>
      <button type="button" class="save-view" @click=${a.save}>${ct(lang, 'save')}</button>
      <button type="button" class="png" @click=${a.png}>${ct(lang, 'png')}</button>
    </div>
    ${viewpoints.length
      ? html`<ol class="viewpoints">
          ${viewpoints.map(
            (vp, i) => html`<li data-id=${vp.id}>
              <div class="row">
                <input class="vp-title" aria-label=${ct(lang, 'title')} .value=${vp.title} @change=${(e: Event) => a.rename(vp.id, { title: (e.target as HTMLInputElement).value })} />
              </div>
              <div class="row">
                <input class="vp-caption" aria-label=${ct(lang, 'caption')} placeholder=${ct(lang, 'caption')} .value=${vp.caption} @change=${(e: Event) => a.rename(vp.id, { caption: (e.target as HTMLInputElement).value })} />
              </div>
              <div class="row">
                <button type="button" @click=${() => a.go(i)}>▶</button>
                <button type="button" aria-label=${ct(lang, 'up')} ?disabled=${i === 0} @click=${() => a.move(vp.id, -1)}>↑</button>
                <button type="button" aria-label=${ct(lang, 'down')} ?disabled=${i === viewpoints.length - 1} @click=${() => a.move(vp.id, 1)}>↓</button>
                <button type="button" aria-label=${ct(lang, 'remove')} @click=${() => a.remove(vp.id)}>✕</button>
              </div>
            </li>`,
          )}
        </ol>
        <div class="row">
          <button type="button" class="present" @click=${a.present}>${ct(lang, 'present')}</button>
          <button type="button" class="save-file" @click=${a.saveFile}>${ct(lang, 'saveFile')}</button>
        </div>
        <div class="row">
          <button type="button" class="prepare" ?disabled=${!!offline} @click=${a.prepare}>${ct(lang, 'prepare')}</button>
          <button type="button" class="clear-cache" ?disabled=${!!offline} @click=${a.clear}>${ct(lang, 'clear')}</button>
        </div>
        ${offline?.phase === 'download' && offline.totalFiles
          ? html`<progress class="offline-progress" max=${offline.totalFiles} .value=${offline.files}></progress>`
          : nothing}`
      : nothing}
    <div class="status" role="status">${status}</div>
  </details>`;
}

/** The presentation bar: large title and caption, progress, on-screen steps. */
export function renderStageBar(lang: Lang, viewpoints: readonly Viewpoint[], index: number, a: { previous(): void; next(): void; exit(): void }) {
  const vp = viewpoints[index];
  const n = viewpoints.length;
  return html`<section class="stage-bar" part="stage-bar" aria-live="polite">
    <h2>${vp?.title ?? ''}</h2>
    ${vp?.caption ? html`<p>${vp.caption}</p>` : nothing}
    <div class="row">
      <button type="button" class="previous" ?disabled=${index <= 0} @click=${a.previous}>← ${ct(lang, 'previous')}</button>
      <button type="button" class="next" ?disabled=${index >= n - 1} @click=${a.next}>${ct(lang, 'next')} →</button>
      <div class="progress" role="progressbar" aria-label=${ct(lang, 'step', { i: index + 1, n })} aria-valuemin="1" aria-valuemax=${n} aria-valuenow=${index + 1}>
        <div style="width:${n ? ((index + 1) / n) * 100 : 0}%"></div>
      </div>
      <span>${index + 1} / ${n}</span>
      <button type="button" class="exit" @click=${a.exit}>${ct(lang, 'exit')}</button>
    </div>
  </section>`;
}
