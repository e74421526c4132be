/**
 * Visible text from an HTML string, for the CLI (Node has no DOM). A small tokenizer, not a
 * parser: it tracks open elements only to skip hidden/skipped subtrees and to place line
 * breaks, with the same rules as the content script's TreeWalker (visible-text.ts). What only
 * a browser knows (computed style from linked sheets, `@media`, selectors beyond one class or
 * id) it cannot apply: see style-rules.ts for the part of the page's own `<style>` it does.
 */
import { hiddenByRules, hidingRules, styleSheetsOf } from './style-rules';
import { closeBoundary, isBlank, isClosedDetails, isSkipped, openBoundary, TextSink } from './visible-text';

/** Elements without content: never pushed on the open-element stack. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Raw-text elements: their content is not markup. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/** Ruby parts whose end tag may be left out: a new one closes the open one (as the HTML parser does). */
const RUBY_PARTS = new Set(['rb', 'rt', 'rp', 'rtc']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•', times: '×', divide: '÷', copy: '©', reg: '®',
  trade: '™', deg: '°', yen: '¥', rarr: '→', larr: '←', hyphen: '‐', minus: '−', sect: '§',
};

/** Decodes character references (named, decimal, hex). Unknown names are left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? m;
  });
}

const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(src: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(src); m; m = ATTR.exec(src)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

interface Open {
  tag: string;
  skip: boolean;
  /** A closed <details>: only its first <summary> child is read. */
  closed?: boolean;
  summarySeen?: boolean;
}

/** Visible text of an HTML document or fragment. */
export function extractHtmlText(source: string): string {
  const html = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source; // as the HTML parser does
  const rules = hidingRules(styleSheetsOf(html));
  const sink = new TextSink();
  const stack: Open[] = [];
  let skipDepth = 0; // open skipped elements
  /** Text directly in a closed <details> is not shown. */
  const text = (t: string) => {
    if (!isBlank(t) && !stack[stack.length - 1]?.closed) sink.text(decodeEntities(t));
  };
  const pop = () => {
    const el = stack.pop()!;
    if (el.skip) skipDepth--;
    else if (skipDepth === 0) sink.boundary(closeBoundary(el.tag));
  };
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (skipDepth === 0) text(html.slice(i, textEnd));
      i = textEnd;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(i, i + 4096));
    if (!m) {
      if (html[i + 1] === '!' || html[i + 1] === '?' || (html[i + 1] === '/' && html[i + 2] !== undefined && !/[a-zA-Z]/.test(html[i + 2]!))) {
        const end = html.indexOf('>', i); // doctype, processing instruction, bogus comment
        i = end < 0 ? n : end + 1;
      } else {
        // A lone '<' is text; take it with the text that follows.
        const next = html.indexOf('<', i + 1);
        const end = next < 0 ? n : next;
        if (skipDepth === 0) text(html.slice(i, end));
        i = end;
      }
      continue;
    }
    i += m[0].length;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const rest = m[3] ?? '';
    if (closing) {
      // Pop to the matching element (tolerates unclosed <p>, <li>, <td>).
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k]!.tag !== tag) continue;
        while (stack.length > k) pop();
        break;
      }
      if (tag === 'br' && skipDepth === 0) sink.boundary('\n'); // </br> acts as <br>
      continue;
    }
    if (RUBY_PARTS.has(tag)) {
      // <rt>gōng<rt>ān: the second closes the first (rb/rtc close an open rtc too)
      while (stack.length && RUBY_PARTS.has(stack[stack.length - 1]!.tag) && (stack[stack.length - 1]!.tag !== 'rtc' || tag === 'rb' || tag === 'rtc')) pop();
    }
    const attrs = attributes(rest);
    const get = (a: string) => (attrs.has(a) ? attrs.get(a)! : null);
    const parent = stack[stack.length - 1];
    // In a closed <details>, only the first <summary> child shows.
    const folded = parent?.closed === true && !(tag === 'summary' && !parent.summarySeen);
    if (parent?.closed && tag === 'summary') parent.summarySeen = true;
    const skip = folded || isSkipped(tag, get) || hiddenByRules(rules, get);
    if (skipDepth === 0 && !skip) sink.boundary(openBoundary(tag));
    const selfClosing = /\/\s*$/.test(rest) && !RAW.has(tag);
    if (VOID.has(tag) || selfClosing) continue;
    if (RAW.has(tag)) {
      const closeRe = new RegExp(`</${tag}[\\s/>]`, 'gi');
      closeRe.lastIndex = i;
      const close = closeRe.exec(html)?.index ?? -1;
      const end = close < 0 ? n : close;
      if (!skip && skipDepth === 0) {
        text(html.slice(i, end));
        sink.boundary(closeBoundary(tag));
      }
      const gt = close < 0 ? n : html.indexOf('>', close);
      i = gt < 0 ? n : gt + 1;
      continue;
    }
    if ((tag === 'pre' || tag === 'listing') && html[i] === '\n') i++; // the parser drops it
    stack.push({ tag, skip, closed: isClosedDetails(tag, get) || undefined });
    if (skip) skipDepth++;
  }
  return sink.toString();
}
