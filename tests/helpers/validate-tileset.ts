/**
 * Runs Cesium's 3d-tiles-validator (compiled copy in ../shared/tools/3d-tiles-validator)
 * on a tileset. shared/ is read-only, so the validator is copied to a writable directory
 * and its dependencies installed once (~30 s), as its README says; later calls reuse it.
 *
 *   const report = await validateTilesetDirectory('/tmp/out');       // tileset.json inside
 *   const report = await validateTilesetFiles(files);                // Map path → bytes
 *   expect(report.numErrors).toBe(0);
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TilesetValidationReport {
  numErrors: number;
  numWarnings: number;
  numInfos: number;
  /** The validator's JSON report as printed. */
  raw: Record<string, unknown>;
  /** Every issue, nested ones (from GLB content) flattened: type, path, message, severity. */
  issues: { type: string; path?: string; message: string; severity: string }[];
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const source = resolve(projectRoot, '../shared/tools/3d-tiles-validator');

/** Prepares the writable validator copy (idempotent) and returns the path of its main.js. */
export function ensureTilesetValidator(): string {
  const dir = join(process.env.TMPDIR ?? tmpdir(), '3d-tiles-validator');
  const main = join(dir, 'build', 'main.js');
  if (existsSync(join(dir, '.ready'))) return main;
  if (!existsSync(source)) throw new Error(`Cesium 3d-tiles-validator not found at ${source}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
  makeWritable(dir);
  execFileSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  writeFileSync(join(dir, '.ready'), '');
  return main;
}

/** Validates `<dir>/<tilesetFile>` (default tileset.json). */
export function validateTilesetDirectory(dir: string, tilesetFile = 'tileset.json'): Promise<TilesetValidationReport> {
  const main = ensureTilesetValidator();
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [main, '--tilesetFile', join(dir, tilesetFile)], { maxBuffer: 64 << 20 }, (err, stdout) => {
      const start = stdout.indexOf('{');
      if (start < 0) return reject(err ?? new Error(`3d-tiles-validator printed no report: ${stdout.slice(0, 500)}`));
      try {
        const raw = JSON.parse(stdout.slice(start)) as Record<string, unknown>;
        resolvePromise({
          numErrors: Number(raw.numErrors ?? 0),
          numWarnings: Number(raw.numWarnings ?? 0),
          numInfos: Number(raw.numInfos ?? 0),
          raw,
          issues: flattenIssues(raw.issues),
        });
      } catch (parseError) {
        reject(parseError);
      }
    });
  });
}

/** Writes an in-memory tileset (path → bytes) to a temporary directory, validates it, removes it. */
export async function validateTilesetFiles(files: ReadonlyMap<string, Uint8Array>, tilesetFile = 'tileset.json'): Promise<TilesetValidationReport> {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'twinby-tileset-'));
  try {
    for (const [path, bytes] of files) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
    return await validateTilesetDirectory(dir, tilesetFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function flattenIssues(issues: unknown): TilesetValidationReport['issues'] {
  const out: TilesetValidationReport['issues'] = [];
  const visit = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const issue of list as Record<string, unknown>[]) {
      out.push({ type: String(issue.type), path: issue.path as string | undefined, message: String(issue.message), severity: String(issue.severity) });
      visit(issue.causes);
    }
  };
  visit(issues);
  return out;
}

function makeWritable(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) makeWritable(join(path, entry));
}
