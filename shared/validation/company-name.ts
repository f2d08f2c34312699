/**
 * Company names are stored as the full registered name (e.g. 北京字节跳动科技有限公司). For duplicate checks
 * we also keep a normalized key: full-width → half-width, case and spaces folded, brackets unified, and
 * legal-form suffixes (有限公司, 股份有限公司, Co., Ltd. …) removed, so "北京字节跳动科技有限公司" and
 * "北京字节跳动科技（有限公司）" or "Bytedance Ltd" vs "ByteDance Co., Ltd." collide as they should.
 */
const LEGAL_SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '集团公司', '(集团)', '集团', '总公司', '分公司', '公司',
  'co.,ltd.', 'co.,ltd', 'co.ltd', 'co ltd', 'company limited', 'corporation', 'limited', 'ltd.', 'ltd', 'inc.', 'inc',
  'corp.', 'corp', 'llc', 'gmbh', 'co.', 'co',
];

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

/** The duplicate-check key of a company name. Empty when nothing distinctive remains. */
export function companyNameKey(input: string): string {
  let key = toHalfWidth(input).toLowerCase().replace(/[\s·•・]/g, '');
  key = key.replace(/[【\[]/g, '(').replace(/[】\]]/g, ')');
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      const bare = suffix.replace(/\s/g, '');
      if (key.length > bare.length && key.endsWith(bare)) {
        key = key.slice(0, -bare.length).replace(/[,.()\s]+$/g, '');
        changed = true;
      }
    }
  }
  return key.replace(/[()（）,.，。'"“”‘’&\-_/]/g, '');
}

const LEGAL_FORM = /(有限公司|有限责任公司|股份有限公司|集团|公司|厂|中心|研究院|研究所|医院|学校|大学|学院|银行|事务所|合作社|商行|店|部|局|委员会|协会|基金会|ltd\.?|limited|inc\.?|corp\.?|corporation|llc|gmbh|co\.?)$/i;

/** True when a name looks like a full registered name (ends in a legal form), not a brand or nickname. */
export function looksLikeFullCompanyName(input: string): boolean {
  return LEGAL_FORM.test(cleanCompanyName(input).replace(/[)）]$/, ''));
}
