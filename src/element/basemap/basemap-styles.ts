import { css } from 'lit';

export const basemapStyles = css`
  :host {
    position: absolute;
    right: 0;
    bottom: 0;
    max-width: 100%;
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 4px;
    pointer-events: none;
    font: inherit;
    font-size: 12px;
    color: var(--twinby-fg, #1d2733);
  }
  .switcher {
    pointer-events: auto;
    margin-right: 10px;
    background: var(--twinby-panel, rgba(255, 255, 255, 0.95));
    border-radius: var(--twinby-radius, 6px);
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    padding: 4px 6px;
    display: flex;
    gap: 6px;
    align-items: center;
  }
  select {
    font: inherit;
    min-height: 28px;
    max-width: 50vw;
  }
  .attribution {
    pointer-events: auto;
    background: rgba(255, 255, 255, 0.8);
    padding: 1px 6px;
    border-top-left-radius: 4px;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
`;
