import { describe, expect, it } from 'vitest';
import {
  contractNumberingProblem,
  contractNumberRefusal,
  nextContractNumber,
  parseContractNumberPattern,
  type ContractNumberingRule,
} from './contract-number';

const yearly: ContractNumberingRule = { pattern: 'HT-{YYYY}{MM}-{SEQ:4}', reset: 'yearly' };
const monthly: ContractNumberingRule = { pattern: 'HT-{YYYY}{MM}-{SEQ:4}', reset: 'monthly' };

describe('parseContractNumberPattern', () => {
  it('splits literal text and tokens', () => {
    expect(parseContractNumberPattern('HT-{YY}/{SEQ:3}')).toEqual({
      ok: true,
      parts: [
        { kind: 'text', text: 'HT-' },
        { kind: 'YY' },
        { kind: 'text', text: '/' },
        { kind: 'SEQ', digits: 3 },
      ],
    });
  });

  it('says what is wrong with a pattern', () => {
    const problem = (pattern: string) => {
      const parsed = parseContractNumberPattern(pattern);
      return parsed.ok ? null : parsed.problem;
    };
    expect(problem('  ')).toBe('empty');
    expect(problem('HT-{YYY}-{SEQ:4}')).toBe('unknownToken');
    expect(problem('HT-{YYYY-{SEQ:4}')).toBe('unknownToken');
    expect(problem('HT-}{SEQ:4}')).toBe('unknownToken');
    expect(problem('HT-{YYYY}')).toBe('noSequence');
    expect(problem('{SEQ:2}-{SEQ:2}')).toBe('twoSequences');
    expect(problem('HT-{SEQ:0}')).toBe('sequenceDigits');
    expect(problem('HT-{SEQ:11}')).toBe('sequenceDigits');
    expect(problem('HT-{SEQ}')).toBeNull();
  });

  it('needs the date tokens that tell a restarting sequence’s periods apart', () => {
    expect(contractNumberingProblem({ pattern: 'HT-{SEQ:4}', reset: 'yearly' })).toBe(
      'resetNeedsYear',
    );
    expect(contractNumberingProblem({ pattern: 'HT-{YYYY}-{SEQ:4}', reset: 'monthly' })).toBe(
      'resetNeedsMonth',
    );
    expect(contractNumberingProblem({ pattern: 'HT-{SEQ:4}', reset: 'never' })).toBeNull();
    expect(contractNumberingProblem(yearly)).toBeNull();
    expect(contractNumberingProblem(monthly)).toBeNull();
  });
});

describe('nextContractNumber', () => {
  it('starts at 1, padded', () => {
    expect(nextContractNumber(yearly, [], '2026-12-07')).toBe('HT-202612-0001');
    expect(
      nextContractNumber({ pattern: '{YY}{MM}{DD}-{SEQ:2}', reset: 'never' }, [], '2026-03-05'),
    ).toBe('260305-01');
  });

  it('follows the highest sequence of the period, leaving gaps alone', () => {
    expect(
      nextContractNumber(
        yearly,
        ['HT-202601-0001', 'HT-202611-0007', 'HT-202612-0003'],
        '2026-12-07',
      ),
    ).toBe('HT-202612-0008');
  });

  it('restarts with the year, or the month', () => {
    const numbers = ['HT-202612-0041', 'HT-202611-0040'];
    expect(nextContractNumber(yearly, numbers, '2027-01-02')).toBe('HT-202701-0001');
    expect(nextContractNumber(monthly, numbers, '2026-12-20')).toBe('HT-202612-0042');
    expect(nextContractNumber(monthly, numbers, '2027-01-02')).toBe('HT-202701-0001');
    // Monthly: December 2025's sequence is another period than December 2026's.
    expect(nextContractNumber(monthly, ['HT-202512-0009'], '2026-12-01')).toBe('HT-202612-0001');
  });

  it('never restarts when told so', () => {
    const never: ContractNumberingRule = { pattern: 'C{YY}-{SEQ:3}', reset: 'never' };
    expect(nextContractNumber(never, ['C25-099'], '2026-01-01')).toBe('C26-100');
  });

  it('reads two-digit years for a yearly reset', () => {
    const rule: ContractNumberingRule = { pattern: 'C{YY}-{SEQ:3}', reset: 'yearly' };
    expect(nextContractNumber(rule, ['C25-099', 'C26-004'], '2026-06-01')).toBe('C26-005');
  });

  it('grows past the padding instead of wrapping', () => {
    const rule: ContractNumberingRule = { pattern: 'N{SEQ:2}', reset: 'never' };
    expect(nextContractNumber(rule, ['N99'], '2026-01-01')).toBe('N100');
    expect(nextContractNumber(rule, ['N100'], '2026-01-01')).toBe('N101');
  });

  it('ignores numbers the pattern did not make', () => {
    expect(
      nextContractNumber(
        yearly,
        ['合同-1', 'HT-202612-12', 'HT-2026-0099', 'XHT-202612-0050', ' HT-202612-0002 '],
        '2026-12-07',
      ),
    ).toBe('HT-202612-0003');
  });

  it('escapes literal text that means something in a regular expression', () => {
    const rule: ContractNumberingRule = { pattern: '(HT).{YYYY}+{SEQ:3}', reset: 'yearly' };
    expect(nextContractNumber(rule, ['(HT).2026+007', 'HTx2026+900'], '2026-02-01')).toBe(
      '(HT).2026+008',
    );
  });

  it('gives nothing for an unusable rule', () => {
    expect(nextContractNumber({ pattern: 'HT', reset: 'never' }, [], '2026-01-01')).toBeNull();
  });
});

describe('contractNumberRefusal', () => {
  const c = (id: string, number: string, deleted = false) => ({ id, number, deleted });
  it('refuses a number another live contract has', () => {
    expect(contractNumberRefusal(null, c('new', ' HT-1 '), [c('c1', 'HT-1')])).toEqual({
      reason: 'contractNumberTaken',
      existingId: 'c1',
      number: 'HT-1',
    });
  });
  it('lets a contract keep its number, and ignores deleted ones', () => {
    expect(contractNumberRefusal(c('c2', 'HT-1'), c('c2', 'HT-1'), [c('c1', 'HT-1')])).toBeNull();
    expect(contractNumberRefusal(null, c('c1', 'HT-1'), [c('c1', 'HT-1')])).toBeNull();
    expect(contractNumberRefusal(null, c('new', 'HT-1'), [c('c1', 'HT-1', true)])).toBeNull();
    expect(contractNumberRefusal(null, c('new', 'HT-1', true), [c('c1', 'HT-1')])).toBeNull();
  });
  it('refuses a change to a taken number, and restoring a deleted contract onto one', () => {
    expect(
      contractNumberRefusal(c('c2', 'HT-2'), c('c2', 'HT-1'), [c('c1', 'HT-1')])?.existingId,
    ).toBe('c1');
    expect(
      contractNumberRefusal(c('c2', 'HT-1', true), c('c2', 'HT-1'), [c('c1', 'HT-1')])?.existingId,
    ).toBe('c1');
  });
});
