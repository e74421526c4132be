/**
 * The in-page overlay, start to stop: gate → scan → draw → interact → follow the page as it
 * changes. Everything it adds (listeners, observer, highlights, shadow host) is released by
 * `dispose()`. On a page the gate rejects it sends no message and touches no storage.
 */
import { render } from 'preact';
import { createElement } from 'preact';
import { createOverlayStore, OverlayRoot, type OverlayStore, type Rect } from '../../components/overlay/OverlayRoot';
import { OVERLAY_CSS } from '../../components/overlay/overlay-css';
import { describeRange } from '../anchor/text-quote';
import type { TargetRef } from '../db/records';
import { statusClaimNear } from '../match/claims';
import { quickGate } from '../match/gate';
import type { MatchPack } from '../match/pack';
import { scanTextSteps } from '../match/scan-text';
import type { Mention, Relevance } from '../match/types';
import type { OverlayState, Request, ResponseMap } from '../messaging/protocol';
import type { TabReport } from '../messaging/tab-protocol';
import { extractDomText, extractDomTextSteps, type DomText } from '../text/extract-dom';
import { cardModelFor, type DatasetIndex } from './card-model';
import { spanFor, type DomSpan } from './dom-spans';
import { caretAt, pointInSpan } from './hit-test';
import { buildReport } from './report';
import { rangeToText, usableSelection } from './selection';
import { customStyles, DEFAULT_HIGHLIGHT_STYLES, type HighlightClass } from './highlight-classes';
import { createCssHighlightPainter, createWrappingPainter, supportsCssHighlights, WRAP_TAG, type CssPainterOptions, type Drawing, type DrawSpan, type Painter } from './highlighter';
import { MentionStore, type PlacedMention } from './mention-store';
import { anchorPageNotes, type AnchoredNote } from './passage-notes';
import { trackPointer } from './pointer';
import { pageInfoOf } from './page-info';
import { evidenceSentence } from '../text/sentence';
import { sightingReports } from './sighting-reports';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { changedRoots } from './subtrees';
import { Slicer } from './yield';

export type Send = <R extends Request>(req: R) => Promise<ResponseMap[R['type']]>;

export interface OverlayEnv {
  doc: Document;
  /** The dataset's match pack and lookup index, built on first use: a page the gate rejects never pays for them. */
  engine: () => { pack: MatchPack; index: DatasetIndex };
  /** performance.now() when the content script started, for the "start to drawn" measure. */
  startedAt?: number;
  send: Send;
  /** How the Highlight API painter suits this browser (the Firefox build sets both: see CssPainterOptions). */
  painterOptions?: CssPainterOptions;
}

const MUTATION_DEBOUNCE_MS = 250;
const QUIET_DEBOUNCE_MS = 1000;
const MAX_WAIT_MS = 2000;
/** What the observer watches, in the body and in each shadow root read. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * Timing of our work, as performance measures, in builds made for the bench only (see
 * wxt.config.ts): `minsheng-lens:read|scan|place|state|draw` per phase, `slice` per slice of
 * work between hand-backs to the page, `drawn` from script start to highlights drawn.
 */
function measure(name: string, start: number, end = performance.now()) {
  if (typeof __MSL_PERF_MARKS__ === 'undefined' || !__MSL_PERF_MARKS__) return;
  try {
    performance.measure(`minsheng-lens:${name}`, { start, end });
  } catch {
    // measures are a convenience; never let them break the page
  }
}

/** The page's text; our own UI host hangs off <html>, outside <body>, so it is never read. */
const isStillOnPage = (p: PlacedMention) => p.span.startContainer.isConnected && p.span.endContainer.isConnected;

function readText(root: Node): DomText {
  return extractDomText(root, { skipEditable: true });
}

function rectOf(span: DomSpan | Range, doc: Document): Rect {
  const range = span instanceof Range ? span : doc.createRange();
  if (!(span instanceof Range)) {
    range.setStart(span.startContainer, span.startOffset);
    range.setEnd(span.endContainer, span.endOffset);
  }
  const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return { left: r.left, top: r.top, bottom: r.bottom, right: r.right };
}

export class Overlay {
  private state: TabReport['state'] = 'skipped';
  private relevance: Relevance = { relevant: false, score: 0, signals: [] };
  private readonly store = new MentionStore();
  private painter?: Painter;
  private host?: ShadowHost;
  private ui?: OverlayStore;
  private userState?: OverlayState;
  private followed = new Set<string>();
  private anchoredNotes: AnchoredNote[] = [];
  private sighted = new Set<string>();
  private observer?: MutationObserver;
  private pending: MutationRecord[] = [];
  /** Open shadow roots whose text we read: watched, and given to hit-testing. */
  private shadowRoots = new Set<ShadowRoot>();
  /** The body the observer watches (a page may replace its body; the old one's text is gone). */
  private observedBody?: HTMLElement;
  private timer?: ReturnType<typeof setTimeout>;
  private cardPinned = false;
  private listeners = new AbortController();
  private cursor = -1;
  /** Bumped by every teardown: work begun under an older generation stops at its next pause. */
  private generation = 0;
  private starting = false;
  private flushing = false;
  private waitingSince?: number;
  private lastUrl: string;

  constructor(private readonly env: OverlayEnv) {
    this.lastUrl = env.doc.location.href;
  }

  private get doc() {
    return this.env.doc;
  }

  private get engine() {
    return this.env.engine();
  }

  /**
   * Gate and, if the page is about the projects (or `force`), draw everything. The page is
   * watched from the first moment, so what changes while we read and scan is rescanned after.
   */
  async start(force = false): Promise<TabReport['state']> {
    const gen = ++this.generation;
    const body = this.doc.body;
    if (!body) return this.state;
    this.starting = true;
    try {
      this.watch();
      const t0 = performance.now();
      if (this.env.startedAt !== undefined) measure('setup', this.env.startedAt, t0);
      const slicer = new Slicer(undefined, (start, end) => measure('slice', start, end));
      const dom = await slicer.run(extractDomTextSteps(body, { skipEditable: true }));
      if (gen !== this.generation) return this.state;
      this.watchShadowRoots(dom.shadowRoots);
      if (!force && !quickGate(dom.text, this.doc.location.href)) {
        this.state = 'skipped';
        return this.state;
      }
      const tRead = performance.now();
      // Asked for as soon as the page is surely relevant (or at once when forced), so the round
      // trip overlaps the linker and the placing of mentions.
      let asked = force ? this.askState() : undefined;
      const onSurelyRelevant = () => void (asked ??= this.askState());
      const result = await slicer.run(scanTextSteps(dom.text, this.engine.pack, { url: this.doc.location.href, onSurelyRelevant }));
      if (gen !== this.generation) return this.state;
      if (result.relevant || force) {
        measure('read', t0, tRead);
        measure('scan', tRead);
      }
      this.relevance = { relevant: result.relevant, score: result.score, signals: result.signals };
      if (!result.relevant && !force) {
        this.state = 'irrelevant';
        return this.state;
      }
      await this.activate(dom, result.mentions, asked ?? this.askState(), force, gen, slicer);
      return this.state;
    } finally {
      if (gen === this.generation) {
        this.starting = false;
        // What changed meanwhile is handled now (a rescan when active, a re-gate otherwise).
        if (this.pending.length) this.schedule();
      }
    }
  }

  /** The user's state for this page (follows, its notes, settings), from the background. */
  private askState(): Promise<OverlayState> {
    const asked = this.env.send({ type: 'overlay/state', canonicalUrl: pageInfoOf(this.doc).canonicalUrl });
    asked.catch(() => {}); // a start abandoned for a newer one never awaits it
    return asked;
  }

  /**
   * Shows the mentions. `asked` is the user's state, already on its way: the mentions are
   * placed in the page while the background answers, so the round trip costs little time of its own.
   */
  private async activate(dom: DomText, mentions: Mention[], asked: Promise<OverlayState>, force: boolean, gen: number, slicer: Slicer) {
    await slicer.pause();
    if (gen !== this.generation) return;
    const tPlace = performance.now();
    const placed = this.place(dom, mentions);
    measure('place', tPlace);
    slicer.endSlice();
    const userState = await asked;
    measure('state', tPlace);
    if (gen !== this.generation) return;
    slicer.resume();
    this.userState = userState;
    if (userState.siteDisabled && !force) {
      this.state = 'disabled';
      this.observer?.disconnect();
      return;
    }
    this.followed = new Set(userState.followed);
    this.state = 'active';
    const win = this.doc.defaultView as Window & typeof globalThis;
    const custom = customStyles(userState.highlightColours);
    this.painter =
      !userState.wrapHighlights && supportsCssHighlights(win)
        ? createCssHighlightPainter(this.doc, custom, this.env.painterOptions)
        : createWrappingPainter(this.doc, { ...DEFAULT_HIGHLIGHT_STYLES, ...custom });
    this.painter.styleShadowRoots([...this.shadowRoots]);
    const ui = createOverlayStore({ view: { kind: 'none' }, orphans: [], locale: userState.locale, colours: userState.highlightColours });
    this.ui = ui;
    // Our UI's host element is only added to the page when there is something to show.
    const unsubscribe = ui.subscribe(() => {
      const { view, orphans } = ui.get();
      if (this.host || this.ui !== ui || (view.kind === 'none' && !orphans.length)) return;
      this.host = createShadowHost(this.doc, OVERLAY_CSS);
      render(createElement(OverlayRoot, { store: ui }), this.host.root);
      unsubscribe();
    });

    // Only spans still on the page: their text may have left while the answer was on its way.
    this.store.add(this.stillOnPage(placed));
    this.anchorNotes(dom);
    const tDraw = performance.now();
    await slicer.run(this.drawSteps());
    if (gen !== this.generation) return;
    measure('draw', tDraw);
    if (this.env.startedAt !== undefined) measure('drawn', this.env.startedAt);
    this.listen();
    // The badge and the sightings can wait for the page's next turn.
    await slicer.pause();
    if (gen !== this.generation) return;
    this.afterChange(this.store.all(), dom.text);
    slicer.endSlice();
  }

  /**
   * The placed mentions whose text is still in the page. Only a removal can take a text node
   * out, and the observer has seen every removal in the body since reading began, so the
   * per-span check (two DOM calls per mention) runs only after one.
   */
  private stillOnPage(placed: PlacedMention[]): PlacedMention[] {
    if (!this.observer || !this.observedBody?.isConnected) return placed.filter(isStillOnPage);
    this.pending.push(...this.observer.takeRecords());
    const removed = this.pending.some((r) => r.type === 'childList' && r.removedNodes.length > 0);
    return removed ? placed.filter(isStillOnPage) : placed;
  }

  private place(dom: DomText, mentions: Mention[]): PlacedMention[] {
    const placed: PlacedMention[] = [];
    // With web components, a name could run from a shadow tree into the light one: no range can.
    const oneTree = dom.shadowRoots.length > 0;
    for (const mention of mentions) {
      const span = spanFor(dom, mention.start, mention.end);
      if (!span) continue;
      if (oneTree && span.startContainer !== span.endContainer && span.startContainer.getRootNode() !== span.endContainer.getRootNode()) continue;
      placed.push({ mention, span, source: dom.text });
    }
    return placed;
  }

  /** Re-anchors this page's passage notes; the ones that no longer fit are listed as orphans. */
  private anchorNotes(dom: DomText) {
    const { anchored, orphans } = anchorPageNotes(this.userState?.pageNotes ?? [], dom);
    this.anchoredNotes = anchored;
    this.ui?.set({ orphans });
  }

  private classOf(m: Mention): HighlightClass {
    if (m.kind === 'unit') return 'unit';
    const item = this.engine.index.itemsById.get(m.id);
    return item?.status === 'completed' ? 'project-done' : 'project-open';
  }

  /** Every span to draw, by class: the mentions, the followed ones again, the passage notes. */
  private drawing(painter: Painter): Required<Drawing> {
    const drawing: Required<Drawing> = { unit: [], 'project-done': [], 'project-open': [], followed: [], note: [] };
    const keyed = painter.kind === 'wrapping';
    this.store.all().forEach((p, key) => {
      // Only the fallback painter needs the key (to find a mention from its element).
      const span: DrawSpan = keyed ? { ...p.span, key } : p.span;
      drawing[this.classOf(p.mention)].push(span);
      if (this.followed.has(p.mention.id)) drawing.followed.push(span);
    });
    for (const n of this.anchoredNotes) drawing.note.push(n.span);
    return drawing;
  }

  /** Draws at once (after a follow or a note: the painter remakes only the classes that changed). */
  private draw() {
    const painter = this.painter;
    if (painter) this.withoutObserving(() => painter.draw(this.drawing(painter)));
  }

  /** Draws everything, pausing as it goes (all the mentions of a page, or of a rescan). */
  private *drawSteps(): Generator<void, void, void> {
    const painter = this.painter;
    if (!painter) return;
    // The fallback painter edits the DOM: at once, unobserved.
    if (painter.kind === 'wrapping') return this.draw();
    yield* painter.drawSteps(this.drawing(painter));
  }

  /** Runs our own DOM work without our observer seeing it (the fallback painter edits the DOM). */
  private withoutObserving(work: () => void) {
    if (this.observer) this.pending.push(...this.observer.takeRecords());
    this.observer?.disconnect();
    work();
    if (this.observer) this.observeBody();
  }

  /** After mentions were added: badge, and sightings for the new ones (context from `text`). */
  private afterChange(placed: readonly PlacedMention[], text: string) {
    void this.env.send({ type: 'page/gate', relevant: true, score: this.relevance.score, mentions: this.store.size }).catch(() => {});
    this.recordSightings(placed, text);
  }

  /**
   * Sightings for items not yet recorded from this page load (all items, or only followed
   * ones, as the user chose). `text` is what the mentions' offsets index, for the context.
   */
  private recordSightings(placed: readonly PlacedMention[], text: string) {
    const mode = this.userState?.sightings ?? 'off';
    if (mode === 'off') return;
    const reports = sightingReports(placed, text, (id) => !this.sighted.has(id) && (mode === 'all' || this.followed.has(id)));
    for (const r of reports) this.sighted.add(r.target.id);
    if (reports.length) void this.env.send({ type: 'sightings/record', page: pageInfoOf(this.doc), reports }).catch(() => {});
  }

  // ── interaction ───────────────────────────────────────────────────────────

  private listen() {
    trackPointer(this.doc, this.listeners.signal, {
      hitAt: (x, y, target) => this.mentionAtPoint(x, y, target),
      isOwn: (e) => e.composedPath().some((n) => n === this.host?.host),
      open: (p, pinned) => this.openCard(p, pinned),
      close: () => {
        const kind = this.ui?.get().view.kind ?? 'none';
        if (kind === 'none') return false;
        this.closeCard();
        return true;
      },
      hoverCardOpen: () => !this.cardPinned && this.ui?.get().view.kind === 'card',
      selectionChanged: () => this.onSelection(),
    });
  }

  private mentionAtPoint(x: number, y: number, target: EventTarget | null): PlacedMention | undefined {
    if (target instanceof Element && target.localName === WRAP_TAG) {
      const p = this.store.all()[Number(target.getAttribute('data-msl-key'))];
      if (p) return p;
    }
    const caret = caretAt(this.doc, x, y, [...this.shadowRoots]);
    if (!caret || caret.node.nodeType !== 3) return undefined;
    const hit = this.store.at(caret.node, caret.offset) ?? (caret.offset > 0 ? this.store.at(caret.node, caret.offset - 1) : undefined);
    return hit && pointInSpan(this.doc, hit.span, x, y) ? hit : undefined;
  }

  /** Moves to the next/previous mention, scrolls it into view and opens its card. */
  step(direction: 1 | -1): boolean {
    const all = this.store.all();
    if (!all.length) return false;
    this.cursor = (this.cursor + direction + all.length) % all.length;
    this.reveal(all[this.cursor]!);
    return true;
  }

  private reveal(p: PlacedMention) {
    p.span.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.flash(p.span);
    this.openCard(p, true);
  }

  /** Briefly marks a span as a "note" highlight so the eye finds it after scrolling. */
  private flash(span: DomSpan) {
    if (!this.painter || this.painter.kind !== 'css-highlights') return;
    const win = this.doc.defaultView as Window & typeof globalThis;
    const name = 'msl-flash';
    const hl = new win.Highlight(new win.StaticRange(span));
    hl.priority = 10;
    win.CSS.highlights.set(name, hl);
    setTimeout(() => win.CSS.highlights.delete(name), 1200);
  }

  revealId(id: string): boolean {
    const p = this.store.firstOf(id);
    if (!p) return false;
    this.cursor = this.store.all().indexOf(p);
    this.reveal(p);
    return true;
  }

  private openCard(p: PlacedMention, pinned: boolean) {
    if (!this.ui) return;
    const m = p.mention;
    // What the page says about progress next to the mention: read only when its card opens.
    const claim = m.kind === 'project' ? (statusClaimNear(p.source, m.start, m.end) ?? undefined) : undefined;
    const model = cardModelFor(this.engine.index, { kind: m.kind, id: m.id, evidence: m.evidence, claim });
    if (!model) return;
    this.cardPinned = pinned;
    const target: TargetRef = { kind: m.kind === 'project' ? 'item' : 'unit', id: m.id };
    const reopen = () => this.openCard(p, true);
    this.ui.set({
      view: {
        kind: 'card',
        model,
        focus: pinned,
        at: this.rectOfMention(p),
        actions: {
          followed: this.followed.has(m.id),
          noteCount: this.userState?.noteCounts[m.id] ?? 0,
          onToggleFollow: async () => {
            const follow = !this.followed.has(m.id);
            await this.env.send({ type: 'follow/set', target, follow });
            if (follow) this.followed.add(m.id);
            else this.followed.delete(m.id);
            this.draw();
            if (follow) this.recordSightings([p], '');
            reopen();
          },
          onSaveNote: async (body) => {
            await this.env.send({ type: 'note/save', body, target });
            if (this.userState) this.userState.noteCounts[m.id] = (this.userState.noteCounts[m.id] ?? 0) + 1;
            reopen();
          },
          onClose: () => this.closeCard(),
        },
      },
    });
  }

  /** Where a mention is on screen (with the fallback painter, its element: the span's offsets went stale when it split the text). */
  private rectOfMention(p: PlacedMention): Rect {
    const mark = this.painter?.markFor?.(this.store.all().indexOf(p));
    if (!mark) return rectOf(p.span, this.doc);
    const r = mark.getBoundingClientRect();
    return { left: r.left, top: r.top, bottom: r.bottom, right: r.right };
  }

  private closeCard() {
    this.cardPinned = false;
    this.ui?.set({ view: { kind: 'none' } });
  }

  // ── passage notes ─────────────────────────────────────────────────────────

  private onSelection() {
    if (!this.ui) return;
    const range = usableSelection(this.doc);
    const view = this.ui.get().view.kind;
    if (!range) {
      if (view === 'pill') this.ui.set({ view: { kind: 'none' } });
      return;
    }
    if (view === 'card' || view === 'passage-note') return;
    const r = rectOf(range, this.doc);
    this.ui.set({ view: { kind: 'pill', at: { left: r.right, right: r.right, top: r.top, bottom: r.bottom }, onClick: () => this.notePassage() } });
  }

  /** Opens the note editor for the current selection; false when nothing usable is selected. */
  notePassage(): boolean {
    const range = usableSelection(this.doc);
    if (!range || !this.ui) return false;
    const dom = readText(this.doc.body);
    const passage = rangeToText(this.doc, dom, range);
    if (!passage) return false;
    const { start, end } = passage;
    const selectors = describeRange(dom.text, start, end);
    const info = pageInfoOf(this.doc);
    const r = rectOf(range, this.doc);
    this.ui.set({
      view: {
        kind: 'passage-note',
        at: r,
        quote: selectors.quote.exact,
        onCancel: () => this.closeCard(),
        onSave: async (body) => {
          const note = await this.env.send({ type: 'note/save', body, anchor: { ...info, ...selectors, ...evidenceSentence(dom.text, start, end) } });
          this.userState?.pageNotes.push(note);
          const span = spanFor(dom, start, end);
          if (span) this.anchoredNotes.push({ note, span });
          this.draw();
          this.closeCard();
          this.doc.getSelection()?.removeAllRanges();
        },
      },
    });
    return true;
  }

  // ── a changing page ──────────────────────────────────────────────────────

  private observeBody() {
    this.observedBody = this.doc.body;
    this.observer?.observe(this.doc.body, OBSERVED);
    for (const root of this.shadowRoots) this.observer?.observe(root, OBSERVED);
  }

  /** Shadow roots read so far are watched too (an observer on the body does not see into them). */
  private watchShadowRoots(roots: readonly ShadowRoot[]) {
    for (const root of roots) {
      if (this.shadowRoots.has(root)) continue;
      this.shadowRoots.add(root);
      this.observer?.observe(root, OBSERVED);
    }
    this.painter?.styleShadowRoots(roots);
  }

  /** One observer from the start of a run: records pile up and are handled, debounced, by `flush`. */
  private watch() {
    if (this.observer) return;
    this.observer = new MutationObserver((records) => {
      this.pending.push(...records);
      this.schedule();
    });
    this.observeBody();
  }

  /** The page moved to a new address (history API): handled like a change, after the page settles. */
  locationChanged() {
    this.schedule();
  }

  /**
   * Debounced, with a ceiling: a page that never stops changing (a ticker) is still handled
   * every MAX_WAIT_MS instead of waiting forever for a quiet moment.
   */
  private schedule() {
    const now = performance.now();
    this.waitingSince ??= now;
    clearTimeout(this.timer);
    // Until the page looks relevant, re-gating is cheap but need not be eager.
    const debounce = this.state === 'active' ? MUTATION_DEBOUNCE_MS : QUIET_DEBOUNCE_MS;
    const delay = Math.max(0, Math.min(debounce, this.waitingSince + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => {
      this.waitingSince = undefined;
      void this.flush();
    }, delay);
  }

  /**
   * Handles what changed: a new address is a new page (rescan all); on an active page only
   * the changed subtrees are rescanned, in slices; on a page that was not relevant, the gate
   * runs again. Changes that arrive meanwhile wait for the next round.
   */
  private async flush() {
    if (this.flushing || this.starting || this.state === 'disabled') return;
    if (this.doc.location.href !== this.lastUrl) {
      void this.navigated();
      return;
    }
    const records = this.pending.splice(0);
    const roots = changedRoots(records);
    if (!roots.length) return;
    if (this.state !== 'active') {
      // Not about the projects so far: only what was added is checked, with the cheap pre-gate.
      const added = roots.map((r) => (r.isConnected ? readText(r).text : '')).join('\n');
      if (quickGate(added)) void this.restart(false);
      return;
    }
    const gen = this.generation;
    this.flushing = true;
    try {
      const url = this.doc.location.href;
      const slicer = new Slicer();
      for (const root of roots) {
        this.store.removeWithin(root, this.shadowRoots.size > 0);
        if (!root.isConnected) continue;
        const dom = await slicer.run(extractDomTextSteps(root, { skipEditable: true }));
        if (gen !== this.generation) return;
        this.watchShadowRoots(dom.shadowRoots);
        if (!dom.text) continue;
        const result = await slicer.run(scanTextSteps(dom.text, this.engine.pack, { url }));
        if (gen !== this.generation) return;
        // Nodes may have left while we paused: keep only mentions still in the page.
        const placed = this.stillOnPage(this.place(dom, result.mentions));
        this.store.add(placed);
        this.recordSightings(placed, dom.text);
      }
      // Passage notes index the whole page's text: re-anchor only when this page has any.
      if (this.userState?.pageNotes.length) this.anchorNotes(readText(this.doc.body));
      await slicer.run(this.drawSteps());
      if (gen !== this.generation) return;
      void this.env.send({ type: 'page/gate', relevant: true, score: this.relevance.score, mentions: this.store.size }).catch(() => {});
    } finally {
      if (gen === this.generation) {
        this.flushing = false;
        if (this.pending.length) this.schedule();
      }
    }
  }

  /** History-API navigation: the page is new, so everything is recomputed. */
  async navigated(): Promise<void> {
    this.lastUrl = this.doc.location.href;
    this.sighted.clear();
    await this.restart(false);
  }

  private async restart(force: boolean): Promise<void> {
    this.teardown();
    this.listeners = new AbortController();
    await this.start(force);
  }

  async rescan(): Promise<TabReport> {
    await this.restart(true);
    return this.report();
  }

  // ── reporting and teardown ───────────────────────────────────────────────

  report(): TabReport {
    return buildReport(this.state, this.doc.location.hostname, this.relevance, this.store.all(), this.engine.index);
  }

  private teardown() {
    this.generation++;
    this.waitingSince = undefined;
    this.starting = false;
    this.flushing = false;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    this.observer = undefined;
    this.shadowRoots.clear();
    this.pending = [];
    this.listeners.abort();
    this.painter?.clear();
    this.painter = undefined;
    if (this.host) render(null, this.host.root);
    this.host?.dispose();
    this.host = undefined;
    this.ui = undefined;
    this.store.clear();
    this.anchoredNotes = [];
  }

  /** Removes everything we added; the page is left as it was. */
  dispose() {
    this.teardown();
    this.state = 'disabled';
    void this.env.send({ type: 'page/gate', relevant: false, score: 0, mentions: 0 }).catch(() => {});
  }
}

