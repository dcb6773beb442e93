/**
 * The package as npm publishes it, built once per run of the integration project (vitest globalSetup):
 * `npm pack` (its prepack builds the library, the types and the Custom Elements Manifest), then the
 * tarball unpacked as a consumer's node_modules would hold it. Tests `inject('twinbyPackage')`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../../..');

export interface PackedPackage {
  /** The unpacked package folder (holds package.json, dist-lib/, …). */
  dir: string;
  tarball: string;
  /** Paths inside the tarball, as `npm pack --json` lists them. */
  files: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    twinbyPackage: PackedPackage;
  }
}

export function packTwinby(into: string): PackedPackage {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', into], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  // prepack's build output precedes the JSON report on stdout
  const report = JSON.parse(out.slice(out.indexOf('[\n'))) as { filename: string; files: { path: string }[] }[];
  const tarball = join(into, report[0].filename);
  const dir = join(into, 'unpacked');
  mkdirSync(dir);
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
  return { dir, tarball, files: report[0].files.map((f) => f.path) };
}

export default function setup(project: TestProject): () => void {
  const into = mkdtempSync(join(tmpdir(), 'twinby-pack-'));
  project.provide('twinbyPackage', packTwinby(into));
  return () => rmSync(into, { recursive: true, force: true });
}
