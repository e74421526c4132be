import { describe, expect, it } from 'vitest';
import { statusClaimNear } from '../../../lib/match/claims';

const claim = (text: string, name: string) => {
  const i = text.indexOf(name);
  return statusClaimNear(text, i, i + name.length);
};

describe("what a page says about a project's progress", () => {
  it('reads the words in the mention’s clause', () => {
    expect(claim('目前，池店镇龙池路改造工程正在施工，预计年底完工。', '池店镇龙池路改造工程')).toEqual({ phrase: '正在施工', status: 'in_progress' });
    expect(claim('岸兜村适老化公园已建成投用。', '岸兜村适老化公园')).toEqual({ phrase: '已建成', status: 'completed' });
    expect(claim('启承路路灯改造项目尚未完工。', '启承路路灯改造项目')).toEqual({ phrase: '尚未完工', status: 'in_progress' });
    expect(claim('嘉排村气排球训练基地提升项目尚未完成。', '嘉排村气排球训练基地提升项目')).toEqual({ phrase: '尚未完成', status: 'in_progress' });
  });

  it('does not read other clauses or sentences', () => {
    expect(claim('萧下村卫生服务所建设进展顺利。另一个项目已完成。', '萧下村卫生服务所建设')).toBeNull();
    expect(claim('在建的学校很多；民政局的困难老年人家庭适老化改造项目惠及全市', '困难老年人家庭适老化改造项目')).toBeNull();
  });

  it('is null when the clause says nothing about progress', () => {
    expect(claim('市妇联为低保特困妇女购买女性安康保险', '女性安康保险')).toBeNull();
  });
});
