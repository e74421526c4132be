/**
 * The page's date and how it was found. One module for both sides: the content script hands
 * it the live document (`pageDateFromDocument`), the CLI the HTML source (`pageDateFromHtml`);
 * both collect the same evidence (`PageMarkup`) and `pickPageDate` decides.
 *
 * Order of trust (first that gives a valid date wins):
 *   1. `<meta>` publication dates (article:published_time, og:published_time, pubdate,
 *      publishdate, DC.date(.issued), citation_publication_date, PubDate …)
 *   2. JSON-LD `datePublished` (then `dateCreated`)
 *   3. `<time datetime>` marked as the publication date (itemprop=datePublished, pubdate)
 *   4. the 发布时间 / 来源 line near the top of the text (within `TEXT_HEAD` characters)
 *   5. the first `<time datetime>` of the page
 *   6. a date in the address (/202402/06/, /2024-02/06/, /2024-02-06/, /t20240206_, /2024/0206/)
 * `--date` in the CLI overrides all of them (`{ value, evidence: '--date' }`).
 *
 * Time zones: a timestamp with an offset (Z, +00:00) is converted to China time (UTC+8)
 * before its date is taken (2024-02-05T20:00:00Z is 2024-02-06 in Jinjiang); one without an
 * offset is read as written. No date library: the formats are ISO 8601 (Date.UTC arithmetic
 * suffices) and Chinese 年月日 forms that libraries do not parse; see lib/match/README.md.
 */

export interface PageDate {
  /** ISO date, YYYY-MM-DD. */
  value: string;
  /** How it was found, e.g. `meta[property=article:published_time]`, `url: /202402/06/`. */
  evidence: string;
}

/** The page's date evidence, gathered from markup (DOM or HTML source alike). */
export interface PageMarkup {
  /** `<meta>`: key = its name, property or itemprop (lower case), content as written. */
  metas: { key: string; content: string }[];
  /** `<time>` elements' datetime attributes in document order; `published` if marked so. */
  times: { datetime: string; published: boolean }[];
  /** Text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
}

/** Meta keys that hold the publication date, most specific first. */
const META_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish_date',
  'publication_date',
  'citation_publication_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dc.date',
  'dcterms.date',
  'date',
  'firstpublishedtime',
  'sailthru.date',
  // Chinese government CMSs (TRS WCM and the like) print the page's making time; and a bare "created".
  'maketime',
  'dcterms.created',
  'created',
];

/** How far into the text the 发布时间 / 来源 line is looked for (after mirror spam lines). */
const TEXT_HEAD = 6000;

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null; // 2024-02-30
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date from one value: ISO 8601 (2024-02-06, 2024-02-06T10:20:00+08:00, 2024-02-05T20:00Z),
 * 2024/2/6, 2024.02.06, 2024年2月6日, 20240206. Null if none or not a real date.
 */
export function parseDateValue(raw: string): string | null {
  const s = raw.trim();
  const m = /^(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?|(\d{2})(\d{2}))(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  if (!m) return null;
  const y = +m[1]!;
  const mo = +(m[2] ?? m[4]!);
  const d = +(m[3] ?? m[5]!);
  const date = validDate(y, mo, d);
  if (!date || m[6] === undefined || m[9] === undefined) return date;
  // An instant with an offset: the date in China time.
  const off = m[9] === 'Z' ? 0 : (m[9]![0] === '-' ? -1 : 1) * (+m[9]!.slice(1, 3) * 60 + +m[9]!.slice(-2));
  const utc = Date.UTC(y, mo - 1, d, +m[6], +m[7]!, +(m[8] ?? 0)) - off * 60_000;
  const cn = new Date(utc + 8 * 3_600_000);
  return `${cn.getUTCFullYear()}-${pad(cn.getUTCMonth() + 1)}-${pad(cn.getUTCDate())}`;
}

/** Words that mark a page's date line (Simplified and Traditional). */
const DATE_LINE = /发布|發布|发表|發表|更新时间|更新時間|来源|來源|稿源|作者|编辑|編輯|浏览|瀏覽|字号|字號|记者|記者|通讯员|通訊員|(?:^|\s)(?:时间|時間|日期)\s*[:：]/;
const DATE_IN_LINE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;

/** A dateline with no label: a short line that opens with a date and a time (2021-09-17 08:41　泉州网). */
const DATELINE_START = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s+\d{1,2}:\d{2}/;
/** Longest such line read as a dateline (outlet and editor after the time; not a sentence). */
const DATELINE_MAX = 80;

/**
 * The 发布时间 / 来源 line near the top of the page's text, if one has a date; else a short
 * line there that opens with a date and a time (the dateline some outlets print unlabelled).
 */
export function dateFromText(text: string): PageDate | null {
  const head = text.length > TEXT_HEAD ? text.slice(0, TEXT_HEAD) : text;
  const lines = head.split('\n');
  for (const line of lines) {
    if (line.length > 200) continue; // a paragraph of the article, not a byline
    const label = DATE_LINE.exec(line);
    if (!label) continue;
    const m = DATE_IN_LINE.exec(line);
    if (!m) continue;
    const v = validDate(+m[1]!, +m[2]!, +m[3]!);
    if (v) return { value: v, evidence: `text: ${line.trim().slice(0, 60)}` };
  }
  for (const line of lines) {
    if (line.length > DATELINE_MAX) continue;
    const m = DATELINE_START.exec(line);
    const v = m && validDate(+m[1]!, +m[2]!, +m[3]!);
    if (v) return { value: v, evidence: `text: ${line.trim().slice(0, 60)}` };
  }
  return null;
}

/** A date in the address's path: /202402/06/, /2024-02/06/, /2024-02-06/, /t20240206_, /2024/0206/, /20240206/. */
export function dateFromUrl(url: string | undefined): PageDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const forms: RegExp[] = [
    /\/(\d{4})(\d{2})\/(\d{2})\//, // /202402/06/
    /\/(\d{4})-(\d{2})\/(\d{2})\//, // /2024-02/06/
    /\/(\d{4})-(\d{2})-(\d{2})(?:\/|$|[_.])/, // /2024-02-06/
    /\/(\d{4})\/(\d{2})\/(\d{2})\//, // /2021/10/24/
    /\/(\d{4})\/(\d{2})(\d{2})\//, // /2023/0304/
    /\/t?(\d{4})(\d{2})(\d{2})(?:[_/.]|$)/, // /t20240206_3083381.htm, /20221129/
  ];
  for (const re of forms) {
    const m = re.exec(path);
    if (!m) continue;
    const v = validDate(+m[1]!, +m[2]!, +m[3]!);
    if (v) return { value: v, evidence: `url: ${m[0]}` };
  }
  return null;
}

/** datePublished (or dateCreated) anywhere in a JSON-LD block (objects, arrays, @graph). */
function fromJsonLd(block: string): { value: string; key: string } | null {
  let data: unknown;
  try {
    data = JSON.parse(block);
  } catch {
    return null;
  }
  for (const key of ['datePublished', 'dateCreated']) {
    const stack: unknown[] = [data];
    let guard = 0;
    while (stack.length && guard++ < 1000) {
      const x = stack.pop();
      if (Array.isArray(x)) stack.push(...x);
      else if (x && typeof x === 'object') {
        const v = (x as Record<string, unknown>)[key];
        if (typeof v === 'string') {
          const d = parseDateValue(v);
          if (d) return { value: d, key };
        }
        for (const child of Object.values(x)) if (child && typeof child === 'object') stack.push(child);
      }
    }
  }
  return null;
}

/** Decides the page's date from everything collected, in the order of trust above. */
export function pickPageDate(markup: PageMarkup, text: string, url?: string): PageDate | null {
  for (const key of META_KEYS) {
    for (const m of markup.metas) {
      if (m.key !== key) continue;
      const v = parseDateValue(m.content);
      if (v) return { value: v, evidence: `meta[${key}]` };
    }
  }
  for (const block of markup.jsonLd) {
    const d = fromJsonLd(block);
    if (d) return { value: d.value, evidence: `json-ld ${d.key}` };
  }
  for (const t of markup.times) {
    if (!t.published) continue;
    const v = parseDateValue(t.datetime);
    if (v) return { value: v, evidence: 'time[datetime] (published)' };
  }
  const line = dateFromText(text);
  if (line) return line;
  for (const t of markup.times) {
    const v = parseDateValue(t.datetime);
    if (v) return { value: v, evidence: 'time[datetime]' };
  }
  return dateFromUrl(url);
}

/** The `--date` override: YYYY-MM-DD, or null if not a real date. */
export function explicitPageDate(value: string): PageDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const v = m ? validDate(+m[1]!, +m[2]!, +m[3]!) : null;
  return v ? { value: v, evidence: '--date' } : null;
}

// ---- collecting the evidence -------------------------------------------------------------

/** Minimal DOM surface read (a Document or an element): the content script passes `document`. */
export interface DateDocument {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

/** Evidence from a live DOM: meta tags, time elements, JSON-LD scripts. Reads only. */
export function markupFromDocument(doc: DateDocument): PageMarkup {
  const metas: PageMarkup['metas'] = [];
  const list = doc.querySelectorAll('meta[content]');
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
    if (key) metas.push({ key: key.toLowerCase(), content: el.getAttribute('content') ?? '' });
  }
  const times: PageMarkup['times'] = [];
  const tl = doc.querySelectorAll('time[datetime]');
  for (let i = 0; i < tl.length && i < 50; i++) {
    const el = tl[i]!;
    const prop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    times.push({ datetime: el.getAttribute('datetime') ?? '', published: prop === 'datepublished' || el.getAttribute('pubdate') !== null });
  }
  const jsonLd: string[] = [];
  const sl = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < sl.length && i < 20; i++) jsonLd.push(sl[i]!.textContent ?? '');
  return { metas, times, jsonLd };
}

/** The page's date from a live document, its extracted text and its address. */
export function pageDateFromDocument(doc: DateDocument, text: string, url?: string): PageDate | null {
  return pickPageDate(markupFromDocument(doc), text, url);
}

const TAG_ATTRS = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attrsOf(src: string): Map<string, string> {
  const out = new Map<string, string>();
  TAG_ATTRS.lastIndex = 0;
  for (let m = TAG_ATTRS.exec(src); m; m = TAG_ATTRS.exec(src)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  }
  return out;
}

/** Evidence from HTML source (the CLI): the same fields `markupFromDocument` reads. */
export function markupFromHtml(html: string): PageMarkup {
  const metas: PageMarkup['metas'] = [];
  const times: PageMarkup['times'] = [];
  const jsonLd: string[] = [];
  for (const m of html.matchAll(/<meta\b([^>]*)>/gi)) {
    const a = attrsOf(m[1]!);
    const key = a.get('property') ?? a.get('name') ?? a.get('itemprop');
    if (key && a.has('content')) metas.push({ key: key.toLowerCase(), content: a.get('content')! });
  }
  for (const m of html.matchAll(/<time\b([^>]*)>/gi)) {
    if (times.length >= 50) break;
    const a = attrsOf(m[1]!);
    if (!a.has('datetime')) continue;
    times.push({ datetime: a.get('datetime')!, published: (a.get('itemprop') ?? '').toLowerCase() === 'datepublished' || a.has('pubdate') });
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (jsonLd.length >= 20) break;
    if (/type\s*=\s*["']?application\/ld\+json/i.test(m[1]!)) jsonLd.push(m[2]!);
  }
  return { metas, times, jsonLd };
}

/** The page's date from HTML source, its extracted text and its address. */
export function pageDateFromHtml(html: string, text: string, url?: string): PageDate | null {
  return pickPageDate(markupFromHtml(html), text, url);
}
