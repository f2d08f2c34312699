/**
 * 国民经济行业分类 GB/T 4754-2017, two levels: 20 sections (门类, A–T) and their divisions (大类, 01–97).
 * We store the division as section letter + two digits ('I65' = 软件和信息技术服务业) so the section is
 * recoverable without a lookup. Labels are in the renderer's i18n files (industry.<code>).
 */
const SECTION_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

export const INDUSTRY_SECTIONS = Object.keys(SECTION_RANGES);

/** Division codes of a section, e.g. divisionsOf('I') → ['I63', 'I64', 'I65']. */
export function divisionsOf(section: string): string[] {
  const range = SECTION_RANGES[section];
  if (!range) return [];
  const codes: string[] = [];
  for (let n = range[0]; n <= range[1]; n++) codes.push(section + String(n).padStart(2, '0'));
  return codes;
}

export const INDUSTRY_DIVISIONS: readonly string[] = INDUSTRY_SECTIONS.flatMap(divisionsOf);
const DIVISION_SET = new Set(INDUSTRY_DIVISIONS);

/** True for a known division code ('I65') or a bare section letter ('I') when the division is unknown. */
export function isKnownIndustry(code: string): boolean {
  return DIVISION_SET.has(code) || code in SECTION_RANGES;
}

export function sectionOf(code: string): string {
  return code.charAt(0);
}
