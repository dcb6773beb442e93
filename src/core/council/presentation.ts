/**
 * Viewpoints (a saved view with a title and a caption) and a presentation: the ordered stops of a tour.
 * Stored on their own as a presentation file (`twinby-presentation`, version 1). Edits return new arrays.
 */
import { readViewSnapshot, type ViewLinkIssue, type ViewSnapshot } from './view-link.js';

export interface Viewpoint {
  id: string;
  title: string;
  caption: string;
  view: ViewSnapshot;
}

export interface PresentationFile {
  type: 'twinby-presentation';
  version: 1;
  title?: string;
  viewpoints: Viewpoint[];
}

/** More stops than a meeting can show; caps what a file controls. */
export const MAX_VIEWPOINTS = 200;
const MAX_TEXT = 2000;

export function moveViewpoint(list: readonly Viewpoint[], id: string, by: number): Viewpoint[] {
  const from = list.findIndex((v) => v.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

export function renameViewpoint(list: readonly Viewpoint[], id: string, changes: { title?: string; caption?: string }): Viewpoint[] {
  return list.map((v) => (v.id === id ? { ...v, ...changes } : v));
}

export function removeViewpoint(list: readonly Viewpoint[], id: string): Viewpoint[] {
  return list.filter((v) => v.id !== id);
}

export function freshViewpointId(list: readonly Viewpoint[]): string {
  const taken = new Set(list.map((v) => v.id));
  let n = list.length + 1;
  while (taken.has(`vp-${n}`)) n++;
  return `vp-${n}`;
}

export function toPresentationFile(viewpoints: readonly Viewpoint[], title?: string): PresentationFile {
  return { type: 'twinby-presentation', version: 1, ...(title ? { title } : {}), viewpoints: [...viewpoints] };
}

/** Reads viewpoints from a presentation file (or a bare array); keeps the valid ones, each bad one is an issue with its path. */
export function readViewpoints(raw: unknown, at = '$'): { viewpoints: Viewpoint[]; title?: string; issues: ViewLinkIssue[] } {
  const issues: ViewLinkIssue[] = [];
  let list: unknown = raw;
  let title: string | undefined;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const r = raw as Record<string, unknown>;
    if (r.version !== 1) return { viewpoints: [], issues: [{ path: `${at}.version`, message: `unknown version ${JSON.stringify(r.version)} (this viewer reads 1)` }] };
    if (typeof r.title === 'string') title = r.title.slice(0, MAX_TEXT);
    list = r.viewpoints;
    at = `${at}.viewpoints`;
  }
  if (!Array.isArray(list)) return { viewpoints: [], issues: [{ path: at, message: 'not a list of viewpoints' }] };
  if (list.length > MAX_VIEWPOINTS) issues.push({ path: at, message: `${list.length} viewpoints, only the first ${MAX_VIEWPOINTS} are kept` });
  const viewpoints: Viewpoint[] = [];
  for (const [i, item] of list.slice(0, MAX_VIEWPOINTS).entries()) {
    const p = `${at}[${i}]`;
    const o = item as Record<string, unknown> | null;
    if (!o || typeof o !== 'object' || typeof o.title !== 'string') {
      issues.push({ path: p, message: 'needs a title' });
      continue;
    }
    const { state, issues: viewIssues } = readViewSnapshot(o.view, `${p}.view`);
    issues.push(...viewIssues);
    if (!state) continue;
    const id = typeof o.id === 'string' && o.id && !viewpoints.some((v) => v.id === o.id) ? o.id : freshViewpointId(viewpoints);
    viewpoints.push({ id, title: o.title.slice(0, MAX_TEXT), caption: typeof o.caption === 'string' ? o.caption.slice(0, MAX_TEXT) : '', view: state });
  }
  return { viewpoints, ...(title ? { title } : {}), issues };
}
