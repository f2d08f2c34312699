import { creditCodeCheckChar } from '../validation/credit-code';
import { cleanCompanyName } from '../validation/company-name';
import type { IndustryWord } from './vocab';

/**
 * Building blocks with uniqueness guarantees: company names, credit codes and mobile numbers are derived
 * from a record's index through a bijection, so two records never share one by accident (duplicates in the
 * sample data are always deliberate).
 */

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** (a × b) mod n without leaving the exact-integer range of doubles (a, b < n ≤ 2^40). */
function mulMod(a: number, b: number, n: number): number {
  const hi = Math.floor(b / 65536);
  const lo = b % 65536;
  return (((a * hi) % n) * 65536 + a * lo) % n;
}

/**
 * A seeded permutation of [0, size): i ↦ (i·p + o) mod size with p coprime to size. Consecutive indexes land
 * far apart, so neighbouring records get unrelated names, and the mapping is one-to-one.
 */
export class Scrambler {
  private readonly multiplier: number;
  private readonly offset: number;

  constructor(
    readonly size: number,
    seed: number,
  ) {
    if (!Number.isSafeInteger(size) || size < 1)
      throw new RangeError('scrambler size must be a positive integer');
    let p = Math.max(1, Math.floor(size * 0.6180339887) + (seed % 997));
    while (gcd(p, size) !== 1) p++;
    this.multiplier = p % size;
    this.offset = seed % size;
  }

  /** The image of `index` (indexes beyond `size` wrap around). */
  map(index: number): number {
    return (mulMod(index % this.size, this.multiplier, this.size) + this.offset) % this.size;
  }
}

/** The parts a company name is made of; kept so near-duplicates can be spelled differently. */
export interface CompanyParts {
  english: boolean;
  /** Chinese: 0 = 北京华信科技有限公司, 1 = 北京市华信科技有限公司, 2 = 华信科技(北京)有限公司. English: 0 = no city, 1 = city first. */
  pattern: number;
  cityZh: string;
  cityEn: string;
  /** Chinese brand (字号) or English brand word. */
  brand: string;
  industry: IndustryWord;
  form: string;
}

/**
 * Spellings of the same company that companyNameKey folds to one key (what people actually type: another
 * legal form, no legal form, spaces, capitals). Variant 0 is the registered name.
 */
export const COMPANY_NAME_VARIANTS = 5;

const CN_FORM_SWAP: Readonly<Record<string, string>> = {
  有限公司: '股份有限公司',
  股份有限公司: '有限公司',
  有限责任公司: '有限公司',
  集团有限公司: '有限公司',
};
const EN_FORM_SWAP: Readonly<Record<string, string>> = {
  'Co., Ltd.': 'Limited',
  Limited: 'Co., Ltd.',
  'Inc.': 'Co., Ltd.',
  'Ltd.': 'Co Ltd',
  Corporation: 'Inc.',
};

/** The company's name in one of its spellings (cleaned like the app stores names). */
export function composeCompanyName(parts: CompanyParts, variant = 0): string {
  const { brand, industry } = parts;
  if (parts.english) {
    const city = parts.pattern === 1 && parts.cityEn ? `${parts.cityEn} ` : '';
    const base = `${city}${brand} ${industry.en}`;
    switch (variant) {
      case 1:
        return `${base} ${EN_FORM_SWAP[parts.form] ?? 'Limited'}`;
      case 2:
        return base;
      case 3:
        return `${base} ${parts.form}`.toUpperCase();
      case 4:
        return parts.form.includes(', ')
          ? `${base} ${parts.form.replace(', ', ',')}`
          : `${base}, ${parts.form}`;
      default:
        return `${base} ${parts.form}`;
    }
  }
  const core = (sep: string): string => {
    if (parts.pattern === 2) return `${brand}${industry.zh}${sep}(${parts.cityZh})`;
    const city = parts.pattern === 1 ? `${parts.cityZh}市` : parts.cityZh;
    return `${city}${sep}${brand}${industry.zh}`;
  };
  switch (variant) {
    case 1:
      return cleanCompanyName(`${core('')}${CN_FORM_SWAP[parts.form] ?? '有限公司'}`);
    case 2:
      return cleanCompanyName(core(''));
    case 3:
      return cleanCompanyName(`${core(' ')} ${parts.form}`);
    case 4:
      return cleanCompanyName(
        `${core('')}集团${parts.form === '集团有限公司' ? '有限公司' : parts.form}`,
      );
    default:
      return cleanCompanyName(`${core('')}${parts.form}`);
  }
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character of a 组织机构代码 body (GB 11714-1997): 11 − (Σ wᵢcᵢ mod 11), 10 → X, 11 → 0. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8.charAt(i)) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A valid 18-character credit code for a company registered with the market regulator: '9' (工商) + '1'
 * (企业) + the district code + a 9-character organisation code (8 digits + its check) + the GB 32100 check.
 */
export function makeCreditCode(districtCode: string, orgSerial: number): string {
  const body = String(orgSerial % 100_000_000).padStart(8, '0');
  const first17 = `91${districtCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** An 11-digit mainland mobile number: a carrier prefix and an 8-digit serial. */
export function makeMobile(prefix: string, serial: number): string {
  return prefix + String(serial % 100_000_000).padStart(8, '0');
}
