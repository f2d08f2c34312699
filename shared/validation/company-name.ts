/**
 * Company names are stored as the full registered name (e.g. 北京字节跳动科技有限公司). For duplicate checks
 * we also keep a normalized key: full-width → half-width, case and spaces folded, brackets unified, and
 * legal-form suffixes (有限公司, 股份有限公司, Co., Ltd. …) removed, so "北京字节跳动科技有限公司" and
 * "北京字节跳动科技（有限公司）" or "Bytedance Ltd" vs "ByteDance Co., Ltd." collide as they should.
 *
 * Chinese legal forms are matched as plain string suffixes (Chinese has no word boundaries). Latin legal
 * forms are matched as whole trailing words only, so "Costco" or "Tesco" keep their "co" and do not collide
 * with "Cost Co., Ltd." or "Tes Inc".
 */
const CJK_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '集团',
  '总公司',
  '分公司',
  '公司',
];
const LATIN_SUFFIX_WORDS = new Set([
  'co',
  'company',
  'limited',
  'ltd',
  'inc',
  'corp',
  'corporation',
  'llc',
  'gmbh',
]);
/** Characters that may trail a name once a suffix is gone: "腾讯科技(深圳" after "有限公司", "Foo Co., " after "Ltd". */
const TRAILING_NOISE = /[\s,.()]+$/;
const LAST_LATIN_WORD = /(?:^|[^a-z0-9])([a-z]+)$/;

/** Converts full-width ASCII (ＡＢＣ１２３（）) to half-width, as Chinese IMEs often produce it. */
export function toHalfWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Trims and collapses whitespace and converts full-width characters; this is what we store as the name. */
export function cleanCompanyName(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, ' ').trim();
}

/** Removes one legal-form suffix from the end of a lower-cased name, or returns null when there is none. */
function stripOneSuffix(key: string): string | null {
  for (const suffix of CJK_SUFFIXES) {
    if (key.length > suffix.length && key.endsWith(suffix)) return key.slice(0, -suffix.length);
  }
  const word = LAST_LATIN_WORD.exec(key)?.[1];
  if (word && key.length > word.length && LATIN_SUFFIX_WORDS.has(word))
    return key.slice(0, -word.length);
  return null;
}

/**
 * The duplicate-check key of a company name (防撞单). Suffixes are stripped repeatedly, so
 * "中国平安保险（集团）股份有限公司" and "中国平安保险" share a key. A suffix is never stripped down to nothing,
 * so the key is empty only when the input has no letters, digits or CJK characters at all.
 */
export function companyNameKey(input: string): string {
  let key = toHalfWidth(input)
    .toLowerCase()
    .replace(/[·•・]/g, '');
  key = key
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(TRAILING_NOISE, '');
  for (let stripped = stripOneSuffix(key); stripped !== null; stripped = stripOneSuffix(key)) {
    const next = stripped.replace(TRAILING_NOISE, '');
    if (next === '') break;
    key = next;
  }
  return key.replace(/[\s()（）,.，。'"“”‘’&\-_/]/g, '');
}

const CJK_LEGAL_FORM =
  /(有限公司|有限责任公司|股份有限公司|集团|公司|厂|中心|研究院|研究所|医院|学校|大学|学院|银行|事务所|合作社|商行|店|部|局|委员会|协会|基金会)$/;
const LATIN_LEGAL_FORM =
  /(?:^|[^a-z0-9])(ltd\.?|limited|inc\.?|corp\.?|corporation|company|llc|gmbh|co\.?)$/i;

/** True when a name looks like a full registered name (ends in a legal form), not a brand or nickname. */
export function looksLikeFullCompanyName(input: string): boolean {
  const name = cleanCompanyName(input).replace(/[)）]$/, '');
  return CJK_LEGAL_FORM.test(name) || LATIN_LEGAL_FORM.test(name);
}
