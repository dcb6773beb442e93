// Debian packages the test layers need. Installed with apt-get when we are root;
// otherwise we stop with the one command to run, never skipping a layer.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const systemPackages = [
  { pkg: 'chromium', binary: '/usr/bin/chromium', layer: 'browser tests' },
  { pkg: 'cgi-mapserver', binary: '/usr/bin/mapserv', layer: 'WFS integration and browser tests' },
  { pkg: 'mapproxy', binary: '/usr/bin/mapproxy-util', layer: 'base map (WMTS) integration and browser tests' },
];

export function ensureSystemPackages() {
  const missing = systemPackages.filter((p) => !existsSync(p.binary));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg).join(' ');
  const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${names}`;
  if (process.getuid?.() !== 0) {
    console.error(`Missing ${names} (needed by ${missing.map((p) => p.layer).join(', ')}). Run as root:\n  ${command}`);
    process.exit(1);
  }
  console.log(`Installing ${names} (needed by ${missing.map((p) => p.layer).join(', ')}) …`);
  const res = spawnSync('bash', ['-c', command], { stdio: 'inherit' });
  const still = missing.filter((p) => !existsSync(p.binary));
  if (res.status !== 0 || still.length) {
    console.error(`Installing ${names} failed. Run as root:\n  ${command}`);
    process.exit(1);
  }
}
