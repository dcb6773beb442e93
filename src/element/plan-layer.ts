import { render } from 'lit';
import { TwinbyLayerElement, type LayerHost } from './layer-element.js';
import { planPanelStyles, planText, renderPlanPanel, type PlanPanelState } from './plan-legend.js';
import { isCompact } from './compact-panel.js';
import { joinPanelLayout, type PanelSlot } from './panel-layout.js';
import { GmlClient } from '../worker-clients/gml-client.js';
import type { PlanBuildResult } from '../worker-clients/gml-client.js';
import type { ErrorKind, Lang } from '../core/index.js';

/** detail of `twinby-plan-load`: a plan (or a WFS update) is on screen. */
export interface PlanLoadDetail {
  layerId: string;
  title: string;
  counts: Record<string, number>;
  warnings: string[];
}

/**
 * Shared by <twinby-plan> and <twinby-wfs>: shows a plan overlay in the engine, its legend and a
 * layer switch in the element's own shadow root, and runs parsing in a GML worker.
 */
export abstract class PlanLayerElement extends TwinbyLayerElement {
  protected client: GmlClient | null = null;
  protected plan: PlanBuildResult | null = null;
  protected panel: PlanPanelState = { legend: null, visible: true, status: null, error: null };
  private root: ShadowRoot;
  private panelSlot: PanelSlot | null = null;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [planPanelStyles.styleSheet!];
  }

  connectedCallback(): void {
    // bottom right, above the base map's attribution
    this.panelSlot = joinPanelLayout(this, { corner: 'bottom-right', order: 1, box: () => (this.root.querySelector('.panel') ? this : null) });
  }

  disconnectedCallback(): void {
    this.panelSlot?.leave();
    this.panelSlot = null;
  }

  /** Metres per storey for Baufenster heights from Z (attribute storey-height; default 3.5). */
  get storeyHeight(): number {
    const v = Number(this.getAttribute('storey-height'));
    return Number.isFinite(v) && v > 0 ? v : 3.5;
  }

  set storeyHeight(v: number) {
    this.setAttribute('storey-height', String(v));
  }

  /** Whether the plan is drawn; the layer switch in the legend sets it too. */
  get visible(): boolean {
    return this.panel.visible;
  }

  set visible(v: boolean) {
    if (v === this.panel.visible) return;
    this.panel = { ...this.panel, visible: v };
    this.applyOverlay();
    this.renderPanel();
  }

  /** The legend of what is shown, or null before anything loaded. */
  get legend() {
    return this.plan?.legend ?? null;
  }

  override langChanged(_lang: Lang): void {
    this.renderPanel();
  }

  protected uiLang(): Lang {
    return this.host?.lang ?? 'de';
  }

  protected startClient(): GmlClient {
    this.client ??= new GmlClient();
    return this.client;
  }

  protected stopClient(host: LayerHost): void {
    this.client?.dispose();
    this.client = null;
    host.engine.removeOverlay(this.layerId);
  }

  /** Puts a built plan on screen (replacing the previous one) and tells the page. */
  protected showPlan(plan: PlanBuildResult, warnings: string[] = plan.warnings): void {
    this.plan = plan;
    this.panel = { ...this.panel, legend: plan.legend, error: null };
    this.applyOverlay();
    this.renderPanel();
    const detail: PlanLoadDetail = { layerId: this.layerId, title: plan.legend.title, counts: plan.counts, warnings };
    this.dispatchEvent(new CustomEvent('twinby-plan-load', { detail, bubbles: true, composed: true }));
  }

  protected setStatus(loading: boolean): void {
    const status = loading ? planText(this.uiLang()).loading : null;
    if (status === this.panel.status) return;
    this.panel = { ...this.panel, status };
    this.renderPanel();
  }

  /** A failure: shown in the panel and reported as twinby-error; what is on screen stays. */
  protected fail(kind: ErrorKind, message: string, extra: { url?: string; status?: number } = {}): void {
    this.panel = { ...this.panel, error: message };
    this.renderPanel();
    this.host?.reportError({ kind, message, layerId: this.layerId, ...extra });
  }

  private applyOverlay(): void {
    const engine = this.host?.engine;
    if (!engine) return;
    if (this.plan && this.panel.visible) engine.addOverlay(this.plan.overlay);
    else engine.removeOverlay(this.layerId);
  }

  protected renderPanel(): void {
    render(renderPlanPanel(this.panel, this.uiLang(), isCompact(this), (v) => (this.visible = v)), this.root);
    this.panelSlot?.update();
  }
}

declare global {
  interface HTMLElementEventMap {
    'twinby-plan-load': CustomEvent<PlanLoadDetail>;
  }
}
