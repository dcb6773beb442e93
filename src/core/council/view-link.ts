/**
 * What is on screen as one link parameter `#view=<deflate-raw, base64url JSON>`: camera, scenario variant,
 * sun date and time, layer visibility, style and selection. Same codec and the same fragment as the
 * scenario links (`#scenario=…&view=…` can travel together; see setFragmentParam).
 */
import { decodeJsonFragment, encodeJsonFragment } from '../scenario/fragment-codec.js';
import type { StyleRule } from '../style/style-rule.js';
import type { ViewState } from '../view/view-state.js';

export const VIEW_KEY = 'view';

export interface SunMoment {
  /** Local date YYYY-MM-DD and time HH:MM (Europe/Berlin, as <twinby-sun> takes them). */
  date: string;
  time: string;
  shadows: boolean;
}

/** A view of the scene; every part is optional (a part left out is left as it is when applied). */
export interface ViewSnapshot {
  camera?: ViewState;
  variant?: string;
  sun?: SunMoment;
  /** null: the tileset's own materials. */
  style?: StyleRule | null;
  /** The selected building id, or null for none. */
  selection?: string | null;
  /** Layer element id → visible. */
  layers?: Record<string, boolean>;
}

export interface ViewLinkIssue {
  path: string;
  message: string;
}

export async function encodeViewParam(state: ViewSnapshot): Promise<string> {
  return encodeJsonFragment(state);
}

/** Returns the hash with `key` set to `value` (or removed when null), keeping the other parameters (e.g. scenario=). */
export function setFragmentParam(hash: string, key: string, value: string | null): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (value === null) params.delete(key);
  else params.set(key, value);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** Reads `view=` from a location.hash; state null when there is none or it is damaged (then issues say why). */
export async function readViewParam(hash: string): Promise<{ state: ViewSnapshot | null; issues: ViewLinkIssue[] }> {
  const data = new URLSearchParams(hash.replace(/^#/, '')).get(VIEW_KEY);
  if (!data) return { state: null, issues: [] };
  let raw: unknown;
  try {
    raw = await decodeJsonFragment(data, 1024 * 1024);
  } catch (err) {
    return { state: null, issues: [{ path: '#view', message: (err as Error).message }] };
  }
  return readViewSnapshot(raw, '#view');
}

/** Keeps the valid parts of a view snapshot (from a link or a presentation file); each bad part is an issue. */
export function readViewSnapshot(raw: unknown, at: string): { state: ViewSnapshot | null; issues: ViewLinkIssue[] } {
  const issues: ViewLinkIssue[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { state: null, issues: [{ path: at, message: 'not an object' }] };
  const r = raw as Record<string, unknown>;
  const out: ViewSnapshot = {};
  if (r.camera !== undefined) {
    if (isCamera(r.camera)) out.camera = pick(r.camera);
    else issues.push({ path: `${at}.camera`, message: 'needs finite lon, lat, height, heading and pitch' });
  }
  if (r.variant !== undefined) {
    if (typeof r.variant === 'string') out.variant = r.variant;
    else issues.push({ path: `${at}.variant`, message: 'not a string' });
  }
  if (r.sun !== undefined) {
    const s = r.sun as Record<string, unknown> | null;
    if (s && typeof s.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.date) && typeof s.time === 'string' && /^\d{2}:\d{2}$/.test(s.time)) {
      out.sun = { date: s.date, time: s.time, shadows: s.shadows !== false };
    } else issues.push({ path: `${at}.sun`, message: 'needs date YYYY-MM-DD and time HH:MM' });
  }
  if (r.style !== undefined) {
    if (r.style === null || (typeof r.style === 'object' && !Array.isArray(r.style))) out.style = r.style as StyleRule | null;
    else issues.push({ path: `${at}.style`, message: 'not a style rule' });
  }
  if (r.selection !== undefined) {
    if (r.selection === null || typeof r.selection === 'string') out.selection = r.selection;
    else issues.push({ path: `${at}.selection`, message: 'not a building id' });
  }
  if (r.layers !== undefined) {
    const l = r.layers as Record<string, unknown> | null;
    if (l && typeof l === 'object' && !Array.isArray(l) && Object.values(l).every((v) => typeof v === 'boolean')) out.layers = { ...(l as Record<string, boolean>) };
    else issues.push({ path: `${at}.layers`, message: 'needs layer id → true/false' });
  }
  return { state: out, issues };
}

function isCamera(v: unknown): v is ViewState {
  const o = v as Record<string, unknown> | null;
  return !!o && typeof o === 'object' && ['lon', 'lat', 'height', 'heading', 'pitch'].every((k) => typeof o[k] === 'number' && Number.isFinite(o[k] as number));
}

function pick(v: ViewState): ViewState {
  return { lon: v.lon, lat: v.lat, height: v.height, heading: v.heading, pitch: v.pitch };
}
