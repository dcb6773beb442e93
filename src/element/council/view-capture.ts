/**
 * Reads what is on screen from the viewer and its sibling elements (<twinby-scenario>, <twinby-sun>, layer
 * elements with `visible`) into a ViewSnapshot, and applies one back. Elements are reached through their
 * public properties only, so a page or a widget gets the same result.
 */
import type { StyleRule, ViewState } from '../../core/index.js';
import type { ViewSnapshot } from '../../core/council/index.js';
import type { Engine } from '../../engines/engine.js';

export interface CouncilViewer extends HTMLElement {
  readonly activeEngine: Engine | null;
  readonly styleRule: StyleRule | null;
  readonly selectedId: string | null;
  flyTo(view: ViewState, options?: { duration?: number }): Promise<void>;
  setStyle(rule: StyleRule | null): Promise<void>;
  select(id: string | null): Promise<unknown>;
}

interface ScenarioLike extends HTMLElement {
  variant: string;
  scenario: unknown;
}

interface SunLike extends HTMLElement {
  date: string;
  time: string;
  noShadows: boolean;
}

type Toggle = HTMLElement & { visible: boolean };

function scenarioOf(viewer: HTMLElement): ScenarioLike | null {
  return viewer.querySelector<ScenarioLike>('twinby-scenario');
}

function sunOf(viewer: HTMLElement): SunLike | null {
  return viewer.querySelector<SunLike>('twinby-sun');
}

/** Child elements with an id and a boolean `visible` (plan and WFS layers). */
function toggles(viewer: HTMLElement): Toggle[] {
  return [...viewer.children].filter((el): el is Toggle => !!el.id && typeof (el as Partial<Toggle>).visible === 'boolean');
}

export function captureView(viewer: CouncilViewer): ViewSnapshot {
  const out: ViewSnapshot = {};
  const engine = viewer.activeEngine;
  if (engine) out.camera = engine.getView();
  const scenario = scenarioOf(viewer);
  if (scenario?.scenario) out.variant = scenario.variant;
  const sun = sunOf(viewer);
  if (sun) out.sun = { date: sun.date, time: sun.time, shadows: !sun.noShadows };
  out.style = viewer.styleRule;
  out.selection = viewer.selectedId;
  const layers = toggles(viewer);
  if (layers.length) out.layers = Object.fromEntries(layers.map((l) => [l.id, l.visible]));
  return out;
}

/**
 * Applies the parts a snapshot has; camera last but one (a flight, or a jump with duration 0) and the selection
 * after it, once the tiles at the new place can answer. Problems (a building not in the tiles, a broken style)
 * come back as messages; the rest is still applied.
 */
export async function applyView(viewer: CouncilViewer, view: ViewSnapshot, options: { duration?: number } = {}): Promise<string[]> {
  const problems: string[] = [];
  if (view.style !== undefined) await viewer.setStyle(view.style).catch((e: Error) => problems.push(`style: ${e.message}`));
  const scenario = scenarioOf(viewer);
  if (view.variant !== undefined && scenario) scenario.variant = view.variant;
  const sun = sunOf(viewer);
  if (view.sun && sun) {
    sun.date = view.sun.date;
    sun.time = view.sun.time;
    sun.noShadows = !view.sun.shadows;
  }
  if (view.layers) {
    for (const layer of toggles(viewer)) if (layer.id in view.layers) layer.visible = view.layers[layer.id];
  }
  if (view.camera) await viewer.flyTo(view.camera, options);
  if (view.selection !== undefined && view.selection !== viewer.selectedId) {
    const error = await selectWhenLoaded(viewer, view.selection);
    if (error) {
      problems.push(`selection: ${error}`);
      await viewer.select(null);
    }
  }
  return problems;
}

/** The tiles at a new camera place come in over a few loads: try again after each, a bounded number of times. */
async function selectWhenLoaded(viewer: CouncilViewer, id: string | null, attempts = 4, waitMs = 10_000): Promise<string | null> {
  let last = '';
  for (let i = 0; i < attempts; i++) {
    try {
      await viewer.select(id);
      return null;
    } catch (e) {
      last = (e as Error).message;
    }
    const engine = viewer.activeEngine;
    if (!engine) break;
    await Promise.race([engine.events.next('tiles-loaded'), new Promise((r) => setTimeout(r, waitMs))]);
  }
  return last;
}
