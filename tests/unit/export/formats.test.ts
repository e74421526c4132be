import { describe, expect, it } from 'vitest';
import { csvCell, notesCsv, sightingsCsv } from '../../../lib/export/csv';
import { escapeMarkdown, notesMarkdown, textFragmentUrl } from '../../../lib/export/markdown';
import { parseImport } from '../../../lib/export/import';
import { codePointsToUtf16, noteToAnnotation, notesToAnnotationCollection, utf16ToCodePoints, type PassageTarget } from '../../../lib/export/w3c';
import { annotationsToNotes } from '../../../lib/export/w3c-import';
import { ImportError } from '../../../lib/export/check';
import { localDay } from '../../../lib/export/sources';
import { at, sampleNotes, sampleSightings } from '../../helpers/user-rows';

const names = new Map([
  ['mw2023-002', '2. 推动“微车管所”进五里工业园区'],
  ['gonganju', '公安局'],
]);

/** A minimal RFC 4180 reader, to check that what we write parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('CSV', () => {
  it('starts with a UTF-8 BOM and uses CRLF', () => {
    const csv = notesCsv(sampleNotes(), names);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes and newlines per RFC 4180, one row per note', () => {
    const rows = parseCsv(notesCsv(sampleNotes(), names).slice(1));
    expect(rows[0]).toEqual(['note_id', 'created', 'updated', 'target_kind', 'target_id', 'target_name', 'page_title', 'page_url', 'quote', 'note', 'tags']);
    expect(rows).toHaveLength(4);
    expect(rows[1]![9]).toBe('记者跟进：办理时间缩短, "当天办结"');
    expect(rows[1]![5]).toBe('2. 推动“微车管所”进五里工业园区');
    expect(rows[1]![10]).toBe('交通; 园区');
    expect(rows[3]![9]).toBe('多行\n笔记');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1']) expect(csvCell(s).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    expect(csvCell('普通文字')).toBe('普通文字');
    expect(csvCell(3)).toBe('3');
    const rows = parseCsv(notesCsv(sampleNotes(), names).slice(1));
    expect(rows[2]![9]).toBe("'=SUM(A1:A3) 不应被当作公式");
  });

  it('writes one row per sighting with ISO dates', () => {
    const rows = parseCsv(sightingsCsv(sampleSightings(), names).slice(1));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(['mw2023-002', '2. 推动“微车管所”进五里工业园区', 'news.example.cn', '页面 news.example.cn', 'https://news.example.cn/a', '微车管所', new Date(at(0)).toISOString(), new Date(at(30)).toISOString(), '3']);
  });
});

describe('Markdown', () => {
  const md = notesMarkdown(sampleNotes(), { locale: 'zh_CN', names, now: at(0) });

  it('groups by page with the page as a heading link, quotes linking to the passage', () => {
    expect(md).toContain('## [晋江“微车管所”进园区](https://news.example.cn/a)');
    expect(md).toContain(`> 微车管所 ([原文](${textFragmentUrl('https://news.example.cn/a?utm=x', '微车管所')}))`);
    expect(md.indexOf('news.example.cn/a')).toBeLessThan(md.indexOf('news.example.cn/b'));
    expect(md).toContain('## 未关联页面的笔记');
    expect(md.indexOf('未关联页面的笔记')).toBeGreaterThan(md.indexOf('news.example.cn/b'));
  });

  it('dates every note, and says when it was edited on another day', () => {
    const notes = sampleNotes();
    notes[1]!.updatedAt = notes[1]!.createdAt + 2 * 86_400_000;
    const dated = notesMarkdown(notes, { locale: 'en', names, now: at(0) });
    const day = localDay;
    expect(dated).toContain(`_written ${day(notes[0]!.createdAt)} · About: `);
    expect(dated).toContain(`_written ${day(notes[1]!.createdAt)} · edited ${day(notes[1]!.updatedAt)} · About: 公安局_`);
    expect(dated).toContain(`_written ${day(notes[2]!.createdAt)} · Tags: #老年_`);
    expect(dated.match(/_written /g)).toHaveLength(3);
  });

  it('escapes user text so it cannot become markup', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) <img> # h')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\) &lt;img\\> \\# h');
    const evil = notesMarkdown([{ ...sampleNotes()[1]!, body: '<script>alert(1)</script> [link](http://evil)' }], { locale: 'en', names });
    expect(evil).not.toContain('<script>');
    expect(evil).not.toContain('](http://evil)');
  });
});

describe('W3C Web Annotation', () => {
  it('is an AnnotationCollection with the anno.jsonld context and embedded items', () => {
    const c = notesToAnnotationCollection(sampleNotes(), '民生透镜笔记', at(0));
    expect(c['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.type).toBe('AnnotationCollection');
    expect(c.total).toBe(3);
    expect(c.first.items.map((a) => a.type)).toEqual(['Annotation', 'Annotation', 'Annotation']);
  });

  it('targets the passage with quote and position selectors, and identifies the item in the body', () => {
    const a = noteToAnnotation(sampleNotes()[0]!);
    expect(a.id).toBe('urn:uuid:7c9e6679-7425-40de-944b-e07fc1f90ae7');
    expect(a.motivation).toBe('commenting');
    const target = a.target as PassageTarget;
    expect(target.source).toBe('https://news.example.cn/a');
    expect(target.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: '微车管所', prefix: '推动“', suffix: '”进五里工业园区' });
    expect(target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 3, end: 7 });
    expect(a.body).toContainEqual({ type: 'SpecificResource', source: 'urn:minsheng-lens:item:mw2023-002', purpose: 'identifying' });
    expect(a.body).toContainEqual({ type: 'TextualBody', value: '交通', purpose: 'tagging' });
  });

  it('counts offsets in code points, not UTF-16 units', () => {
    // prefix 𠮷家庭 has one astral character before the quote; the quote has one too
    const target = noteToAnnotation(sampleNotes()[2]!).target as PassageTarget;
    expect(target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 3, end: 9 });
    const text = '𠮷家庭适老化𠀀改造项目';
    expect(utf16ToCodePoints(text, 4)).toBe(3);
    expect(codePointsToUtf16(text, 3)).toBe(4);
    expect([...text].slice(3, 9).join('')).toBe('适老化𠀀改造');
  });

  it('targets the item itself when the note is not on a passage', () => {
    expect(noteToAnnotation(sampleNotes()[1]!).target).toBe('urn:minsheng-lens:unit:gonganju');
  });

  it('round-trips our own annotations back to the same notes', () => {
    const doc = JSON.parse(JSON.stringify(notesToAnnotationCollection(sampleNotes(), 'x'))) as unknown;
    const back = annotationsToNotes(doc);
    // W3C annotations carry the passage, not the page's title, address as visited, sentence or meta.
    const strip = (n: ReturnType<typeof sampleNotes>[number]) => {
      if (!n.anchor) return n;
      const { sentence: _s, meta: _m, ...anchor } = n.anchor;
      return { ...n, anchor: { ...anchor, url: n.anchor.canonicalUrl, title: '' } };
    };
    expect(back).toEqual(sampleNotes().map(strip));
    expect(parseImport(doc).kind).toBe('annotations');
  });

  it('accepts another tool’s annotation with a quote, and refuses one without, naming the field', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/abc',
      created: '2024-03-01T08:00:00Z',
      body: { type: 'TextualBody', value: '值得核实' },
      target: { source: 'https://news.example.cn/z', selector: { type: 'TextQuoteSelector', exact: '家风书场' } },
    };
    const [n] = annotationsToNotes(foreign);
    expect(n).toMatchObject({ id: 'https://hypothes.is/a/abc', body: '值得核实', pageUrl: 'https://news.example.cn/z', anchor: { quote: { exact: '家风书场', prefix: '' } } });
    try {
      annotationsToNotes({ type: 'AnnotationPage', items: [foreign, { ...foreign, id: 'b', target: 'https://news.example.cn/z' }] });
      throw new Error('should fail');
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).path).toBe('$.items[1].target');
    }
  });
});
