/**
 * Matcher benchmarks (npm run bench): throughput on a 1 MB mixed page with normalisation
 * included, pack build time, the pre-gate on an unrelated page, the obvious alternatives
 * (per-term indexOf, mark.js-style per-term RegExp) and a 10,000-project synthetic dataset.
 * Prints numbers and ratios; it is a benchmark, not a test.
 */
import { readdirSync } from 'node:fs';
import { bundledDataset } from '../../lib/data/dataset';
import { buildPack, type MatchPack } from '../../lib/match/pack';
import { scanText } from '../../lib/match/scan-text';
import { quickGate } from '../../lib/match/gate';
import { normaliseCodes, normaliseKey } from '../../lib/text/normalise';
import { scanTokens } from '../../lib/match/scanner';
import { GATE_WORDS } from '../../lib/match/lexicon';
import type { Dataset } from '../../lib/data/types';
import { PAGES_DIR, pageText } from '../unit/match/scoring';
import { rng, pick } from '../unit/match/random';
import { syntheticDataset } from './synthetic';

const MB = 1 << 20;

function time(fn: () => void, runs: number): number {
  fn(); // warm up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)]!;
}

/** Everyday Chinese prose with nothing to find: most of any real page. */
const UNRELATED_ZH = [
  '今年以来，全省规模以上工业增加值同比增长6.2%，高技术制造业增势良好，新能源汽车、光伏产品产量保持较快增长。',
  '周末天气晴好，不少市民带着孩子来到郊野公园露营、放风筝，享受难得的亲子时光。',
  '比赛第78分钟，替补登场的前锋接队友传中头球破门，帮助球队主场1比0小胜对手，暂列积分榜第三。',
  '专家提醒，秋冬季节昼夜温差大，老年人要注意保暖，适当进行户外锻炼，保持规律作息。',
  '新款手机搭载自研芯片，续航较上一代提升约20%，影像系统也进行了全面升级，售价与上一代持平。',
  '据气象部门预测，未来三天将有一次明显降温过程，局部地区有小到中雨，请公众注意出行安全。',
  '这部改编自同名小说的电视剧上线一周，播放量突破五亿次，剧中演员的表演获得观众广泛好评。',
];

/**
 * ~1 MB mixed page: coverage paragraphs from the labelled pages (Jinjiang news, notices and
 * the hard negatives) among everyday prose, English and page furniture. `coverage` is the
 * share of coverage paragraphs (0.3 typical; 0.7 makes a mention-dense worst case).
 */
export function mixedPage(size = MB, coverage = 0.3, seed = 3): string {
  const r = rng(seed);
  const pages = readdirSync(PAGES_DIR).filter((f) => /\.(txt|html)$/.test(f)).map((f) => pageText(f));
  const paragraphs = pages.flatMap((p) => p.split('\n')).filter((p) => p.trim());
  const english = 'The quick brown fox jumps over the lazy dog. Lorem ipsum dolor sit amet, consectetur adipiscing elit. ';
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const x = r();
    const s =
      x < coverage ? pick(r, paragraphs)
      : x < coverage + (1 - coverage) * 0.6 ? pick(r, UNRELATED_ZH)
      : x < coverage + (1 - coverage) * 0.85 ? english
      : '  © 2024 版权所有 | 联系我们 | 网站地图 😀';
    parts.push(s, '\n');
    n += s.length + 1;
  }
  return parts.join('').slice(0, size);
}

/** ~1 MB of text with no anchor at all: what most pages a reader visits look like to the gate. */
export function unrelatedPage(size = MB): string {
  const s = '今天天气很好，我们去公园散步。The weather is nice today; stocks rose 2% in early trading. 这是一段与地方民生无关的文字。\n';
  return s.repeat(Math.ceil(size / s.length)).slice(0, size);
}

function patternsOf(pack: MatchPack, dataset: Dataset): string[] {
  void pack;
  const out = new Set<string>();
  for (const u of dataset.units) for (const a of [u.name, ...u.aliases, u.fullName ?? '']) if (a) out.add(a);
  for (const i of dataset.items) for (const a of [i.name, ...i.keyphrases, ...(i.genericPhrases ?? []), ...(i.contextWords ?? [])]) out.add(a);
  for (const p of dataset.places) out.add(p.name);
  for (const w of GATE_WORDS) out.add(w.text);
  return [...out].map(normaliseKey).filter((s) => s.length >= 2);
}

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

export function runMatchBench(log: (line: string) => void = console.log): BenchResult[] {
  const results: BenchResult[] = [];
  const report = (name: string, value: number, unit: string, target?: string) => {
    results.push({ name, value, unit, target });
    log(`${name.padEnd(58)} ${value.toFixed(unit === 'x' ? 1 : 2).padStart(9)} ${unit}${target ? `   (target ${target})` : ''}`);
  };

  // Pack builds first, before the big pages exist: a build is what a fresh content script does.
  const buildMs = time(() => buildPack(bundledDataset), 30);
  report('pack build, real dataset (median of 30)', buildMs, 'ms', '≤ 10 ms');
  const pack = buildPack(bundledDataset);

  const page = mixedPage();
  const chars = page.length;
  log(`mixed page: ${chars} UTF-16 units; unrelated page: ${unrelatedPage().length}`);

  const normMs = time(() => normaliseCodes(page), 10);
  report('normalise 1 MB', normMs, 'ms');
  const norm = normaliseCodes(page);
  const scanMs = time(() => scanTokens(pack, norm), 10);
  report('automaton scan + selection 1 MB (no normalisation)', scanMs, 'ms');
  const fullMs = time(() => scanText(page, pack), 21);
  const throughput = chars / fullMs / 1000; // M chars per second
  report('scanText 1 MB (normalise + scan + link + gate)', fullMs, 'ms');
  report('matcher throughput, real dataset', throughput, 'M chars/s', '≥ 20');
  const mentions = scanText(page, pack).mentions.length;
  log(`  (${mentions} mentions on the mixed page)`);
  const dense = mixedPage(MB, 0.7);
  const denseMs = time(() => scanText(dense, pack), 21);
  report('matcher throughput, mention-dense page (70% coverage)', dense.length / denseMs / 1000, 'M chars/s');
  log(`  (${scanText(dense, pack).mentions.length} mentions on the dense page)`);

  const unrelated = unrelatedPage();
  const gateMs = time(() => quickGate(unrelated), 50);
  report('pre-gate on an unrelated 1 MB page', gateMs, 'ms', '≤ 2 ms');
  log(`  (pre-gate says ${quickGate(unrelated)} for it)`);

  // The obvious alternatives, over the same patterns (on the raw text: they cannot see through quotes).
  const terms = patternsOf(pack, bundledDataset);
  const indexOfMs = time(() => {
    let hits = 0;
    for (const t of terms) for (let i = page.indexOf(t); i >= 0; i = page.indexOf(t, i + 1)) hits++;
    if (hits < 0) throw new Error();
  }, 3);
  report(`per-term indexOf (${terms.length} terms)`, indexOfMs, 'ms');
  const regexes = terms.map((t) => new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'));
  const regexMs = time(() => {
    let hits = 0;
    for (const re of regexes) {
      re.lastIndex = 0;
      while (re.exec(page)) hits++;
    }
    if (hits < 0) throw new Error();
  }, 3);
  report('mark.js-style per-term RegExp pass', regexMs, 'ms');
  report('speed-up of scanText over per-term indexOf', indexOfMs / fullMs, 'x');
  report('speed-up of scanText over per-term RegExp', regexMs / fullMs, 'x');

  const synthetic = syntheticDataset(bundledDataset, 10_000);
  const synthBuildMs = time(() => buildPack(synthetic), 7);
  report('pack build, 10,000 projects × 5 names (median of 7)', synthBuildMs, 'ms', '≤ 200 ms');
  const synthPack = buildPack(synthetic);
  const synthMs = time(() => scanText(page, synthPack), 21);
  const synthThroughput = chars / synthMs / 1000;
  report('matcher throughput, 10,000 projects', synthThroughput, 'M chars/s');
  report('real / synthetic throughput ratio', throughput / synthThroughput, 'x', '≤ 2');
  log(`  (synthetic automaton: ${synthPack.automaton.fail.length} states, ${synthPack.automaton.alphabet.length} classes; real: ${pack.automaton.fail.length} states, ${pack.automaton.alphabet.length} classes)`);
  return results;
}
