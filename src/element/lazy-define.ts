/**
 * Loads an element's chunk only once the page uses its tag: now, or when one is added later.
 * Elements already in the page upgrade when the definition arrives.
 */
export function defineWhenUsed(tag: string, load: () => Promise<unknown>): void {
  if (typeof document === 'undefined' || customElements.get(tag)) return;
  let observer: MutationObserver | null = null;
  const start = () => {
    observer?.disconnect();
    observer = null;
    void load();
  };
  // a tag already in the page (written in its HTML) loads at once
  if (document.getElementsByTagName(tag).length) return start();
  observer = new MutationObserver(() => {
    if (observer && document.getElementsByTagName(tag).length) start();
  });
  observer.observe(document, { childList: true, subtree: true });
}
