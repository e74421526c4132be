/** Relevance on real coverage: the programme's words in every form, its fields of work, mirror noise, look-alikes. */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { quickGate } from '../../../lib/match/gate';
import { buildPack } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import { normalise } from '../../../lib/text/normalise';

const pack = buildPack(bundledDataset);
const judge = (text: string) => scanText(text, pack);
const why = (text: string) => judge(text).signals.map((s) => `${s.kind}:${s.text}`);

describe('the programme’s fields of work count on a Jinjiang page', () => {
  it('calls a village 长者食堂 opening relevant, and says which words decided', () => {
    const page = '晋江一村长者食堂开张\n晋江市磁灶镇岭畔村的长者食堂昨天开门，老人在助餐点吃上了热饭。村里还计划做适老化改造。';
    expect(judge(page).relevant).toBe(true);
    expect(why(page)).toEqual(expect.arrayContaining(['field:长者食堂', 'field:助餐点', 'jinjiang:晋江']));
  });

  it('reads the programme’s other names: 为民兴办实事, 幸福清单, 民生清单', () => {
    expect(judge('晋江发布今年幸福清单，20件民生清单项目逐项推进。').relevant).toBe(true);
    expect(judge('晋江为民兴办实事，一批学校新建自办食堂。').relevant).toBe(true);
  });

  it('does not let field words alone make another city’s page relevant', () => {
    expect(judge('深圳市福田区新建长者食堂12家，300户困难老人完成适老化改造，纳入民生微实事。').relevant).toBe(false);
  });
});

describe('mirror noise is read through', () => {
  it('drops pinyin in brackets after characters, not other brackets', () => {
    expect(normalise('為民辦實(shí)事').text).toBe('为民办实事');
    expect(normalise('晋江(Jìnjiāng)市').text).toBe('晋江市');
    expect(normalise('为民办实事(2024)').text).toBe('为民办实事(2024)');
    expect(normalise('PM(2.5)').text).toBe('pm(2.5)');
  });

  it('lets a pinyin-laden Traditional mirror page through the pre-gate and the gate', () => {
    const page = '晉江今年20個為民辦實(shí)事項目穩步推進，建設20家一體化衛生所已完成，雨污分流改造全部完工。';
    expect(quickGate('今年20個為民辦實(shí)事項目穩步推進')).toBe(true);
    expect(judge(page).relevant).toBe(true);
  });

  it('does not count other cities named in spam lines before the article', () => {
    const article = '晋江为民办实事项目进展顺利\n晋江市民政局介绍，今年新建长者食堂5个，全市雨污分流改造有序推进。';
    const spam = '免费领取红包 深圳楼盘特价 珠海海景房 福田区学区房\n';
    expect(judge(spam + article).score).toBe(judge(article).score);
    // The same words inside the article still count.
    expect(judge(article + '\n深圳楼盘特价 珠海海景房 福田区学区房').score).toBeLessThan(judge(article).score);
  });
});

describe('other lists under the same name are turned away', () => {
  it('turns away 泉州’s list and a town’s list, and names the deciding words', () => {
    const quanzhou = '泉州市委市政府为民办实事项目今年共39项，改造建设20个长者食堂，丰泽区、鲤城区、石狮市、晋江市等配合推进。';
    expect(judge(quanzhou).relevant).toBe(false);
    expect(why(quanzhou)).toContain('other-list:泉州市委市政府为民办实事');
    const town = '陈埭镇为民办实事项目今年共11项。在镇人大会议上，镇政府通报：11项镇级民生实事已完成9项，长者食堂正在建设。';
    expect(judge(town).relevant).toBe(false);
    expect(why(town)).toEqual(expect.arrayContaining(['other-list:镇(街道)为民办实事', 'other-list:镇级民生实事']));
    // The town's own list said another way: a count or a year between, or 本镇 / 该镇 for the town.
    const own = '深沪镇召开人代会。该镇2025年为民办实事项目上半年进展顺利，老街区雨污分流改造完成一期。';
    expect(judge(own).relevant).toBe(false);
    expect(why(own)).toContain('other-list:镇(街道)为民办实事');
    const self = '镇人代会上，镇政府报告了去年本镇11项为民办实事项目的办理情况，长者食堂扩容完成。';
    expect(why(self)).toContain('other-list:镇(街道)为民办实事');
    // The city's programme at a town's meeting is the city's: a verb stands between.
    const city = '晋江市委、市政府在池店镇召开为民办实事项目推进会，市民政局通报长者食堂进展。';
    expect(why(city)).not.toContain('other-list:镇(街道)为民办实事');
    expect(judge(city).relevant).toBe(true);
    // The town is still named as the unit it is.
    expect(judge(town).mentions.filter((m) => m.kind === 'unit').map((m) => m.text)).toContain('陈埭镇');
    expect(judge(town).mentions.find((m) => m.start === 0)?.text).toBe('陈埭镇');
  });
});
