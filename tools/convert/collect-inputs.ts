/** Expands the CLI's file and folder arguments into CityGML files, each with a unique output name. */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';

/** Extensions picked up when walking folders; files named explicitly are taken whatever their extension. */
const CITYGML_EXTENSIONS = new Set(['.gml', '.xml']);

export interface InputFile {
  path: string;
  /** Folder name under --out, unique among the inputs. */
  name: string;
  bytes: number;
}

export async function collectInputs(args: string[]): Promise<InputFile[]> {
  const paths: string[] = [];
  for (const arg of args) {
    const path = resolve(arg);
    const info = await stat(path).catch(() => {
      throw new Error(`input not found: ${arg}`);
    });
    if (info.isDirectory()) paths.push(...(await walk(path)));
    else paths.push(path);
  }
  const unique = [...new Set(paths)];
  const taken = new Set<string>();
  const inputs: InputFile[] = [];
  for (const path of unique) {
    const info = await stat(path);
    inputs.push({ path, name: uniqueName(outputName(path), taken), bytes: info.size });
  }
  return inputs;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && CITYGML_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

/** A safe folder name: the file name without extension, reduced to letters, digits, '.', '_' and '-'. */
function outputName(path: string): string {
  const stem = basename(path, extname(path)).replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '');
  return stem || 'citygml';
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${name}-${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
