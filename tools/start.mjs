#!/usr/bin/env node
// `npm start`: build the demo town if it is missing, then serve index.html with Vite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (!existsSync(resolve(root, 'public/tiles/tileset.json')) || !existsSync(resolve(root, 'public/tiles/basemap/WMTSCapabilities.xml')) || !existsSync(resolve(root, 'public/tiles/terrain/isarbach-dgm.tif')) || !existsSync(resolve(root, 'public/plan/am-muehlbach.xplan.gml')) || !existsSync(resolve(root, 'public/scenario/neubau-am-muehlbach.json'))) {
  console.log('Building the demo town into public/tiles/ …');
  const res = spawnSync(npx, ['tsx', 'tools/build-demo.ts'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const vite = spawn(npx, ['vite', '--host', '127.0.0.1', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
vite.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => vite.kill(signal));
