import { describe, expect, it } from 'vitest';
import type { Contact } from '../domain/entities';
import { buildBareDeal, buildContact, withMeta } from '../../test/support/factories';
import { decisionChainOrder, decisionMakerCandidates } from './decision-chain';

function contact(id: string, overrides: Partial<Contact> = {}): Contact {
  return {
    ...withMeta(buildContact({ accountId: 'acc-1', name: id }), {
      id,
      workspaceId: 'local',
      by: 'u1',
    }),
    ...overrides,
  };
}

describe('decisionMakerCandidates', () => {
  const deal = buildBareDeal({ accountId: 'acc-1', decisionMakerId: '' });

  it('offers the account contacts tagged 决策人, highest decision power first', () => {
    const contacts = [
      contact('王芳', { decisionRole: 'decisionMaker', decisionPower: 'medium' }),
      contact('陈刚', { decisionRole: 'technicalBuyer', decisionPower: 'high' }),
      contact('李总', { decisionRole: 'decisionMaker', decisionPower: 'high' }),
      contact('赵敏', { decisionRole: '' }),
    ];
    expect(decisionMakerCandidates(deal, contacts).map((c) => c.id)).toEqual(['李总', '王芳']);
  });

  it('ignores contacts of other accounts and deleted contacts', () => {
    const contacts = [
      contact('a', { decisionRole: 'decisionMaker', accountId: 'acc-2' }),
      contact('b', { decisionRole: 'decisionMaker', deleted: true }),
      contact('c', { decisionRole: 'decisionMaker' }),
    ];
    expect(decisionMakerCandidates(deal, contacts).map((c) => c.id)).toEqual(['c']);
  });

  it('offers nobody when the deal already has a decision maker or no account', () => {
    const contacts = [contact('c', { decisionRole: 'decisionMaker' })];
    expect(decisionMakerCandidates({ ...deal, decisionMakerId: 'c' }, contacts)).toEqual([]);
    expect(decisionMakerCandidates({ ...deal, accountId: '' }, contacts)).toEqual([]);
  });

  it('offers nobody when no contact is tagged 决策人', () => {
    const contacts = [contact('c', { decisionRole: 'economicBuyer' }), contact('d')];
    expect(decisionMakerCandidates(deal, contacts)).toEqual([]);
  });
});

describe('decisionChainOrder', () => {
  it('puts decision makers first, then the other roles in list order, then contacts without a role', () => {
    const contacts = [
      contact('none', { decisionRole: '' }),
      contact('user', { decisionRole: 'user' }),
      contact('dm-low', { decisionRole: 'decisionMaker', decisionPower: 'low' }),
      contact('buyer', { decisionRole: 'economicBuyer' }),
      contact('dm-high', { decisionRole: 'decisionMaker', decisionPower: 'high' }),
      contact('gone', { decisionRole: 'decisionMaker', deleted: true }),
    ];
    expect(decisionChainOrder(contacts).map((c) => c.id)).toEqual([
      'dm-high',
      'dm-low',
      'buyer',
      'user',
      'none',
    ]);
  });
});
