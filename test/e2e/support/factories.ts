import { creditCodeCheckChar } from '../../../shared/validation/credit-code';

let counter = 0;
function unique(): number {
  counter += 1;
  return (Date.now() % 100000) * 100 + counter;
}

/** A valid 18-character credit code whose body is derived from `n` (check character computed). */
export function validCreditCode(n: number = unique()): string {
  const first17 = `91310115${String(n).padStart(9, '0').slice(-9)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The same code with a wrong check character. */
export function invalidCreditCode(): string {
  const valid = validCreditCode();
  const wrong = valid.endsWith('1') ? '2' : '1';
  return valid.slice(0, 17) + wrong;
}

export interface AccountData {
  name: string;
  creditCode: string;
}

export function buildAccount(overrides: Partial<AccountData> = {}): AccountData {
  const n = unique();
  return { name: `上海云杉信息技术${n}有限公司`, creditCode: validCreditCode(n), ...overrides };
}

export interface ContactData {
  name: string;
  title: string;
  mobile: string;
  role?: string;
}

export function buildContact(overrides: Partial<ContactData> = {}): ContactData {
  const n = unique();
  return {
    name: `联系人${n % 1000}`,
    title: '采购经理',
    mobile: `139${String(n).padStart(8, '0').slice(-8)}`,
    ...overrides,
  };
}
