/**
 * Mainland China mobile numbers: 11 digits starting with 1 and a second digit 3–9 (MIIT numbering plan).
 * People type them with spaces, dashes or a +86 / 0086 prefix; we store the bare 11 digits.
 */
const MOBILE = /^1[3-9]\d{9}$/;

export function normalizeMobile(input: string): string {
  const digits = input.replace(/[\s\-()（）]/g, '');
  return digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
}

export function isValidMobile(input: string): boolean {
  return MOBILE.test(normalizeMobile(input));
}
