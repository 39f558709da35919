/**
 * Texts that both the server (export files, printed reports) and the web app (on screen) word, in both languages,
 * kept once. It lives in schemas/ because that is the one folder the web app may import values from (STYLE §3.5);
 * like the rest of the folder it imports nothing but zod (here: nothing).
 */

export type MessageLang = 'zh' | 'en';

/** Fills `{name}` placeholders in `text` from `params` (unknown placeholders stay as they are). */
export function fillParams(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text;
}

const zh = {
  'status.existing': '现有',
  'status.planned': '规划',
  'status.proposed': '建议',
  'mode.walk': '步行',
  'mode.bike': '电动自行车',
  'mode.car': '驾车',
  'demand.modelled':
    '模型估算，非实测。在全区铺设正方形网格（网格大小见参数），只保留中心在区界内的网格。城镇人口（人口 × 城镇人口比例）' +
    '以高斯核（σ 见参数，截断于 3σ）分布在区政府驻地和各乡镇驻地周围：区政府驻地分得 50%，各乡镇驻地平分另外 50%' +
    '（无区政府驻地或只有一个驻地时，各驻地平分全部）；已定位的社区从所属乡镇驻地的份额中各分得相等一份，分布在社区自身位置周围。' +
    '农村人口（其余部分）分布到距所有驻地都超过 1σ 的网格（没有这样的网格时为全部网格）；各乡镇按最近驻地分得其中的网格，' +
    '再平均分给其下各村：已定位村的份额以高斯核（除另有说明外 σ 1,000 米，截断于 3σ）分布在村的位置周围，未定位村的份额在该乡镇的农村网格内均匀分布。' +
    '每个网格的老年人口 = 人口 × 老年人口比例。网格按最近驻地划归乡镇（近似）。',
  'demand.parameters': '参数：网格 {cellMeters} 米，σ {sigmaMeters} 米，城镇人口比例 {urbanShare}，老年人口比例 {olderShare}，人口 {population}',
  'demand.anchored': '，村（社区）σ {villageSigmaMeters} 米；已定位 {placed} / {total} 个村（社区）',
  'demand.census': '。来源：2020 年人口普查区县总数（该区县数据包的 census-2020.json）。',
  'demand.imported': '导入的人口数据（{kind}）',
  'demand.kind.villages': '按村（社区）',
  'demand.kind.grid': '人口网格',
};

const en: Record<keyof typeof zh, string> = {
  'status.existing': 'Existing',
  'status.planned': 'Planned',
  'status.proposed': 'Proposed',
  'mode.walk': 'Walk',
  'mode.bike': 'E-bike',
  'mode.car': 'Car',
  'demand.modelled':
    'Modelled, not observed. A square grid (cell size below) is laid over the district; only cells whose centre ' +
    'lies inside the boundary are kept. Urban population (population × urban share) is spread around the ' +
    'district and township seats with a Gaussian kernel (σ below, cut at 3σ): the district seat receives 50% ' +
    'of it and the township seats share the other 50% equally (without a district seat, or with only one, ' +
    'all seats share 100% equally); placed communities (社区) take an equal share each of their township seat\'s ' +
    'part, spread around their own point. Rural population (the rest) goes to cells farther than 1σ from every ' +
    'seat (all cells if there are none); each township takes its share of those cells (nearest seat), split ' +
    'equally among its villages (村): a placed village\'s share is spread around its point with a Gaussian ' +
    'kernel (σ 1,000 m unless stated, cut at 3σ), the unplaced villages\' shares stay uniform over the ' +
    'township\'s rural cells. Older residents = population × older share in every cell. Cells are assigned to the ' +
    'township of the nearest seat (approximate).',
  'demand.parameters': ' Parameters: cell {cellMeters} m, σ {sigmaMeters} m, urban share {urbanShare}, older share {olderShare}, population {population}',
  'demand.anchored': ', village σ {villageSigmaMeters} m; anchored on {placed} of {total} villages/communities',
  'demand.census': '. Source: 2020 census county totals (census-2020.json of the county\'s pack).',
  'demand.imported': 'imported population ({kind})',
  'demand.kind.villages': 'per village/community',
  'demand.kind.grid': 'population grid',
};

export const MESSAGES: Record<MessageLang, Record<keyof typeof zh, string>> = { zh, en };
export type MessageKey = keyof typeof zh;

/** `key` in `lang`, with its `{name}` placeholders filled. */
export function message(lang: MessageLang, key: MessageKey, params?: Record<string, string | number>): string {
  return fillParams(MESSAGES[lang][key], params);
}

/** How the demand (population) was made, as the API reports it: a stable code with its numbers, or imported notes. */
export interface DemandMethodOf {
  methodCode: 'modelled' | 'imported';
  methodParams: Record<string, string | number>;
}

/**
 * The demand method in `lang`: the modelled surface's method with its parameters, or an imported set's own notes
 * (the importer's words, shown as written) and else its kind.
 */
export function demandMethodText(d: DemandMethodOf, lang: MessageLang): string {
  if (d.methodCode === 'modelled') {
    const p = d.methodParams;
    return message(lang, 'demand.modelled') + message(lang, 'demand.parameters', p)
      + ('placed' in p ? message(lang, 'demand.anchored', p) : '') + message(lang, 'demand.census');
  }
  const notes = String(d.methodParams.notes ?? '');
  const kind = d.methodParams.kind === 'villages' || d.methodParams.kind === 'grid' ? message(lang, `demand.kind.${d.methodParams.kind}`) : String(d.methodParams.kind ?? '');
  return notes || message(lang, 'demand.imported', { kind });
}
