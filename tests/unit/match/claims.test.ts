import { describe, expect, it } from 'vitest';
import { checkClaim, statusClaimNear, statusOn } from '../../../lib/match/claims';

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

  it('reads a count done so far (已完成300户) as progress, not as the project’s completion', () => {
    expect(claim('实施残疾人家庭无障碍改造仍在推进，已完成300户。', '实施残疾人家庭无障碍改造')).toEqual({ phrase: '仍在推进', status: 'in_progress' });
    expect(claim('残疾人家庭无障碍改造已完成300户。', '残疾人家庭无障碍改造')).toBeNull();
    expect(claim('截至9月，已完成6件实事；公交服务品质提升工程已完成。', '公交服务品质提升工程')).toEqual({ phrase: '已完成', status: 'completed' });
  });

  it('is null when the clause says nothing about progress', () => {
    expect(claim('市妇联为低保特困妇女购买女性安康保险', '女性安康保险')).toBeNull();
  });
});

describe('the claim against the record as of the page’s date', () => {
  const done = { status: 'completed' as const, asOf: '2024-02-06', source: 's1' };
  const going = { status: 'in_progress' as const, asOf: '2023-09-30', source: 's0' };
  const building = { phrase: '正在施工', status: 'in_progress' as const };
  const finished = { phrase: '已建成', status: 'completed' as const };

  it('calls a 2023-10 page saying 正在施工 about an item recorded done 2024-02 "completed later", not a contradiction', () => {
    expect(checkClaim(building, [done], '2023-10-15')).toEqual({ verdict: 'completed-later', asOfPage: null, completion: done });
    expect(checkClaim(building, [going, done], '2023-10-15')).toEqual({ verdict: 'completed-later', asOfPage: going, completion: done });
  });

  it('agrees when the record on the page’s date says the same, and contradicts when it said otherwise', () => {
    expect(checkClaim(building, [going, done], '2023-10-15').verdict).not.toBe('agrees');
    expect(checkClaim(finished, [going, done], '2024-03-01')).toEqual({ verdict: 'agrees', asOfPage: done });
    expect(checkClaim(building, [going, done], '2024-03-01')).toEqual({ verdict: 'contradicts', asOfPage: done });
  });

  it('uses the latest entry for an undated page, and says when nothing was recorded by then', () => {
    expect(checkClaim(building, [going, done], null)).toEqual({ verdict: 'contradicts', asOfPage: done });
    expect(checkClaim(finished, [going], '2023-01-01')).toEqual({ verdict: 'no-record-then', asOfPage: null });
  });

  it('takes the entry in force on a date, whatever order the history is in', () => {
    expect(statusOn([done, going], '2023-12-31')).toBe(going);
    expect(statusOn([done, going], '2024-02-06')).toBe(done);
    expect(statusOn([done, going], '2020-01-01')).toBeNull();
  });
});
