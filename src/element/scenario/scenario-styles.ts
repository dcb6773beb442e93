import { css } from 'lit';

/** The scenario layer covers the viewer without taking its pointer events; only the panel and the divider do. */
export const scenarioStyles = css`
  :host {
    position: absolute;
    inset: 0;
    pointer-events: none;
    font: 13px/1.35 system-ui, sans-serif;
    color: var(--twinby-fg, #1d2733);
  }
  :host([hidden]) {
    display: none;
  }
  .panel {
    pointer-events: auto;
    position: absolute;
    top: 10px;
    left: 10px;
    width: min(360px, calc(50% - 20px));
    /* top and max-height come from the viewer's panel layout */
    max-height: calc(62% - 10px);
    overflow: auto;
    box-sizing: border-box;
    background: rgba(255, 255, 255, 0.95);
    border-radius: 6px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    padding: 8px 10px;
  }
  h2 { font-size: 15px; margin: 0 0 6px; }
  .collapsed h2 { margin: 0; }
  h2 .toggle { font: inherit; font-weight: bold; border: 0; background: none; padding: 0; cursor: pointer; text-align: left; }
  h2 .toggle::after { content: ' ▾'; font-weight: normal; }
  h2 .toggle[aria-expanded='false']::after { content: ' ▸'; }
  h3 { font-size: 13px; margin: 8px 0 4px; }
  .variants { display: flex; flex-wrap: wrap; gap: 4px; }
  button, select, input { font: inherit; }
  .variant[aria-checked='true'], button[aria-pressed='true'] { background: var(--twinby-accent, #005ea8); color: #fff; border: 1px solid var(--twinby-accent, #005ea8); }
  .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 8px; }
  .grid input { width: 5em; }
  .legend { list-style: none; padding: 0; margin: 6px 0; }
  .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; border-radius: 2px; }
  .hidden-swatch { border: 1px dashed #777; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; font-variant-numeric: tabular-nums; }
  caption { text-align: left; font-weight: bold; margin: 6px 0 2px; }
  th, td { padding: 2px 3px; text-align: right; border-bottom: 1px solid #e1e5ea; white-space: nowrap; }
  th[scope='row'] { text-align: left; font-weight: normal; }
  tr.current th, tr.current td { background: #eef4fa; }
  td.bad, li.violation { color: #b00020; }
  .findings { padding-left: 18px; margin: 0; }
  .muted, .description { color: #5b6773; margin: 4px 0; }
  .message { color: #b00020; margin: 4px 0; }
  .divider {
    pointer-events: auto;
    position: absolute;
    top: 0;
    bottom: 0;
    width: 4px;
    margin-left: -2px;
    background: #fff;
    box-shadow: 0 0 3px rgba(0, 0, 0, 0.5);
    cursor: ew-resize;
    touch-action: none;
  }
  .divider:focus-visible { outline: 3px solid var(--twinby-accent, #005ea8); }
  .divider .handle {
    position: absolute;
    top: 50%;
    left: -12px;
    width: 28px;
    height: 28px;
    margin-top: -14px;
    border-radius: 50%;
    background: #fff;
    box-shadow: 0 0 3px rgba(0, 0, 0, 0.5);
  }
  .side-label {
    position: absolute;
    bottom: 10px;
    padding: 2px 8px;
    border-radius: 4px;
    background: rgba(255, 255, 255, 0.9);
  }
  .side-by-side-line { position: absolute; top: 0; bottom: 0; left: 50%; width: 2px; margin-left: -1px; background: #fff; }
`;
