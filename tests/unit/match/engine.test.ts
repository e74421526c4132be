/** The behaviours readers rely on, one sentence each, over the bundled dataset. */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildPack, packFromJSON, packToJSON } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import type { Mention } from '../../../lib/match/types';

const pack = buildPack(bundledDataset);
const scan = (text: string, url?: string) => scanText(text, pack, { url });
const brief = (ms: Mention[]) => ms.map((m) => (m.kind === 'unit' ? `unit:${m.unit}:${m.text}` : `project:${m.seq}:${m.text}`));

describe('units', () => {
  it('reads 晋江市公安局 as one mention, not 晋江 + 公安局', () => {
    expect(brief(scan('晋江市公安局召开会议。').mentions)).toEqual(['unit:公安局:晋江市公安局']);
  });

  it('does not take another place’s unit for Jinjiang’s', () => {
    for (const t of ['石狮市公安局', '南安市民政局', '泉州市城市管理局', '丰泽区民政局', '厦门市市场监督管理局', '福建省总工会', '全国妇联']) {
      expect(brief(scan(`晋江讯 ${t}近日发布通知。`).mentions), t).toEqual([]);
    }
  });

  it('does not read 晋江市委书记 or 市财政 as units', () => {
    expect(scan('晋江市委书记带队调研，市财政安排资金。').mentions).toEqual([]);
  });

  it('finds short forms on a Jinjiang page but not on a page that never names Jinjiang', () => {
    expect(brief(scan('晋江新闻：市民政局走访困难群众。').mentions)).toEqual(['unit:民政局:市民政局']);
    expect(scan('市民政局走访困难群众。').mentions).toEqual([]);
  });

  it('reads Traditional-character names', () => {
    expect(brief(scan('晉江市衛生健康局發佈通知').mentions)).toEqual(['unit:卫健局:晉江市衛生健康局']);
  });
});

describe('projects', () => {
  it('matches a name across the quotes and line breaks a page puts inside it, with original offsets', () => {
    const text = '晋江：智慧停车“扩面\n工程”被列入民生微实事项目。';
    const [m] = scan(text).mentions;
    expect(m).toMatchObject({ kind: 'project', seq: 4, unit: '政府办', text: '智慧停车“扩面\n工程”' });
    expect(text.slice(m!.start, m!.end)).toBe(m!.text);
  });

  it('matches names without their town prefix or 项目/工程 suffix, and keyphrases', () => {
    expect(brief(scan('晋江池店镇：龙池路改造完工。').mentions)).toContain('project:92:龙池路改造');
    expect(brief(scan('晋江市公安局推动“微车管所”进园区。').mentions)).toContain('project:23:微车管所');
  });

  it('tells the near-twins apart by their unit and town', () => {
    expect(brief(scan('晋江市民政局实施困难老年人家庭适老化改造项目。').mentions)).toContain('project:24:困难老年人家庭适老化改造项目');
    expect(brief(scan('晋江永和镇推进困难老年人家庭适老化改造，惠及独居老人。').mentions)).toContain('project:105:困难老年人家庭适老化改造');
  });

  it('links a generic phrase only when the context pins one item', () => {
    expect(brief(scan('晋江陈埭镇岸兜村建起适老化公园。').mentions)).toContain('project:91:适老化公园');
    const alone = scan('晋江全市完成适老化改造550户，新建口袋公园。').mentions.filter((m) => m.kind === 'project');
    expect(alone).toEqual([]);
  });

  it('does not link the 党建+ 邻里中心 of another community to 锦岭村’s project', () => {
    const r = scan('在池店镇桥南社区，市领导察看了“党建+”邻里中心的运行情况。');
    expect(r.mentions.filter((m) => m.kind === 'project')).toEqual([]);
  });

  it('does not claim a phrase in a sentence about another city', () => {
    const r = scan('晋江讯。厦门市湖里区推进困难老年人家庭适老化改造和口袋公园建设。');
    expect(r.mentions.filter((m) => m.kind === 'project')).toEqual([]);
  });

  it('reports confidence and evidence', () => {
    const [m] = scan('晋江：岸兜村适老化公园建设完工。').mentions.filter((x) => x.kind === 'project');
    expect(m!.confidence).toBeGreaterThan(0.5);
    expect(m!.evidence).toContain('name');
  });
});

describe('relevance', () => {
  it('is true for Jinjiang livelihood coverage and says why', () => {
    const r = scan('晋江市民政局：2023年为民办实事项目“困难老年人家庭适老化改造项目”已完成。');
    expect(r.relevant).toBe(true);
    expect(r.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['topic', 'project']));
  });

  it('counts a Jinjiang news host', () => {
    expect(scan('民生微实事 池店镇 龙池路改造工程完工', 'https://www.ijjnews.com/a.html').signals.some((s) => s.kind === 'host')).toBe(true);
  });

  it('is false for the river, the former prefecture, a trade fair, and other cities', () => {
    expect(scan('晋江西溪与晋江东溪汇合后进入晋江干流，晋江流域水质向好。').relevant).toBe(false);
    expect(scan('1970年改称晋江地区，晋江地区行政公署驻泉州，辖晋江县等县。').relevant).toBe(false);
    expect(scan('第25届晋江鞋博会开幕，晋江市商务局组织参展商、采购商洽谈。').relevant).toBe(false);
    expect(scan('石狮市2023年为民办实事项目：市公安局、市民政局牵头的民生实事全部完成。石狮市委、石狮市政府').relevant).toBe(false);
    expect(scan('深圳市福田区民生微实事：社区口袋公园改造。').relevant).toBe(false);
  });
});

describe('pack', () => {
  it('survives a JSON round trip (background → content script) and scans the same', () => {
    const copy = packFromJSON(JSON.parse(JSON.stringify(packToJSON(pack))));
    const text = '晋江市公安局推动“微车管所”进五里工业园区；池店镇龙池路改造工程已完成。';
    expect(scanText(text, copy)).toEqual(scanText(text, pack));
  });
});
