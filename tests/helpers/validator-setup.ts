/** vitest globalSetup: installs the 3d-tiles-validator copy before any test runs, so no test's time includes it. */
import { ensureTilesetValidator } from './validate-tileset';

export default function setup(): void {
  ensureTilesetValidator();
}
