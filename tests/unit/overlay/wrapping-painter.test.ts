import { describe, expect, it } from 'vitest';
import { extractDomText } from '../../../lib/text/extract-dom';
import { spanFor } from '../../../lib/overlay/dom-spans';
import { createWrappingPainter, WRAP_TAG } from '../../../lib/overlay/highlighter';

describe('the element-wrapping fallback', () => {
  it('wraps mentions, including ones across elements, and restores the page exactly', () => {
    const html = '<p>晋江市<b>公安局</b>推动“微车管所”进五里工业园区，民政局也在行动。</p><p>第二段：民政局</p>';
    document.body.innerHTML = html;
    const nodesBefore = [...document.body.querySelectorAll('p')].map((p) => p.childNodes.length);
    const page = extractDomText(document.body);
    const at = (s: string, from = 0) => {
      const i = page.text.indexOf(s, from);
      return spanFor(page, i, i + s.length)!;
    };
    const painter = createWrappingPainter(document);
    painter.draw({
      unit: [at('晋江市公安局'), at('民政局'), at('民政局', page.text.indexOf('第二段'))],
      'project-done': [at('微车管所')],
      note: [at('五里工业园区')],
    });
    const marks = [...document.querySelectorAll(WRAP_TAG)];
    expect(marks.map((m) => `${m.getAttribute('data-msl-class')}:${m.textContent}`)).toEqual([
      'unit:晋江市',
      'unit:公安局',
      'project-done:微车管所',
      'note:五里工业园区',
      'unit:民政局',
      'unit:民政局',
    ]);
    expect((marks[0] as HTMLElement).style.getPropertyPriority('background-color')).toBe('important');
    expect(extractDomText(document.body).text).toBe(page.text);

    painter.clear();
    expect(document.body.innerHTML).toBe(html);
    expect([...document.body.querySelectorAll('p')].map((p) => p.childNodes.length)).toEqual(nodesBefore);
  });

  it('keeps the higher-priority class where spans overlap', () => {
    document.body.innerHTML = '<p>民政局困难老年人家庭适老化改造项目</p>';
    const page = extractDomText(document.body);
    const painter = createWrappingPainter(document);
    painter.draw({ 'project-done': [spanFor(page, 3, 17)!], note: [spanFor(page, 5, 9)!] });
    expect([...document.querySelectorAll(WRAP_TAG)].map((m) => m.getAttribute('data-msl-class'))).toEqual(['note']);
    painter.clear();
    expect(document.body.innerHTML).toBe('<p>民政局困难老年人家庭适老化改造项目</p>');
  });

  it('wraps in web components’ shadow roots too, in reading order, and restores them exactly', () => {
    document.body.innerHTML = '<p>正文：民政局</p>';
    const host = document.body.appendChild(document.createElement('news-card'));
    const shadowHtml = '<p>晋江市公安局推动微车管所</p><p>由民政局牵头</p>';
    host.attachShadow({ mode: 'open' }).innerHTML = shadowHtml;
    const page = extractDomText(document.body);
    const at = (s: string, from = 0) => {
      const i = page.text.indexOf(s, from);
      return spanFor(page, i, i + s.length)!;
    };
    const inShadow = page.text.indexOf('晋江市');
    const painter = createWrappingPainter(document);
    const unit = at('公安局');
    painter.draw({
      unit: [at('民政局'), unit, at('民政局', inShadow)],
      'project-done': [at('微车管所')],
      followed: [unit], // the same span in two classes: the stronger one is drawn
    });
    const shadow = host.shadowRoot!;
    const marks = [...document.querySelectorAll(WRAP_TAG), ...shadow.querySelectorAll(WRAP_TAG)];
    expect(marks.map((m) => `${m.getAttribute('data-msl-class')}:${m.textContent}`)).toEqual(['unit:民政局', 'followed:公安局', 'project-done:微车管所', 'unit:民政局']);
    painter.clear();
    expect(shadow.innerHTML).toBe(shadowHtml);
  });
});
