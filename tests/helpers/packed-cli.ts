/**
 * twinby-convert laid out as the npm package ships it: tools/bin/twinby-convert.mjs beside dist-cli/ and no TypeScript
 * CLI, so the bin takes the built JavaScript. Tests that spawn the CLI many times use it to skip tsx compiling the CLI
 * in every process and thread. Made inside the repository (a .tmp- folder), where the dependencies resolve.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCli } from '../../tools/package/build-cli';

const root = resolve(import.meta.dirname, '../..');

export async function packedCli(): Promise<{ bin: string; dispose: () => void }> {
  const dir = mkdtempSync(join(root, '.tmp-cli-'));
  mkdirSync(join(dir, 'tools/bin'), { recursive: true });
  cpSync(join(root, 'tools/bin/twinby-convert.mjs'), join(dir, 'tools/bin/twinby-convert.mjs'));
  await buildCli(join(dir, 'dist-cli'));
  return { bin: join(dir, 'tools/bin/twinby-convert.mjs'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
