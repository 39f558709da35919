/** Name handling for townships and villages: pinyin, short names, and the name stems used to match 2016 ↔ 2022. */

/** Hanyu Pinyin of the 12 townships (2022), written as one word without tones (GeoNames style, e.g. "Zengjia"). */
export const TOWNSHIP_PINYIN: Readonly<Record<string, string>> = {
  朝天镇: 'Chaotian', 大滩镇: 'Datan', 羊木镇: 'Yangmu', 曾家镇: 'Zengjia', 中子镇: 'Zhongzi', 沙河镇: 'Shahe',
  两河口镇: 'Lianghekou', 云雾山镇: 'Yunwushan', 水磨沟镇: 'Shuimogou', 李家镇: 'Lijia', 麻柳乡: 'Maliu', 临溪乡: 'Linxi',
};

const VILLAGE_SUFFIX = '村民委员会';
const COMMUNITY_SUFFIX = '社区居民委员会';
const RESIDENTS_SUFFIX = '居民委员会';
/** A statistical "virtual living area" (虚拟生活区) of a reserve, farm or forest: residents, no committee. */
const VIRTUAL_SUFFIX = '虚拟生活区';

/**
 * "XX村村民委员会" → "XX村" (village); "XX社区居民委员会" → "XX社区", "XX居民委员会" → "XX居委会" and
 * "XX虚拟生活区" (kept whole) → community.
 */
export function villageShortName(name: string): { shortName: string; type: 'village' | 'community' } {
  if (name.endsWith(COMMUNITY_SUFFIX)) return { shortName: `${name.slice(0, -COMMUNITY_SUFFIX.length)}社区`, type: 'community' };
  if (name.endsWith(RESIDENTS_SUFFIX)) return { shortName: `${name.slice(0, -RESIDENTS_SUFFIX.length)}居委会`, type: 'community' };
  if (name.endsWith(VILLAGE_SUFFIX)) return { shortName: name.slice(0, -VILLAGE_SUFFIX.length), type: 'village' };
  if (name.endsWith(VIRTUAL_SUFFIX)) return { shortName: name, type: 'community' };
  throw new Error(`villageShortName: unknown committee type in "${name}"`);
}

/** "李家乡" / "李家镇" → "李家"; "东坝街道" / "东坝街道办事处" → "东坝". */
export function townshipStem(name: string): string {
  return name.replace(/(街道办事处|街道|[镇乡])$/, '');
}

/** "东坝街道办事处" (2016 spelling) → "东坝街道" (2022 spelling); other names unchanged. */
export function townshipName2022(name: string): string {
  return name.replace(/街道办事处$/, '街道');
}

/** Stem of a 2022 village name: "鲤鱼村村民委员会" → "鲤鱼", "菜籽坝社区居民委员会" → "菜籽坝". */
export function stem2022(name: string): string {
  const stem = name.replace(/(村村民委员会|社区居民委员会|居民委员会|虚拟生活区)$/, '');
  if (stem === name) throw new Error(`stem2022: unexpected name "${name}"`);
  return stem;
}

/**
 * Stem of a 2016 village name (Vonng/adcode spelling): "鲤鱼村民委员会" → "鲤鱼", "大巴口社区居委会" → "大巴口",
 * "广元市朝天区沙河镇飞仙关社区居民委员会" → "飞仙关", "大滩镇社区居民委员会" → "大滩";
 * also the city-wide spellings 居民委员会, 居委会, 社区, 虚拟村委会 and the source typo 社区居民委会员.
 */
export function stem2016(name: string, townshipName: string, countyName = '朝天区'): string {
  let stem = name.replace(`广元市${countyName}${townshipName}`, '')
    .replace(/(村民委员会|社区居民委员会|社区居民委会员|社区居委会|居民委员会|居委会|社区|虚拟村委会)$/, '');
  if (stem === name) throw new Error(`stem2016: unexpected name "${name}"`);
  if (stem === townshipName) stem = townshipStem(townshipName);
  return stem;
}

/** True when two stems differ by exactly one character at the same position (e.g. 菜籽坝 / 菜子坝), length ≥ 3. */
export function oneCharVariant(a: string, b: string): boolean {
  const ca = [...a];
  const cb = [...b];
  if (ca.length !== cb.length || ca.length < 3) return false;
  return ca.filter((c, i) => c !== cb[i]).length === 1;
}

/** True when the longer stem starts with the shorter one (≥ 2 characters), e.g. 枫香滩 / 枫香. */
export function prefixVariant(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 2 && long.length > short.length && long.startsWith(short);
}
