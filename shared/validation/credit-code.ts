import { ValidationMessage } from './messages';

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-symbol alphabet
 * (digits and upper-case letters without I, O, Z, S, V). Positions 3–8 are the administrative division
 * code (digits). The last character is a mod-31 check over the first 17 with fixed weights.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Upper-cases and removes spaces and dashes people paste from business licences. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Computes the check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`invalid credit code character: ${first17.charAt(i)}`);
    sum += value * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET.charAt(check);
}

export type CreditCodeCheck = { ok: true; value: string } | { ok: false; message: string };

/** Validates a credit code (after normalizing) and says which rule failed. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const value = normalizeCreditCode(input);
  if (!SHAPE.test(value)) return { ok: false, message: ValidationMessage.creditCodeFormat };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, message: ValidationMessage.creditCodeChecksum };
  }
  return { ok: true, value };
}

export function isValidCreditCode(input: string): boolean {
  return checkCreditCode(input).ok;
}
