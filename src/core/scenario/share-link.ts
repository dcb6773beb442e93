/**
 * A whole scenario with what is on screen (variant, compare mode, camera) as a URL fragment
 * `#scenario=<deflate-raw, base64url JSON>`. Never drops part of a scenario: when it does not fit
 * (longer than maxLength, or a model inlined as a data: URL) the answer says why, and the file is the way.
 */
import type { ViewState } from '../view/view-state.js';
import { decodeJsonFragment, encodeJsonFragment } from './fragment-codec.js';
import { readScenario } from './read-scenario.js';
import type { CompareMode, Scenario, ScenarioIssue } from './scenario-types.js';

export const FRAGMENT_KEY = 'scenario';
/** Links longer than this break in mail clients, chat tools and some servers' logs. */
export const MAX_FRAGMENT_LENGTH = 8000;

export interface ShareState {
  scenario: Scenario;
  variant: string;
  compare: CompareMode;
  /** Variant shown on the right of the swipe or side by side. */
  compareWith?: string;
  view?: ViewState;
}

export type ShareLinkResult = { ok: true; fragment: string } | { ok: false; reason: 'inline-model' | 'too-long'; message: string; length?: number };

export async function shareFragment(state: ShareState, maxLength = MAX_FRAGMENT_LENGTH): Promise<ShareLinkResult> {
  for (const [v, variant] of state.scenario.variants.entries()) {
    for (const [b, building] of variant.buildings.entries()) {
      if ('src' in building && building.src.startsWith('data:')) {
        return {
          ok: false,
          reason: 'inline-model',
          message: `The scenario holds an inlined model (variants[${v}].buildings[${b}], "${building.id}"): too large for a link. Save it as a file instead.`,
        };
      }
    }
  }
  const fragment = `${FRAGMENT_KEY}=${await encodeJsonFragment({ s: state.scenario, v: state.variant, c: state.compare, w: state.compareWith, view: state.view })}`;
  if (fragment.length > maxLength) {
    return { ok: false, reason: 'too-long', length: fragment.length, message: `The scenario needs a link of ${fragment.length} characters, more than ${maxLength} fit safely. Save it as a file instead.` };
  }
  return { ok: true, fragment };
}

export interface ReadShareResult {
  state: ShareState | null;
  issues: ScenarioIssue[];
}

/** Reads location.hash (with or without "#"); null state when the fragment carries no scenario. */
export async function readShareFragment(hash: string): Promise<ReadShareResult> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const data = params.get(FRAGMENT_KEY);
  if (!data) return { state: null, issues: [] };
  let raw: unknown;
  try {
    raw = await decodeJsonFragment(data);
  } catch (err) {
    return { state: null, issues: [{ path: '#scenario', severity: 'error', message: (err as Error).message }] };
  }
  const r = (raw ?? {}) as { s?: unknown; v?: unknown; c?: unknown; w?: unknown; view?: unknown };
  const { scenario, issues } = readScenario(r.s);
  if (!scenario) return { state: null, issues };
  const compare: CompareMode = r.c === 'swipe' || r.c === 'side-by-side' ? r.c : 'single';
  const view = isView(r.view) ? r.view : undefined;
  return {
    state: { scenario, variant: typeof r.v === 'string' ? r.v : 'bestand', compare, ...(typeof r.w === 'string' ? { compareWith: r.w } : {}), ...(view ? { view } : {}) },
    issues,
  };
}

function isView(v: unknown): v is ViewState {
  const o = v as Record<string, unknown> | null;
  return !!o && ['lon', 'lat', 'height', 'heading', 'pitch'].every((k) => typeof o[k] === 'number' && Number.isFinite(o[k] as number));
}
