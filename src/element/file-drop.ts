/**
 * Files dropped on an element (the viewer), shared by the layer children that take them
 * (<twinby-plan droppable>, <twinby-citygml droppable>). One listener pair per target; each
 * dropped file goes to one receiver. When several receivers take the file's name (a .gml can be a
 * plan or a city model), the start of the file decides: the first receiver whose sniff() knows it,
 * otherwise the one registered first.
 */
export interface DropReceiver {
  /** File names this receiver takes, e.g. /\.(gml|xml)$/i. */
  readonly accept: RegExp;
  /** Whether the first characters of the file look like this receiver's format. */
  sniff?(head: string): boolean;
  receive(file: File): void;
}

/** Enough to see the root element and its namespaces past an XML prolog and a comment. */
const HEAD_BYTES = 16 * 1024;

class DropRouter {
  readonly receivers: DropReceiver[] = [];

  constructor(private readonly target: HTMLElement) {}

  listen(): void {
    this.target.addEventListener('dragover', this.onDragOver);
    this.target.addEventListener('drop', this.onDrop);
  }

  stop(): void {
    this.target.removeEventListener('dragover', this.onDragOver);
    this.target.removeEventListener('drop', this.onDrop);
  }

  private onDragOver = (e: DragEvent): void => {
    // file names are hidden until the drop: offer a copy for any file
    if ([...(e.dataTransfer?.items ?? [])].some((i) => i.kind === 'file')) {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    }
  };

  private onDrop = (e: DragEvent): void => {
    const offers = [...(e.dataTransfer?.files ?? [])]
      .map((file) => ({ file, takers: this.receivers.filter((r) => r.accept.test(file.name)) }))
      .filter((o) => o.takers.length > 0);
    if (offers.length === 0) return;
    // the browser would otherwise open the file in place of the page
    e.preventDefault();
    void route(offers);
  };
}

async function route(offers: Array<{ file: File; takers: DropReceiver[] }>): Promise<void> {
  const served = new Set<DropReceiver>();
  for (const { file, takers } of offers) {
    const open = takers.filter((r) => !served.has(r));
    if (open.length === 0) continue;
    let chosen = open[0];
    if (open.length > 1) {
      const head = await file.slice(0, HEAD_BYTES).text().catch(() => '');
      chosen = open.find((r) => r.sniff?.(head)) ?? chosen;
    }
    served.add(chosen);
    chosen.receive(file);
  }
}

const routers = new WeakMap<HTMLElement, DropRouter>();

/** Starts taking files dropped on target for this receiver; returns the function that stops it. */
export function listenForDrops(target: HTMLElement, receiver: DropReceiver): () => void {
  let router = routers.get(target);
  if (!router) {
    router = new DropRouter(target);
    routers.set(target, router);
    router.listen();
  }
  const r = router;
  r.receivers.push(receiver);
  return () => {
    const i = r.receivers.indexOf(receiver);
    if (i < 0) return;
    r.receivers.splice(i, 1);
    if (r.receivers.length === 0) {
      r.stop();
      routers.delete(target);
    }
  };
}
