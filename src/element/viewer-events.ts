import type { AttributeValue, ErrorDetail, FeatureAttributes, LoadProgressDetail, ViewState } from '../core/index.js';

/** detail of `twinby-select`: the selected feature, or id null when the selection was cleared. */
export interface SelectDetail {
  id: string | null;
  kind: 'building' | 'overlay' | null;
  layerId: string | null;
  attributes: FeatureAttributes | Record<string, AttributeValue> | null;
}

export interface ReadyDetail {
  engine: string;
  tilesets: number;
}

export type ErrorEventDetail = ErrorDetail;
export type LoadProgressEventDetail = LoadProgressDetail;

export interface ViewChangeDetail {
  view: ViewState;
}

/** The DOM events <twinby-viewer> dispatches (bubbles, composed). */
export interface TwinbyEventMap {
  'twinby-ready': CustomEvent<ReadyDetail>;
  'twinby-select': CustomEvent<SelectDetail>;
  'twinby-error': CustomEvent<ErrorEventDetail>;
  'twinby-load-progress': CustomEvent<LoadProgressEventDetail>;
  'twinby-view-change': CustomEvent<ViewChangeDetail>;
}

export function dispatch<K extends keyof TwinbyEventMap>(
  target: EventTarget,
  type: K,
  detail: TwinbyEventMap[K] extends CustomEvent<infer D> ? D : never,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'twinby-ready': CustomEvent<ReadyDetail>;
    'twinby-select': CustomEvent<SelectDetail>;
    'twinby-error': CustomEvent<ErrorEventDetail>;
    'twinby-load-progress': CustomEvent<LoadProgressEventDetail>;
    'twinby-view-change': CustomEvent<ViewChangeDetail>;
  }
}
