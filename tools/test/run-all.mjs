#!/usr/bin/env node
// `npm test`: every test layer in one run, on a fresh clone too.
// Dependency-free on purpose: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureSystemPackages } from './system-packages.mjs';

const root = resolve(import.meta.dirname, '../..');
const reports = join(root, 'node_modules/.cache/twinby-test');
const results = [];

function run(cmd, args, options = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' }, ...options });
  return { ok: res.status === 0, seconds: (Date.now() - started) / 1000 };
}

function banner(title) {
  console.log(`\n━━ ${title} ━━`);
}

/** A layer that counts as one check (type check, lint, bundle size). */
function single(name, cmd, args) {
  banner(name);
  const { ok, seconds } = run(cmd, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
}

/** A vitest project: its tests count one by one, read from vitest's JSON report. */
function vitestLayer(name, project) {
  banner(name);
  const out = join(reports, `${project}.json`);
  rmSync(out, { force: true });
  const { ok, seconds } = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  let passed = 0;
  let failed = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    // a file that fails outside any test (import error, crash in a hook) has no failed test: count the file
    if (failed === 0) failed = report.numFailedTestSuites ?? 0;
    if (report.numTotalTests === 0) failed += 1; // an empty layer is a failure, never a silent skip
  }
  if (!ok && failed === 0) failed = 1; // crashed before reporting
  results.push({ name, passed, failed, seconds });
}

function ensureNodeModules() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules/.package-lock.json');
  if (existsSync(marker)) return;
  banner('npm ci (node_modules missing)');
  const { ok } = run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund']);
  if (!ok) {
    console.error('npm could not install the dependencies; see above.');
    process.exit(1);
  }
}

const started = Date.now();
ensureSystemPackages();
ensureNodeModules();
mkdirSync(reports, { recursive: true });

single('type check (tsc --noEmit)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
single('lint + import boundaries (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);
vitestLayer('unit tests (Node)', 'unit');
vitestLayer('real-data conversions (shared samples, generous limits)', 'real-data');
vitestLayer('reliability: CLI on a fuzzed corpus under memory and time caps', 'reliability');
vitestLayer('integration tests (MapServer 8, the library build hosted under a sub-path; 127.0.0.1)', 'integration');
vitestLayer('browser tests (Chromium, SwiftShader WebGL)', 'browser');
single('bundle size (vite build, three path)', 'npx', ['tsx', 'tools/size/cli.ts']);

console.log('\n━━ summary ━━');
for (const r of results) {
  console.log(`${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(0)} s)`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
