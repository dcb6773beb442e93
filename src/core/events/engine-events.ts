import type { ViewState } from '../view/view-state.js';

/** What failed: a tile's content, a tileset.json, a parse, an overlay, the WebGL context, a WFS request… */
export type ErrorKind = 'tile' | 'tileset' | 'basemap' | 'terrain' | 'parse' | 'overlay' | 'webgl' | 'engine' | 'wfs' | 'other';

export interface ErrorDetail {
  kind: ErrorKind;
  message: string;
  /** The URL that failed, when there is one. */
  url?: string;
  /** The layer (tileset or overlay id) it belongs to. */
  layerId?: string;
  /** HTTP status, when the failure was an HTTP answer. */
  status?: number;
}

export interface LoadProgressDetail {
  /** 0–1 over the tiles requested since loading last started. */
  progress: number;
  /** True while any tile or tileset is downloading or parsing. */
  loading: boolean;
}

export interface RenderStatsDetail {
  /** Frames rendered since mount. */
  frame: number;
  drawCalls: number;
  triangles: number;
  /** Wall time of the frame's update + draw, milliseconds. */
  ms: number;
}

/** The engine-neutral events every engine emits (kebab-case names). */
export interface EngineEventMap {
  /** Mounted, and every tileset added so far has loaded its first view (or failed). Once per mount. */
  ready: { tilesets: number };
  'load-progress': LoadProgressDetail;
  /** A tileset's root tileset.json loaded. */
  'tileset-loaded': { layerId: string; url: string };
  /** All tiles needed for the current view have loaded. */
  'tiles-loaded': { layerId: string };
  error: ErrorDetail;
  render: RenderStatsDetail;
  /** The camera moved (emitted at most once per frame). */
  'view-change': { view: ViewState };
  /** A style or visibility change was applied to the tiles loaded so far (and new tiles follow it). */
  'style-applied': Record<string, never>;
}
