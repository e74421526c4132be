/**
 * Engine knowledge that is not a dataset fact: the words that say a page is about Jinjiang's
 * livelihood projects, the words that say it is about something else, and the places whose
 * name in front of a unit makes it another place's unit. Kept apart from data/ because it
 * describes how pages are written, not what the source table says.
 */

/** Kinds of relevance signal; the popup shows them as "why". */
export type SignalKind =
  | 'host' // the page's address is a Jinjiang news/government site
  | 'jinjiang' // 晋江, 晋江市, its newspaper
  | 'unit' // a Jinjiang lead unit
  | 'project' // a project of the dataset
  | 'place' // a Jinjiang town, village or community
  | 'topic' // 为民办实事, 民生微实事 …
  | 'field' // the programme's fields of work: 长者食堂, 雨污分流, 一体化卫生所 …
  | 'other-list' // another city's or a town's own list: 泉州市为民办实事, 陈埭镇为民办实事
  | 'other-city' // another city's or district's name
  | 'river' // 晋江 the river
  | 'prefecture' // the former 晋江地区
  | 'off-topic'; // a Jinjiang page about something else (trade fairs)

export interface LexiconWord {
  text: string;
  kind: SignalKind;
  weight: number;
}

/** Lists are space-separated (split on ' ', not a RegExp: this runs at every content-script load). */
const words = (kind: SignalKind, weight: number, list: string): LexiconWord[] =>
  list
    .split(' ')
    .filter(Boolean)
    .map((text) => ({ text, kind, weight }));

/** Jinjiang itself. Weighted low: 晋江 is also a river, a former prefecture and a county of old. */
export const JINJIANG_WORDS: LexiconWord[] = [
  ...words('jinjiang', 1, '晋江 晋江市 晋江人 jinjiang'),
  ...words('jinjiang', 2, '晋江经济报 晋江新闻网 晋江市人民政府 晋江市委 晋江市政府 中共晋江市委 晋江市融媒体中心 晋江电视台'),
];

/** The programme's own vocabulary. A project mention counts as topic too (see gate.ts). */
export const TOPIC_WORDS: LexiconWord[] = [
  ...words('topic', 2, '为民办实事 我为群众办实事 民生微实事 民生实事 为民实事 惠民实事 办实事项目 完成情况公开表 民生微实事项目 为民兴办实事 兴办实事 幸福清单 民生清单'),
  ...words('topic', 1.5, '主题教育 民生项目 民生工程 民心工程 急难愁盼 四下基层 问题清单 实事项目'),
  ...words('topic', 0.5, '办实事 民生 惠民 便民 利民 解民忧 暖民心'),
];

/**
 * The programme's fields of work, year after year (../shared/research/programme-years.md):
 * on a Jinjiang page they make it the programme's subject even when its name is not printed
 * (a 长者食堂 opening in a village). Capped low (CAP.field) so they never outweigh a
 * counter-signal on their own; the common words weigh half.
 */
export const FIELD_WORDS: LexiconWord[] = [
  ...words(
    'field',
    1,
    '长者食堂 助餐点 自办食堂 养老服务设施 健身驿站 百姓健身驿站 基层体育设施 全民健身设施 适老化 适老化改造 无障碍改造 ' +
      '雨污分流 一体化卫生所 中医阁 四帮四扶 停车泊位 智慧停车 老旧小区改造 心理辅导室 婴幼儿照护 零工市场 候车亭 ' +
      '残疾人康复 长期护理 燃气安全 安全防范设施 公益性演出 托育服务',
  ),
  ...words('field', 0.5, '无障碍 托育 养老服务 停车位 老旧小区 失能'),
];

/**
 * Other cities and districts: counter-signals for relevance and, written in front of a unit
 * name, the sign that it is that place's unit (石狮市公安局). Both the bare and the suffixed
 * forms are listed so 石狮市民政局 (matched as 市民政局) is caught by its bare prefix 石狮.
 * 泉州 is Jinjiang's prefecture: not a counter-signal, but still a unit qualifier.
 */
const NEIGHBOURS =
  '石狮 石狮市 南安 南安市 惠安 惠安县 安溪 安溪县 永春 永春县 德化 德化县 金门 金门县 ' +
  '丰泽 丰泽区 鲤城 鲤城区 洛江 洛江区 泉港 泉港区 台商投资区 ' +
  '厦门 厦门市 思明区 湖里区 集美区 海沧区 同安区 翔安区 ' +
  '漳州 漳州市 芗城区 龙文区 龙海 龙海区 ' +
  '福州 福州市 鼓楼区 台江区 仓山区 晋安区 马尾区 长乐区 福清 福清市 ' +
  '莆田 莆田市 涵江区 荔城区 城厢区 三明 三明市 龙岩 龙岩市 宁德 宁德市 南平 南平市 ';
const SHENZHEN_ZHUHAI =
  '深圳 深圳市 福田区 罗湖区 南山区 宝安区 龙岗区 龙华区 坪山区 光明区 盐田区 大鹏新区 前海 ' +
  '珠海 珠海市 香洲区 斗门区 金湾区 横琴';
export const OTHER_CITY_WORDS: LexiconWord[] = [
  ...words('other-city', 1.5, NEIGHBOURS),
  ...words('other-city', 2.5, SHENZHEN_ZHUHAI),
  ...words('other-city', 1, '广州 广州市 上海市 北京市 杭州市 宁波市 温州市 汕头市 潮州市'),
];

/**
 * Signal text for a town's own list: a town or street office's name right before the
 * programme's words (陈埭镇为民办实事, 安海镇民生实事). Not a pattern (a pattern 镇为民办实事
 * would swallow the unit 陈埭镇): scan-text.ts counts it when a town token touches a topic token.
 */
export const TOWN_LIST = '镇(街道)为民办实事';

/**
 * Another list under the same name: a neighbouring city's, the prefecture's or a town's own
 * 为民办实事 / 民生实事 (泉州市为民办实事, 陈埭镇为民办实事项目). The words say whose list it is.
 */
export const OTHER_LIST_WORDS: LexiconWord[] = words(
  'other-list',
  2.5,
  `泉州市为民办实事 泉州市委市政府为民办实事 泉州市民生实事 泉州市委泉州市政府 石狮市为民办实事 石狮市民生实事 南安市为民办实事 ` +
    `惠安县为民办实事 安溪县为民办实事 深圳市民生微实事 珠海市民生微实事 镇级为民办实事 镇级民生实事 镇级实事 ${TOWN_LIST}`,
);

/** 晋江 the river (晋江西溪 …): these spans also keep 晋江 inside them from counting as the city. */
export const RIVER_WORDS: LexiconWord[] = words(
  'river',
  2,
  '晋江河道 晋江西溪 晋江东溪 晋江干流 晋江流域 晋江上游 晋江中游 晋江下游 晋江水系 晋江河口 晋江入海口 ' +
    '晋江北岸 晋江南岸 晋江两岸 晋江水质 晋江水位 晋江汛情 晋江支流 晋江江面 晋江江水 晋江防洪 晋江水域 西溪 东溪 金鸡闸 溪流',
);

/** The former prefecture (晋江地区, 1950s–1985) and the county of old. */
export const PREFECTURE_WORDS: LexiconWord[] = [
  ...words('prefecture', 2.5, '晋江地区 晋江专区 晋江行署 晋江地委 晋江专署 晋江行政公署 晋江地区行署 晋江专员公署 晋江地区行政公署'),
  ...words('prefecture', 1, '晋江县 行署 专署 专区 地委'),
];

/** A Jinjiang page about something else: trade fairs and expos. */
export const OFF_TOPIC_WORDS: LexiconWord[] = words(
  'off-topic',
  1.5,
  '鞋博会 鞋业博览会 体博会 体育用品博览会 纺织服装博览会 博览会 展会 展位 参展商 展商 采购商 会展中心 国际会展 招商签约 订货会 鞋服',
);

/** Every relevance word, for the pack and for the variant table's character set. */
export const GATE_WORDS: LexiconWord[] = [
  ...JINJIANG_WORDS,
  ...TOPIC_WORDS,
  ...FIELD_WORDS,
  ...OTHER_CITY_WORDS,
  ...OTHER_LIST_WORDS,
  ...RIVER_WORDS,
  ...PREFECTURE_WORDS,
  ...OFF_TOPIC_WORDS,
];

/** Written right before a unit's short name, these make it not Jinjiang's unit. */
export const UNIT_QUALIFIERS: string[] = [
  ...NEIGHBOURS.split(/\s+/),
  ...SHENZHEN_ZHUHAI.split(/\s+/),
  ...'泉州 泉州市 福建 福建省 省 全国 国家 中国 中央 中华 县 乡 村 社区 区 广州市 上海市 北京市'.split(/\s+/),
].filter(Boolean);

/**
 * Words that contain a unit's short name but are not that unit; matching them as inert
 * spans lets longest-match keep 中级人民法院 from reading as 法院.
 */
export const BLOCKERS: string[] = '中级人民法院 高级人民法院 最高人民法院 中院 派出法庭 人民法庭 妇联主席 市委书记 市委副书记 市长 副市长 市委常委 市财政 财政资金'.split(/\s+/);

/** Leading verbs that coverage drops from project names (助力锦岭村… → 锦岭村…). */
export const NAME_PREFIXES: string[] = [
  '协助解决好', '在晋江市首推', '助力', '推动', '打造', '开展', '实施', '举办', '办好', '设立', '上线', '建强', '优化', '完善',
  '联合', '引导', '帮扶', '强化', '修复', '推进', '新建', '为',
];

/** Trailing words coverage drops or swaps (…改造工程 → …改造). Longest first. */
export const NAME_SUFFIXES: string[] = ['配套项目建设', '建设项目', '项目建设', '项目', '工程', '建设', '活动', '行动'];

/** Hosts of Jinjiang's news and government sites. */
export const JINJIANG_HOSTS: string[] = ['ijjnews.com', 'jjjjb.fjdaily.com', 'jinjiang.gov.cn', 'jjnews.com.cn'];
