import { css } from 'lit';

/** <twinby-council> covers its viewer, letting events through except on its panel (bottom left) and, while presenting, the caption bar. */
export const councilStyles = css`
  :host {
    position: absolute;
    inset: 0;
    pointer-events: none;
    font: inherit;
    color: var(--twinby-fg, #1d2733);
  }
  /* bottom left, stacked above the style legend by the viewer's panel layout */
  .panel {
    position: absolute;
    left: 10px;
    bottom: 10px;
    width: min(340px, calc(50% - 20px));
    max-height: calc(45% - 20px);
    overflow: auto;
    pointer-events: auto;
    background: var(--twinby-panel, rgba(255, 255, 255, 0.96));
    border-radius: var(--twinby-radius, 6px);
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    padding: 8px 10px;
  }
  summary {
    font-weight: bold;
    cursor: pointer;
  }
  button,
  input {
    font: inherit;
  }
  button {
    border: 1px solid rgba(0, 0, 0, 0.2);
    border-radius: 4px;
    background: #fff;
    padding: 2px 8px;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--twinby-accent, #1565c0);
    outline-offset: 1px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    margin: 4px 0;
  }
  ol {
    margin: 4px 0;
    padding-left: 1.4em;
  }
  li input {
    width: 100%;
    box-sizing: border-box;
  }
  .status {
    font-size: 0.9em;
    color: #4a5663;
  }
  .stage-bar {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    pointer-events: auto;
    background: rgba(16, 24, 32, 0.82);
    color: #fff;
    padding: 16px 28px 20px;
  }
  .stage-bar h2 {
    font-size: clamp(22px, 3.2vw, 44px);
    margin: 0 0 6px;
  }
  .stage-bar p {
    font-size: clamp(16px, 2.2vw, 30px);
    margin: 0 0 10px;
    white-space: pre-wrap;
  }
  .stage-bar .row button {
    font-size: 1.1em;
    padding: 6px 16px;
  }
  .progress {
    height: 6px;
    background: rgba(255, 255, 255, 0.25);
    border-radius: 3px;
    overflow: hidden;
    flex: 1;
    min-width: 80px;
  }
  .progress div {
    height: 100%;
    background: #4fc3f7;
  }
`;
