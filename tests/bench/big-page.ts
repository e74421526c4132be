/**
 * A ~1 MB news page for the browser benchmark: the demo article's stories and project table
 * (written for this project) interleaved with unrelated local-news filler, as a long
 * portal page or a year's archive would be.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../browser/harness';

const FILLER = [
  '本周末全市气温回升，最高气温将达到二十六摄氏度，气象部门提醒市民注意早晚温差。',
  '市图书馆新增一批少儿绘本，周六上午有志愿者为小读者讲故事，欢迎家长带孩子参加。',
  '某小区业委会换届选举顺利完成，新一届委员表示将优先解决电梯维保和绿化养护问题。',
  '海边步道夜间照明改造完成后，晚上来散步、跑步的市民明显多了起来。',
  '农贸市场本月蔬菜价格总体平稳，叶菜类价格略有下降，猪肉价格与上月基本持平。',
  '社区卫生服务站开展秋季义诊，为老年人免费测量血压、血糖并提供用药咨询。',
];

/** `articleEvery`: one copy of the demo article (stories + the 117-row table) per this many sections. */
export function makeBigPage(targetChars = 1_000_000, articleEvery = 3): string {
  const demo = readFileSync(join(ROOT, 'tests/demo/site/index.html'), 'utf8');
  const article = demo.slice(demo.indexOf('<article>'), demo.indexOf('</article>') + '</article>'.length);
  const parts: string[] = [];
  let chars = 0;
  for (let round = 0; chars < targetChars; round++) {
    // Filler sections are about as long as the article, as other news on a portal page is.
    const block =
      round % articleEvery === 0
        ? article
        : `<section><h2>本地新闻 第${round}期</h2>${Array.from({ length: 8 }, (_, k) => FILLER.map((f, i) => `<p>${round}-${k}-${i} ${f.repeat(3)}</p>`).join('')).join('')}</section>`;
    parts.push(block);
    chars += block.replace(/<[^>]+>/g, '').length;
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>晋江民生新闻合集（基准测试页）</title></head><body>${parts.join('\n')}</body></html>`;
}
