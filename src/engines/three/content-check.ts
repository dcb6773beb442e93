/**
 * Checks a tile content's header before 3d-tiles-renderer parses it. Its 1.0 loaders only console.assert
 * the magic and lengths, then read past the end of a truncated file (a RangeError or a garbled table
 * at best); this plugin turns such a file into a clear error naming what is wrong, which reaches
 * the layer's load-error handler (twinby-error) while the other tiles go on loading.
 */

const LEGACY_HEADER: Record<string, number> = { b3dm: 28, i3dm: 32, pnts: 28, cmpt: 16 };
const KNOWN_EXTENSIONS = new Set(['b3dm', 'i3dm', 'pnts', 'cmpt', 'glb']);

/** The reason a content cannot be parsed, or null when its header is sound. */
export function contentProblem(buffer: ArrayBuffer, extension: string): string | null {
  const view = new DataView(buffer);
  const magic = buffer.byteLength >= 4 ? String.fromCharCode(view.getUint8(0), view.getUint8(1), view.getUint8(2), view.getUint8(3)) : '';
  const ext = extension.toLowerCase();
  if (magic === 'glTF') return lengthProblem(view, 12, 'glb');
  const header = LEGACY_HEADER[magic];
  if (header === undefined) {
    if (!KNOWN_EXTENSIONS.has(ext)) return null; // another plugin's format (subtree, quantized mesh, …) or glTF JSON
    return `unknown tile content: the file starts with ${JSON.stringify(magic)}, not the magic of a .${ext} (b3dm, i3dm, pnts, cmpt or glTF)`;
  }
  const problem = lengthProblem(view, header, magic);
  if (problem || magic === 'cmpt') return problem;
  // the feature and batch tables must fit inside the file
  let sum = header;
  for (let o = 12; o <= 24; o += 4) sum += view.getUint32(o, true);
  return sum > buffer.byteLength ? `truncated ${magic}: its tables need ${sum} bytes, the file has ${buffer.byteLength}` : null;
}

function lengthProblem(view: DataView, header: number, kind: string): string | null {
  if (view.byteLength < header) return `truncated ${kind}: ${view.byteLength} bytes, shorter than its ${header}-byte header`;
  const declared = view.getUint32(8, true);
  if (declared > view.byteLength) return `truncated ${kind}: the header declares ${declared} bytes, the file has ${view.byteLength}`;
  return null;
}

/** A 3d-tiles-renderer plugin: rejects a content with a bad header, lets every other one through. */
export function contentCheckPlugin() {
  return {
    name: 'TWINBY_CONTENT_CHECK',
    parseTile(buffer: unknown, _tile: unknown, extension: string, url: string): Promise<never> | null {
      if (!(buffer instanceof ArrayBuffer)) return null;
      const problem = contentProblem(buffer, extension ?? '');
      return problem ? Promise.reject(new Error(`${problem} (${url})`)) : null;
    },
  };
}
