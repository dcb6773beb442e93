import { css } from 'lit';

/** <twinby-council>'s panel (bottom left) and, while presenting, the caption bar; the surface comes from panelStyles. */
export const councilStyles = css`
  /* bottom left, stacked above the style legend by the viewer's panel layout */
  .panel {
    left: 10px;
    bottom: 10px;
    width: min(340px, calc(50% - 20px));
    max-height: calc(45% - 20px);
  }
  summary {
    font-weight: bold;
    cursor: pointer;
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
