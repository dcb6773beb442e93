/** The swipe divider: dragged with the pointer, or moved with the arrow keys (2 %, Shift 10 %), Home and End. */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Lang } from '../../core/index.js';
import type { CompareMode } from '../../core/scenario/index.js';
import { st } from './scenario-texts.js';

export function renderDivider(mode: CompareMode, position: number, lang: Lang, move: (position: number) => void): TemplateResult | typeof nothing {
  if (mode === 'side-by-side') return html`<div class="side-by-side-line" part="scenario-split"></div>`;
  if (mode !== 'swipe') return nothing;
  const onPointerDown = (e: PointerEvent) => {
    const handle = e.currentTarget as HTMLElement;
    const area = (handle.getRootNode() as ShadowRoot).host.getBoundingClientRect();
    try {
      handle.setPointerCapture(e.pointerId);
    } catch {
      // a pointer the browser does not know (synthetic events): moves still arrive while over the handle
    }
    e.preventDefault();
    const onMove = (ev: PointerEvent) => move((ev.clientX - area.left) / area.width);
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const next = e.key === 'ArrowLeft' ? position - step : e.key === 'ArrowRight' ? position + step : e.key === 'Home' ? 0 : e.key === 'End' ? 1 : null;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    move(next);
  };
  return html`<div
    class="divider"
    part="scenario-divider"
    role="slider"
    tabindex="0"
    aria-label=${st(lang, 'divider')}
    aria-valuemin="0"
    aria-valuemax="100"
    aria-valuenow=${Math.round(position * 100)}
    style=${styleMap({ left: `${position * 100}%` })}
    @pointerdown=${onPointerDown}
    @keydown=${onKey}
  ><span class="handle"></span></div>`;
}
