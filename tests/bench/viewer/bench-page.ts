/** What each benchmark page exposes as window.bench; times are performance.now() (ms since navigation start). */
export interface BenchPage {
  firstBuildingFrame: number | null;
  allTilesLoaded: number | null;
  /** lon,lat,height,heading,pitch of the camera. */
  view: string | null;
  error: string | null;
  /** Resolves after exactly one more frame was drawn. */
  frame(): Promise<void>;
  /** Tiles with content loaded, and their materials (TwinBy only). */
  tiles: number;
  materials: number;
}
