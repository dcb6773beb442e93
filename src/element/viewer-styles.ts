import { css } from 'lit';

/**
 * Theming: CSS custom properties (--twinby-*) and ::part(stage | canvas | progress | controls | button |
 * home-button | north-button | legend | info-panel | info-close | message). Nothing leaks out: all rules
 * live in the shadow root.
 */
export const viewerStyles = css`
  :host {
    display: block;
    position: relative;
    height: var(--twinby-height, 480px);
    min-height: 120px;
    overflow: hidden;
    contain: content;
    /* panels inside (own and slotted) adapt to the viewer's width, not the page's */
    container-type: inline-size;
    font: var(--twinby-font, 14px/1.4 system-ui, sans-serif);
    color: var(--twinby-fg, #1d2733);
    background: var(--twinby-bg, #cfe2f0);
    --_accent: var(--twinby-accent, #005ea8);
    --_panel: var(--twinby-panel-bg, rgba(255, 255, 255, 0.95));
    --_radius: var(--twinby-radius, 6px);
  }
  :host([hidden]) {
    display: none;
  }
  .stage {
    position: absolute;
    inset: 0;
  }
  .stage canvas:focus {
    outline: none;
  }
  .stage.keyboard canvas:focus {
    outline: 3px solid var(--_accent);
    outline-offset: -3px;
  }
  .progress {
    position: absolute;
    top: 0;
    left: 0;
    height: 3px;
    background: var(--_accent);
    transition: width 0.2s linear, opacity 0.4s;
    pointer-events: none;
  }
  .progress.done {
    opacity: 0;
  }
  .controls {
    position: absolute;
    top: 10px;
    right: 10px;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  button {
    font: inherit;
    min-width: 34px;
    min-height: 34px;
    border: 1px solid rgba(0, 0, 0, 0.2);
    border-radius: var(--_radius);
    background: var(--_panel);
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  .north svg {
    transition: transform 0.2s;
  }
  .legend,
  .info {
    position: absolute;
    background: var(--_panel);
    border-radius: var(--_radius);
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    padding: 8px 10px;
  }
  /* bottom left: the right side belongs to layer panels (plan legend, spatial results) */
  .legend {
    left: 10px;
    bottom: 10px;
    max-height: 40%;
    overflow: auto;
  }
  .legend h2,
  .info h2,
  .info h3 {
    font-size: 1em;
    margin: 0 0 4px;
  }
  .legend summary {
    cursor: pointer;
  }
  .legend summary h2 {
    display: inline;
  }
  .legend ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .swatch {
    width: 14px;
    height: 14px;
    border-radius: 2px;
    border: 1px solid rgba(0, 0, 0, 0.25);
    flex: none;
  }
  .info {
    top: 10px;
    left: 10px;
    /* over layer panels that share the corner (the scenario panel) */
    z-index: 3;
    width: min(340px, calc(100% - 80px));
    max-height: min(65%, calc(100% - 20px));
    overflow: auto;
  }
  .info header {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: 8px;
  }
  .info .kind {
    margin: 0;
    font-size: 0.85em;
    opacity: 0.75;
  }
  .info h2 {
    overflow-wrap: anywhere;
  }
  .info dl {
    margin: 6px 0 0;
  }
  .info .row {
    display: grid;
    grid-template-columns: minmax(90px, 40%) 1fr;
    gap: 6px;
    padding: 2px 0;
    border-top: 1px solid rgba(0, 0, 0, 0.08);
  }
  /* long attribute names (generic attributes) wrap inside their column instead of running over the value */
  .info dt {
    opacity: 0.75;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .info dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .message {
    position: absolute;
    left: 50%;
    top: 50%;
    transform: translate(-50%, -50%);
    max-width: 80%;
    background: var(--_panel);
    border-left: 4px solid var(--twinby-error, #b00020);
    border-radius: var(--_radius);
    padding: 10px 14px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    overflow-wrap: anywhere;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    .progress,
    .north svg {
      transition: none;
    }
  }
  /* presenting (<twinby-council>): the working controls step aside */
  :host([presenting]) .controls,
  :host([presenting]) .legend,
  :host([presenting]) .info {
    display: none;
  }
`;
