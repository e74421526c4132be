/**
 * The in-page overlay, start to stop: gate → scan → draw → interact → follow the page as it
 * changes. This file only coordinates; each job is a part of its own:
 * page-watcher.ts (mutations, navigation) → page-changes.ts (what a change does), drawing.ts,
 * card-actions.ts (the card and its buttons), passage-notes.ts, sightings.ts (and the badge).
 * Each start is one run: its parts take the run's AbortSignal, and aborting it releases
 * everything the run added (listeners, observer, highlights, our UI host). On a page the gate
 * rejects the overlay sends no message and touches no storage.
 */
import { quickGate } from '../match/gate';
import type { MatchPack } from '../match/pack';
import { scanTextSteps } from '../match/scan-text';
import { pageDateFromDocument, type PageDate } from '../text/page-date';
import type { Mention, Relevance } from '../match/types';
import type { OverlayState, Send } from '../messaging/protocol';
import type { TabOutline, TabReport } from '../messaging/tab-protocol';
import { nameReader } from '../match/names';
import { extractDomTextSteps, type DomText } from '../text/extract-dom';
import type { DatasetIndex } from './card-model';
import { createDrawnPage, type DrawnPage } from './drawn-page';
import type { CssPainterOptions } from './highlighter';
import { MentionStore, type PlacedMention } from './mention-store';
import { addedTextWakesUp, rescanChanged } from './page-changes';
import { canonicalUrlOf } from './page-info';
import { PageWatcher } from './page-watcher';
import { keepOnPage, placeMentions } from './place-mentions';
import { pageReading } from './read-page';
import { buildReport } from './report';
import { reportToBadge, SightingRecorder } from './sightings';
import { measure } from './timing';
import type { MountView } from './view-model';
import { afterRendering, Slicer } from './yield';

export interface OverlayEnv {
  doc: Document;
  /** The dataset's match pack and lookup index, built on first use: a page the gate rejects never pays for them. */
  engine: () => { pack: MatchPack; index: DatasetIndex };
  /** Puts the overlay's view on the page (the entry point passes the Preact tree's mount). */
  mountView: MountView;
  /** performance.now() when the content script started, for the "start to drawn" measure. */
  startedAt?: number;
  send: Send;
  /** How the Highlight API painter suits this browser (the Firefox build sets both: see CssPainterOptions). */
  painterOptions?: CssPainterOptions;
  readAfterRendering?: boolean; // wait for a rendered frame before the first read (Firefox build; see afterRendering)
}

/** One start of the overlay and everything it made; `abort()` releases all of it. */
interface Run {
  readonly signal: AbortSignal;
  abort(): void;
  readonly store: MentionStore;
  readonly watcher?: PageWatcher;
  /** The parts of a drawn page. */
  active?: DrawnPage;
}

const idleRun = (ctl = new AbortController()): Run => ({ signal: ctl.signal, abort: () => ctl.abort(), store: new MentionStore() });

export class Overlay {
  private state: TabReport['state'] = 'skipped';
  private relevance: Relevance = { relevant: false, score: 0, signals: [] };
  private run: Run = idleRun();
  private readonly sightings: SightingRecorder;
  private lastUrl: string;
  /** The page's date (markup, byline, address), read once the page passes the pre-gate: 今年 counts from it. */
  private pageDate: PageDate | null = null;

  constructor(private readonly env: OverlayEnv) {
    this.lastUrl = env.doc.location.href;
    this.sightings = new SightingRecorder(env.doc, env.send, () => this.pageDate?.value);
  }

  private get doc() {
    return this.env.doc;
  }

  /**
   * Gate and, if the page is about the projects (or `force`), draw everything. The page is
   * watched from the first moment, so what changes while we read and scan is rescanned after.
   */
  async start(force = false): Promise<TabReport['state']> {
    this.run.abort();
    const body = this.doc.body;
    if (!body) return this.state;
    const ctl = new AbortController();
    const { signal } = ctl;
    const watcher: PageWatcher = new PageWatcher(this.doc, signal, {
      isActive: () => this.state === 'active',
      hasNavigated: () => this.doc.location.href !== this.lastUrl,
      onNavigated: () => void this.navigated(),
      onChange: (roots) => this.changed(run, roots),
    });
    const run: Run = (this.run = { signal, abort: () => ctl.abort(), store: new MentionStore(), watcher });
    await watcher.exclusive(async () => {
      if (this.env.readAfterRendering && this.doc.defaultView) await afterRendering(this.doc.defaultView);
      const t0 = performance.now();
      if (this.env.startedAt !== undefined) measure('setup', this.env.startedAt, t0);
      const slicer = new Slicer(undefined, (start, end) => measure('slice', start, end));
      const dom = await slicer.run(extractDomTextSteps(body, pageReading(this.doc)));
      if (signal.aborted) return;
      watcher.watchShadowRoots(dom.shadowRoots);
      if (!force && !quickGate(dom.text, this.doc.location.href)) return void (this.state = 'skipped');
      const tRead = performance.now();
      // Asked once the page is surely relevant (at once when forced): the round trip overlaps the linker.
      let asked = force ? this.askState() : undefined;
      const onSurelyRelevant = () => void (asked ??= this.askState());
      this.pageDate = pageDateFromDocument(this.doc, dom.text, this.doc.location.href);
      const pageDate = this.pageDate?.value;
      const result = await slicer.run(scanTextSteps(dom.text, this.env.engine().pack, { url: this.doc.location.href, onSurelyRelevant, pageDate }));
      if (signal.aborted) return;
      if (result.relevant || force) {
        measure('read', t0, tRead);
        measure('scan', tRead);
      }
      this.relevance = { relevant: result.relevant, score: result.score, signals: result.signals };
      if (!result.relevant && !force) return void (this.state = 'irrelevant');
      await this.activate(run, watcher, dom, result.mentions, asked ?? this.askState(), force, slicer);
    });
    return this.state;
  }

  /** The user's state for this page (follows, its notes, settings), from the background. */
  private askState(): Promise<OverlayState> {
    const asked = this.env.send({ type: 'overlay/state', canonicalUrl: canonicalUrlOf(this.doc) });
    asked.catch(() => {}); // a start abandoned for a newer one never awaits it
    return asked;
  }

  /**
   * Shows the mentions. `asked` is the user's state, already on its way: the mentions are
   * placed in the page while the background answers, so the round trip costs little time of its own.
   */
  private async activate(run: Run, watcher: PageWatcher, dom: DomText, mentions: Mention[], asked: Promise<OverlayState>, force: boolean, slicer: Slicer) {
    const { signal, store } = run;
    await slicer.pause();
    if (signal.aborted) return;
    const tPlace = performance.now();
    const placed = placeMentions(dom, mentions);
    measure('place', tPlace);
    slicer.endSlice();
    const userState = await asked;
    measure('state', tPlace);
    if (signal.aborted) return;
    slicer.resume();
    if (userState.siteDisabled && !force) {
      this.state = 'disabled';
      return watcher.stop();
    }
    this.state = 'active';
    const parts = { ...this.env, index: this.env.engine().index, names: nameReader(this.env.engine().pack), store, watcher, sightings: this.sightings };
    const page = (run.active = createDrawnPage({ ...parts, pageDate: () => this.pageDate?.value }, userState, signal));

    // Only spans still on the page: their text may have left while the answer was on its way.
    store.add(keepOnPage(placed, () => watcher.mayHaveRemoved()));
    page.notes.anchor(dom);
    const tDraw = performance.now();
    await slicer.run(page.drawing.drawSteps());
    if (signal.aborted) return;
    measure('draw', tDraw);
    if (this.env.startedAt !== undefined) measure('drawn', this.env.startedAt);
    page.listen();
    // The badge and the sightings can wait for the page's next turn.
    await slicer.pause();
    if (signal.aborted) return;
    reportToBadge(this.env.send, true, this.relevance.score, store.size);
    page.record(store.all(), dom.text);
    slicer.endSlice();
  }

  /** What the page changed: a rescan of the changed subtrees when drawn, else the pre-gate on what was added. */
  private async changed(run: Run, roots: Node[]): Promise<void> {
    const { active, watcher } = run;
    if (this.state !== 'active' || !active || !watcher) {
      if (addedTextWakesUp(roots)) void this.restart(false);
      return;
    }
    await rescanChanged(
      roots,
      {
        doc: this.doc,
        pack: this.env.engine().pack,
        pageDate: this.pageDate?.value,
        store: run.store,
        watcher,
        onShadowRoots: (roots) => active.drawing.styleShadowRoots(roots),
        onPlaced: (placed, text) => active.record(placed, text),
        reanchorNotes: (dom) => active.notes.reanchor(dom),
        drawSteps: () => active.drawing.drawSteps(),
        onDone: () => reportToBadge(this.env.send, true, this.relevance.score, run.store.size),
      },
      run.signal,
    );
  }

  /** The drawn page's parts (card, notes) for the tab messages that act on them; undefined until drawn. */
  get page(): DrawnPage | undefined {
    return this.run.active;
  }

  /** Every mention and note on the page in reading order, orphaned notes last (the side panel's "this page"). */
  outline(): TabOutline {
    const page = { title: this.doc.title, url: this.doc.location.href, state: this.state };
    return this.run.active?.outline(page) ?? { ...page, entries: [], orphans: [] };
  }

  /** The page moved to a new address (history API): handled like a change, after the page settles. */
  locationChanged(): void {
    this.run.watcher?.schedule();
  }

  /** History-API navigation: the page is new, so everything is recomputed. */
  async navigated(): Promise<void> {
    this.lastUrl = this.doc.location.href;
    this.sightings.newPage();
    await this.restart(false);
  }

  private async restart(force: boolean): Promise<void> {
    this.run.abort();
    this.run = idleRun();
    await this.start(force);
  }

  /** The page is to be read with another dataset (the user installed one): everything is recomputed. */
  async datasetChanged(): Promise<void> {
    await this.restart(false);
  }

  async rescan(): Promise<TabReport> {
    await this.restart(true);
    return this.report();
  }

  report(): TabReport {
    return buildReport(this.state, this.doc.location.hostname, this.relevance, this.run.store.all(), this.env.engine().index);
  }

  /** Removes everything we added; the page is left as it was. */
  dispose(): void {
    this.run.abort();
    this.run = idleRun();
    this.state = 'disabled';
    reportToBadge(this.env.send, false, 0, 0);
  }
}
