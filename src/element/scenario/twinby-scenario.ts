import { render } from 'lit';
import type { Lang, ViewState } from '../../core/index.js';
import {
  BESTAND, EditHistory, addBuilding, freshBuildingId, moveBuilding, readScenario, readShareFragment, removeBuilding, rotateBuilding, shareFragment, toggleReplaced, updateBlock,
  type BlockBuilding, type CompareMode, type Point2, type Scenario, type ScenarioIssue, type ShareLinkResult,
} from '../../core/scenario/index.js';
import { compactPanelStyles } from '../compact-panel.js';
import { listenForDrops } from '../file-drop.js';
import { TwinbyLayerElement } from '../layer-element.js';
import { BlockDrawer } from './block-drawer.js';
import { BuildingPicker, downloadFile, scenarioFile } from './scenario-file.js';
import { renderScenarioPanel, type PanelActions } from './scenario-panel.js';
import { ScenarioSession } from './scenario-session.js';
import { scenarioStyles } from './scenario-styles.js';
import { st } from './scenario-texts.js';
import type { ScenarioLoadDetail } from './scenario-events.js';
import { renderDivider } from './swipe-divider.js';
import { engineHas } from '../../engines/engine.js';
import { ScenarioPanelPlace } from './scenario-panel-place.js';

const MODES: readonly CompareMode[] = ['single', 'swipe', 'side-by-side'];

/**
 * <twinby-scenario src="scenario.json" [droppable] [variant="a"] [compare="single|swipe|side-by-side"] [compare-with="b"]>:
 * planned buildings in variants over the viewer's base model, compared by swipe or side by side, checked
 * against the Bebauungsplan, edited, saved as .json and shared as a link (#scenario=…).
 */
export class TwinbyScenario extends TwinbyLayerElement {
  static get observedAttributes(): string[] {
    return ['src', 'droppable', 'variant', 'compare', 'compare-with'];
  }

  /** Where the swipe divider stands, 0–1 of the width. */
  splitPosition = 0.5;
  private session: ScenarioSession | null = null;
  private history: EditHistory<Scenario> | null = null;
  private input: { scenario: Scenario; issues: ScenarioIssue[]; file: string; baseUrl: string; view?: ViewState; sourcePaths?: WeakMap<object, string> } | null = null;
  private status = '';
  private message = '';
  private editing: 'none' | 'draw' | 'hide' = 'none';
  private selectedBlock: string | null = null;
  private drawer: BlockDrawer | null = null;
  private stopDrops: (() => void) | null = null;
  private rebuildTimer = 0;
  private opened: Promise<void> | null = null;
  private readonly root: ShadowRoot;
  private readonly place = new ScenarioPanelPlace(this, () => this.renderPanel());

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [scenarioStyles.styleSheet!, compactPanelStyles.styleSheet!];
  }

  get src(): string | null {
    return this.getAttribute('src');
  }
  set src(v: string | null) {
    if (v === null) this.removeAttribute('src');
    else this.setAttribute('src', v);
  }
  /** The scenario as it is now (edits included), or null. Setting one loads it. */
  get scenario(): Scenario | null {
    return this.history?.current ?? this.input?.scenario ?? null;
  }
  set scenario(value: Scenario | null) {
    if (value) void this.load(value);
  }
  /** The variant shown ("bestand" for the existing town). */
  get variant(): string {
    return this.getAttribute('variant') ?? BESTAND;
  }
  set variant(v: string) {
    this.setAttribute('variant', v);
  }
  get compare(): CompareMode {
    const c = this.getAttribute('compare') as CompareMode;
    return MODES.includes(c) ? c : 'single';
  }
  set compare(v: CompareMode) {
    this.setAttribute('compare', v);
  }
  /** The variant on the right of the divider (or in the right half). */
  get compareWith(): string {
    return this.getAttribute('compare-with') ?? BESTAND;
  }
  set compareWith(v: string) {
    this.setAttribute('compare-with', v);
  }
  /** What "Besonnung vergleichen" compares: Bestand (in a compare mode, the other side) against the shown variant. */
  sunComparison(base: readonly string[]) {
    return this.session?.comparison(base, this.compare === 'single' ? BESTAND : this.compareWith, this.variant) ?? null;
  }

  /** Resolves when the scenario's variants are built and the current one is on screen. */
  get ready(): Promise<void> {
    return this.opened ?? Promise.resolve();
  }

  // ---- methods ----------------------------------------------------------------------------------

  /** Loads a scenario from a File/Blob, a URL or an object; bad parts are reported (twinby-error) and left out. */
  async load(input: Blob | string | object): Promise<Scenario | null> {
    let text: string | object = input;
    let file = 'scenario';
    let baseUrl = document.baseURI;
    try {
      if (typeof input === 'string') {
        baseUrl = new URL(input, document.baseURI).href;
        file = input;
        const res = await fetch(baseUrl, { headers: { Accept: 'application/json' } });
        if (!res.ok) throw new Error(`${input}: HTTP ${res.status}`);
        text = await res.text();
      } else if (input instanceof Blob) {
        file = (input as File).name || 'scenario.json';
        text = await input.text();
      }
    } catch (err) {
      this.fail(file, '$', (err as Error).message);
      return null;
    }
    const { scenario, issues, sourcePaths } = readScenario(text);
    if (!scenario) {
      this.fail(file, issues[0]?.path ?? '$', issues[0]?.message ?? 'unreadable');
      return null;
    }
    this.input = { scenario, issues, file, baseUrl, sourcePaths };
    this.restart();
    return scenario;
  }

  /** Writes the scenario with variant, compare mode and camera into location.hash; refuses (with the reason) when it does not fit a link. */
  async share(): Promise<ShareLinkResult> {
    const scenario = this.scenario;
    if (!scenario) return { ok: false, reason: 'too-long', message: 'no scenario loaded' };
    const view = this.host?.engine.getView();
    const result = await shareFragment({ scenario, variant: this.variant, compare: this.compare, compareWith: this.compareWith, ...(view ? { view } : {}) });
    if (result.ok) {
      history.replaceState(history.state, '', `#${result.fragment}`);
      const copied = await navigator.clipboard?.writeText(location.href).then(() => true, () => false);
      this.message = '';
      this.status = st(this.uiLang, 'linkCopied', { copied: copied ? st(this.uiLang, 'copied') : '' });
    } else {
      this.message = result.message;
    }
    this.renderPanel();
    return result;
  }

  /** The scenario as a .json file (what download() saves). */
  toFile(): File {
    return scenarioFile(this.scenario);
  }

  download(): void {
    downloadFile(this.toFile());
  }

  /** Applies an edit of the scenario (undoable); compliance and tiles follow. */
  edit(label: string, change: (s: Scenario) => Scenario): void {
    if (!this.history) return;
    try {
      this.history.apply(label, change);
      this.message = '';
    } catch (err) {
      this.message = (err as Error).message;
    }
    this.scheduleRebuild();
  }

  undo(): void {
    this.history?.undo();
    this.scheduleRebuild();
  }

  redo(): void {
    this.history?.redo();
    this.scheduleRebuild();
  }

  /** Starts drawing a block in the current variant; resolves with its id, or null when cancelled. */
  drawBlock(): Promise<string | null> {
    const host = this.host;
    const target = this.parentElement;
    if (!host || !target || this.variant === BESTAND || !this.history) return Promise.resolve(null);
    this.drawer?.stop();
    this.editing = 'draw';
    this.renderPanel();
    return new Promise((resolve) => {
      this.drawer = new BlockDrawer(target, host.engine, () => this.session?.snapLines() ?? [], (ring) => {
        this.drawer = null;
        this.editing = 'none';
        if (!ring) return resolve(this.renderPanel() ?? null);
        const id = freshBuildingId(this.history!.current, this.variant);
        const block: BlockBuilding = { kind: 'block', id, footprint: ring as Point2[], base: 'ground', storeys: 3, roof: { form: 'flat' } };
        this.selectedBlock = id;
        this.edit('Block zeichnen', (s) => addBuilding(s, this.variant, block));
        resolve(id);
      });
    });
  }

  override attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue === newValue) return;
    if (name === 'droppable') return this.syncDrops();
    if (name === 'src') {
      if (this.host && newValue) void this.load(newValue);
      return;
    }
    // variant and compare changes only show other tiles: nothing is rebuilt
    void this.show();
  }

  override langChanged(_lang: Lang): void {
    this.renderPanel();
  }

  protected override onAttach(): void {
    this.place.attach();
    this.syncDrops();
    if (this.input) this.restart();
    else if (location.hash.includes('scenario=')) void this.openLink();
    else if (this.src) void this.load(this.src);
  }

  protected override onDetach(): void {
    this.place.detach();
    this.syncDrops();
    this.drawer?.stop();
    this.drawer = null;
    this.hidePicker?.stop();
    this.hidePicker = null;
    this.session?.dispose();
    this.session = null;
    this.renderPanel();
  }

  private get uiLang(): Lang {
    return this.host?.lang ?? 'de';
  }

  private async openLink(): Promise<void> {
    const { state, issues } = await readShareFragment(location.hash);
    if (!state) {
      this.fail('link', issues[0]?.path ?? '#scenario', issues[0]?.message ?? 'no scenario in the link');
      if (this.src) void this.load(this.src);
      return;
    }
    this.setAttribute('variant', state.variant);
    this.setAttribute('compare', state.compare);
    if (state.compareWith) this.setAttribute('compare-with', state.compareWith);
    this.input = { scenario: state.scenario, issues, file: 'link', baseUrl: document.baseURI, view: state.view };
    this.restart();
  }

  /** Builds every variant of this.input in a fresh session and shows the current one. */
  private restart(): void {
    const host = this.host;
    const input = this.input;
    if (!host || !input) return;
    this.session?.dispose();
    const session = new ScenarioSession(host.engine, this.layerId, input.file, input.baseUrl, (ids) => host.hideFor(this.layerId, ids), (d) => host.reportError(d), input.sourcePaths);
    this.session = session;
    this.history = new EditHistory({ label: '', state: input.scenario });
    this.selectedBlock = null;
    this.status = st(this.uiLang, 'building');
    this.renderPanel();
    session.reportIssues(input.issues);
    this.opened = (async () => {
      await session.loadBase(input.scenario, { footprints: this.getAttribute('footprints') ?? undefined, plan: this.getAttribute('plan') ?? undefined });
      await session.buildBestand();
      await Promise.all(input.scenario.variants.map((v, i) => session.build(v, i)));
      if (this.session !== session) return;
      await this.show();
      if (input.view) await host.engine.flyTo(input.view, { duration: 0 });
      this.status = '';
      this.renderPanel();
      const detail: ScenarioLoadDetail = { layerId: this.layerId, scenario: input.scenario, issues: input.issues };
      this.dispatchEvent(new CustomEvent('twinby-scenario-load', { detail, bubbles: true, composed: true }));
    })().catch((err: Error) => {
      if (this.session === session && err.name !== 'AbortError') this.fail(input.file, '$', err.message);
    });
  }

  private async show(): Promise<void> {
    this.renderPanel();
    await this.session?.show({ variant: this.variant, compare: this.compare, compareWith: this.compareWith, position: this.splitPosition });
  }

  private scheduleRebuild(): void {
    this.renderPanel();
    clearTimeout(this.rebuildTimer);
    this.rebuildTimer = window.setTimeout(() => void this.rebuild(), 60);
  }

  private async rebuild(): Promise<void> {
    const session = this.session;
    const scenario = this.history?.current;
    if (!session || !scenario) return;
    await Promise.all(scenario.variants.map((v, i) => (session.variants.get(v.id)?.replaces === v.replaces && session.builtFrom.get(v.id) === v.buildings ? null : session.build(v, i))));
    await this.show();
    this.dispatchEvent(new CustomEvent('twinby-scenario-change', { detail: { scenario }, bubbles: true, composed: true }));
  }

  private fail(file: string, path: string, message: string): void {
    this.message = `${file} ${path}: ${message}`;
    this.host?.reportError({ kind: 'parse', message: this.message, layerId: this.layerId, ...{ file, path } });
    this.renderPanel();
  }

  private syncDrops(): void {
    const want = this.host !== null && this.hasAttribute('droppable') && this.parentElement !== null;
    if (want && !this.stopDrops) {
      this.stopDrops = listenForDrops(this.parentElement!, {
        accept: /\.json$/i,
        sniff: (head) => head.includes('"variants"'),
        receive: (file) => void this.load(file),
      });
    } else if (!want && this.stopDrops) {
      this.stopDrops();
      this.stopDrops = null;
    }
  }

  private renderPanel(): undefined {
    const scenario = this.host ? this.scenario : null;
    const variant = scenario?.variants.find((v) => v.id === this.variant);
    const block = variant?.buildings.find((b): b is BlockBuilding => b.kind === 'block' && b.id === this.selectedBlock) ?? (variant?.buildings.find((b): b is BlockBuilding => b.kind === 'block') ?? null);
    const actions: PanelActions = {
      variant: (id) => this.userSet('variant', id),
      compare: (mode) => this.userSet('compare', mode),
      compareWith: (id) => this.userSet('compare-with', id),
      save: () => this.download(),
      // a scenario too large for a link falls back to the file: nothing is left out
      share: () => void this.share().then((r) => !r.ok && this.scenario && this.download()),
      tool: (tool) => (tool === 'draw' ? void this.drawBlock() : this.toggleHideTool()),
      undo: () => this.undo(),
      redo: () => this.redo(),
      updateBlock: (changes) => block && this.edit('Block ändern', (s) => updateBlock(s, this.variant, block.id, changes)),
      move: (dx, dy) => block && this.edit('Block verschieben', (s) => moveBuilding(s, this.variant, block.id, dx, dy)),
      rotate: (deg) => block && this.edit('Block drehen', (s) => rotateBuilding(s, this.variant, block.id, deg)),
      removeBlock: () => block && this.edit('Block entfernen', (s) => removeBuilding(s, this.variant, block.id)),
      selectBlock: (id) => ((this.selectedBlock = id), this.renderPanel()),
      toggle: () => this.place.toggle(),
    };
    render(
      [
        renderScenarioPanel(
          {
            lang: this.uiLang, scenario, variants: this.session?.variants ?? new Map(), variant: this.variant, compare: this.compare, compareWith: this.compareWith,
            status: this.status, message: this.message, hasPlan: this.session?.hasPlan ?? false, editing: this.editing, selectedBlock: block,
            canUndo: this.history?.canUndo ?? false, canRedo: this.history?.canRedo ?? false, open: this.place.open, canCompare: engineHas(this.host?.engine, 'split'),
            splitShadows: engineHas(this.host?.engine, 'split-shadows'),
          },
          actions,
        ),
        renderDivider(scenario ? this.compare : 'single', this.splitPosition, this.uiLang, (p) => this.setSplitPosition(p)),
      ],
      this.root,
    );
    this.place.rendered();
    return undefined;
  }

  private setSplitPosition(p: number): void {
    this.splitPosition = Math.min(1, Math.max(0, p));
    void this.show();
  }

  /** A change the user made in the panel: applied, and announced as an event. */
  private userSet(name: 'variant' | 'compare' | 'compare-with', value: string): void {
    this.setAttribute(name, value);
    this.dispatchEvent(new CustomEvent('twinby-scenario-view', { detail: { variant: this.variant, compare: this.compare, compareWith: this.compareWith }, bubbles: true, composed: true }));
  }

  private hidePicker: BuildingPicker | null = null;

  private toggleHideTool(): void {
    const target = this.parentElement;
    this.hidePicker?.stop();
    if (this.hidePicker || !target || this.variant === BESTAND) {
      this.hidePicker = null;
      this.editing = 'none';
    } else {
      this.editing = 'hide';
      this.hidePicker = new BuildingPicker(target, (id) => {
        // planned buildings are edited, not hidden
        if (!this.scenario?.variants.some((v) => v.buildings.some((b) => b.id === id))) this.edit('Bestand ausblenden', (s) => toggleReplaced(s, this.variant, id));
      });
    }
    this.renderPanel();
  }
}
