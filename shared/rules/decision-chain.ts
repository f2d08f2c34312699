import type { Contact, Deal } from '../domain/entities';
import { DECISION_POWERS, DECISION_ROLES } from '../domain/lists';

/**
 * The decision chain (决策链) of a deal: the contacts of its account tagged with a decision role. Issue 16: the
 * stage gate asked for the deal's own 决策人 field even when a contact of the account was tagged 决策人; these
 * rules say which contacts can fill that field, so the gate dialog (and the deal form) can offer them.
 */

type ChainContact = Pick<
  Contact,
  'id' | 'accountId' | 'name' | 'decisionRole' | 'decisionPower'
> & {
  deleted?: boolean;
};

const rank = <T>(list: readonly T[], value: T | '') => {
  const index = list.indexOf(value as T);
  return index < 0 ? list.length : index;
};

function byPowerThenName<C extends ChainContact>(a: C, b: C): number {
  return (
    rank(DECISION_POWERS, a.decisionPower) - rank(DECISION_POWERS, b.decisionPower) ||
    a.name.localeCompare(b.name, 'zh-CN')
  );
}

/**
 * Contacts that can fill a deal's missing decision maker (`decisionMakerId`): the live contacts of the deal's
 * account whose decision role is `decisionMaker` (决策人), highest decision power first, then by name. Empty
 * when the deal already has a decision maker or has no account, so a caller can offer the list whenever it is
 * not empty. Contacts of other accounts are ignored (a deal's decision maker belongs to its account).
 */
export function decisionMakerCandidates<C extends ChainContact>(
  deal: Pick<Deal, 'accountId' | 'decisionMakerId'>,
  contacts: readonly C[],
): C[] {
  if (deal.decisionMakerId.trim() !== '' || deal.accountId === '') return [];
  return contacts
    .filter(
      (c) => !c.deleted && c.accountId === deal.accountId && c.decisionRole === 'decisionMaker',
    )
    .sort(byPowerThenName);
}

/**
 * An account's contacts in decision-chain order, for a decision-maker picker: decision makers first, then the
 * other decision roles in their list order (economic buyer, technical buyer …), then contacts without a role;
 * within a role, highest decision power first, then by name. Deleted contacts are left out.
 */
export function decisionChainOrder<C extends ChainContact>(contacts: readonly C[]): C[] {
  return contacts
    .filter((c) => !c.deleted)
    .sort(
      (a, b) =>
        rank(DECISION_ROLES, a.decisionRole) - rank(DECISION_ROLES, b.decisionRole) ||
        byPowerThenName(a, b),
    );
}
