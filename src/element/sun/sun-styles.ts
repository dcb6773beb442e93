import { css } from 'lit';

/** <twinby-sun>'s panel (top left, below a scenario's) and its contents; the surface comes from panelStyles. */
export const sunStyles = css`
  .panel {
    left: 10px;
    /* top and max-height come from the viewer's panel layout (below a scenario's panel) */
    top: 10px;
    width: min(440px, calc(50% - 20px));
    max-height: calc(50% - 20px);
  }
  .panel.collapsed {
    width: auto;
  }
  input[type='range'] {
    flex: 1;
    min-width: 140px;
  }
  .status {
    margin: 4px 0;
    font-size: 0.9em;
  }
  progress {
    width: 100%;
  }
  td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover {
    background: rgba(21, 101, 192, 0.08);
  }
  .legend {
    list-style: none;
    margin: 4px 0;
    padding: 0;
    font-size: 0.85em;
  }
  .legend li {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .swatch {
    width: 14px;
    height: 14px;
    border-radius: 2px;
    border: 1px solid rgba(0, 0, 0, 0.25);
  }
`;
