/**
 * Loads an element's chunk only once the page uses its tag: now, or when one is added later.
 * Elements already in the page upgrade when the definition arrives.
 */
export function defineWhenUsed(tag: string, load: () => Promise<unknown>): void {
  if (typeof document === 'undefined' || customElements.get(tag)) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    void load();
  };
  if (document.getElementsByTagName(tag).length) return start();
  const observer: MutationObserver | null = new MutationObserver(() => {
    if (document.getElementsByTagName(tag).length) start();
  });
  observer.observe(document, { childList: true, subtree: true });
}
