/**
 * The Engine interface: what <twinby-viewer> needs from a renderer. The three.js engine
 * (src/engines/three) and the Cesium engine (src/engines/cesium) implement it; both pass the same
 * contract suite (tests/browser/engine-contract.ts). Optional features are declared in `capabilities`.
 *
 * Screen coordinates are CSS pixels in the viewport (MouseEvent.clientX/clientY), so a
 * projected point can be clicked or picked directly. Geographic positions are WGS84
 * degrees with heights in metres above the ellipsoid.
 */
import type {
  Emitter,
  EngineEventMap,
  FeatureAttributes,
  OverlayData,
  StyleRule,
  ViewState,
  AttributeValue,
  FeatureStyle,
  TileGrid,
  ToWgs84,
  MetadataSection,
  HeightGrid,
} from '../core/index.js';

export type EngineName = 'three' | 'cesium';

/**
 * Accept header for tileset and tile requests. Naming the types (and no wildcard) keeps dev servers with
 * an SPA fallback from answering a missing tile with index.html and 200, so a missing tile is a 404.
 * Accept is a CORS-safelisted header: no preflight.
 */
export const tileAccept = 'application/json, model/gltf-binary, model/gltf+json, application/octet-stream';

export interface EngineOptions {
  /** Start view; without it the engine fits the first tileset. */
  view?: ViewState;
  /** Screen-space error in pixels a tile may show before its children load (default 16). */
  errorTarget?: number;
  /** Upper bound of the tile cache in bytes (default 256 MB); least recently used tiles go first. */
  cacheBytes?: number;
  /** Skip flyTo animations (default: the user's prefers-reduced-motion setting). */
  reducedMotion?: boolean;
  /** Keep the drawing buffer after compositing, for pixel reads in tests (default false). */
  preserveDrawingBuffer?: boolean;
  /** CSS colour of the sky/background (default a pale blue). */
  background?: string;
}

export interface TilesetOptions {
  /** Overrides the engine's errorTarget for this tileset. */
  errorTarget?: number;
  /** Responses fetched ahead of the engine (e.g. while its code loaded): used once instead of fetching. */
  prefetched?: (url: string) => Promise<Response> | undefined;
  /** A style of this tileset's own that the engine-wide setStyle does not replace (e.g. planned buildings). */
  style?: StyleRule | FeatureStyle;
}

/** One side of a split view: tilesets drawn only on this side, and building ids hidden only here. */
export interface SplitSide {
  tilesets: readonly string[];
  hidden: readonly string[];
}

/**
 * Two states of the scene at once, sharing the loaded tiles: 'swipe' draws the left state left of a
 * divider at `position` (0–1 of the width) and the right state right of it; 'side-by-side' draws both
 * halves with two cameras that move together. Tilesets in neither list show on both sides.
 */
export interface SplitView {
  mode: 'swipe' | 'side-by-side';
  position: number;
  left: SplitSide;
  right: SplitSide;
}

export interface FlyToOptions {
  /** Seconds; 0 jumps. Default 1.5, or 0 with reduced motion. */
  duration?: number;
}

export interface GeoPosition {
  lon: number;
  lat: number;
  height: number;
}

export interface ScreenPoint {
  x: number;
  y: number;
}

/** A building hit: its feature id (gml:id) and attributes from EXT_structural_metadata. */
export interface BuildingPick {
  kind: 'building';
  layerId: string;
  id: string;
  attributes: FeatureAttributes;
  position: GeoPosition;
  /** 3D Tiles 1.1 metadata of the feature's tileset, group, tile and content (absent when there is none). */
  metadata?: MetadataSection[];
}

/** An overlay feature hit (e.g. a Bebauungsplan area). */
export interface OverlayPick {
  kind: 'overlay';
  layerId: string;
  id: string;
  attributes: Record<string, AttributeValue>;
  position: GeoPosition;
}

export type PickResult = BuildingPick | OverlayPick;

/** The sun for a moment: `enabled` lights the scene from the sun's true position and casts shadows. */
export interface SunOptions {
  /** The instant (UTC); local time is the element's business (Europe/Berlin there). */
  date: Date | number;
  enabled: boolean;
}

/** A base map as the engine gets it: tiles in the service's CRS and the projections to place them (src/core/basemap). */
export interface BasemapTiles {
  id: string;
  grid: TileGrid;
  tileUrl(level: number, col: number, row: number): string;
  /** Grid CRS → WGS 84 lon/lat degrees, and back. */
  toLonLat: ToWgs84;
  fromLonLat: ToWgs84;
  /** 0–1 (default 1). */
  opacity?: number;
}

/** A terrain model as the engine gets it: a height grid (from the terrain worker) and its CRS's projection. */
export interface TerrainModel {
  id: string;
  grid: HeightGrid;
  /** Grid CRS → WGS 84 lon/lat degrees. */
  toLonLat: ToWgs84;
}

/** A terrain the engine streams itself, level by level: the layer.json URL of a quantized-mesh terrain. */
export interface StreamedTerrain {
  id: string;
  url: string;
  format: 'quantized-mesh';
}

export interface RenderStats {
  frame: number;
  drawCalls: number;
  triangles: number;
}

/**
 * Optional features an engine may have; elements hide what their engine lacks instead of failing.
 * 'split' is both split modes with per-side hidden buildings; 'split-swipe' a swipe of whole tilesets only;
 * 'split-shadows' sun shadows per side in a split (without it, cast shadows are left out while the sides differ).
 */
export type EngineCapability = 'sun' | 'split' | 'split-swipe' | 'split-shadows' | 'basemap' | 'terrain' | 'overlays';

/** Whether an engine has a capability . */
export function engineHas(engine: Pick<Engine, 'capabilities'> | null | undefined, capability: EngineCapability): boolean {
  return engine?.capabilities?.has(capability) ?? false;
}

export interface Engine {
  readonly name: EngineName;
  /** The optional features this engine has. */
  readonly capabilities: ReadonlySet<EngineCapability>;
  readonly events: Emitter<EngineEventMap>;

  /** Creates the canvas inside container and starts; rejects when the renderer cannot start (e.g. no WebGL 2). */
  mount(container: HTMLElement, options?: EngineOptions): Promise<void>;
  /** Canvas size in CSS pixels and the device pixel ratio. */
  resize(width: number, height: number, pixelRatio: number): void;
  /** Frees the GPU context, caches, listeners and the canvas. The engine cannot be mounted again. */
  dispose(): void;

  /** Streams a tileset. Resolves when its tileset.json has loaded; rejects (and emits `error`) when it cannot. */
  addTileset(id: string, url: string, options?: TilesetOptions): Promise<void>;
  removeTileset(id: string): void;
  /** Shows or hides a whole tileset without unloading it (hidden tilesets are not drawn, picked or cast shadows). */
  setTilesetVisible(id: string, visible: boolean): void;

  /** Animated unless duration is 0 or motion is reduced; a newer flyTo or user input ends the older one (it still resolves). */
  flyTo(view: ViewState, options?: FlyToOptions): Promise<void>;
  getView(): ViewState;
  /** A view showing every tileset from the south, looking north, or null before any has loaded. */
  getHomeView(): ViewState | null;
  /** Turns the map to heading 0 around the point at the screen centre. */
  rotateToNorth(options?: FlyToOptions): Promise<void>;

  /** The building or overlay feature under a screen point, or null. Hidden buildings are never hit. */
  pick(clientX: number, clientY: number): Promise<PickResult | null>;
  /** The surface point (building, overlay or ground plane) under a screen point. */
  pickPosition(clientX: number, clientY: number): Promise<GeoPosition | null>;
  /** Where a geographic point appears on screen, or null when it is behind the camera. */
  projectToScreen(lon: number, lat: number, height: number): ScreenPoint | null;

  /** Colours buildings by a rule (or a compiled style), without re-uploading geometry; null restores materials. */
  setStyle(rule: StyleRule | FeatureStyle | null): FeatureStyle | null;
  /** Hides exactly these building ids (replacing the previous set). */
  setHidden(ids: Iterable<string>): void;
  /** Highlights one building, or none. */
  setSelected(id: string | null): void;
  /** The attributes of a building in the loaded tiles, or null when no loaded tile has it. */
  getFeatureAttributes(id: string): FeatureAttributes | null;

  addOverlay(data: OverlayData): void;
  removeOverlay(id: string): void;

  /**
   * Sun position (NREL SPA at the scene's origin) and shadows: buildings of every tileset cast and receive,
   * hidden buildings cast nothing, overlays cast nothing. Returns the sun's azimuth and elevation in degrees.
   * Optional: an engine without sun support leaves it out.
   */
  setSun?(options: SunOptions): { azimuth: number; elevation: number };
  /** Shows two states side by side or by a swipe divider; null draws one state again. */
  setSplit(view: SplitView | null): void;
  /** The view of every camera drawn (two in side-by-side mode, else one). */
  getViews(): ViewState[];

  /**
   * A raster base map draped on the ground, under buildings and overlays; a second call with the same id replaces it.
   * Tile failures are `error` events (kind 'basemap'); the other tiles and the scene go on. Optional.
   */
  addBasemap?(tiles: BasemapTiles): Promise<void>;
  removeBasemap?(id: string): void;

  /**
   * A terrain model drawn as the ground at its absolute (ellipsoidal) heights: base maps and draped overlays
   * follow it, pickPosition and the camera controls hit it; a second call with the same id replaces it. Optional.
   */
  addTerrain?(terrain: TerrainModel): Promise<void>;
  /**
   * A terrain streamed by the engine (Cesium's quantized-mesh provider); engines without it get the terrain read into
   * a TerrainModel. Rejects when its layer.json cannot be read; tile failures are `error` events (kind 'terrain').
   * removeTerrain removes it. Optional.
   */
  addStreamedTerrain?(terrain: StreamedTerrain): Promise<void>;
  removeTerrain?(id: string): void;

  /** Draws one frame soon (at most one per animation frame). The engine never draws when nothing changed. */
  requestRender(): void;
  /** Counters of the last frame. */
  getStats(): RenderStats;
}

/** How an element creates an engine: the module behind a dynamic import exports this. */
export type EngineFactory = () => Engine;
