import { describe, expect, it } from 'vitest';
import { dealSchema, contactSchema, fieldPolicyValueSchema, settingValueSchemas } from '../domain';
import { buildContact, buildDeal, withMeta } from '../../test/support/factories';
import {
  hiddenFields,
  maskingVersion,
  maskRecord,
  NO_FIELD_POLICY,
  parseFieldPolicy,
  type FieldPolicy,
  type FieldViewer,
} from './field-policy';

const viewer = (role: FieldViewer['role'], teamIds: string[], userId = 'me'): FieldViewer => ({
  userId,
  role,
  teamIds,
});

// Deal amounts: managers everywhere, and the record's own team; mobiles: managers only.
const policy: FieldPolicy = {
  rules: [
    { collection: 'deals', field: 'amount', roles: ['manager'], ownTeam: true },
    { collection: 'contacts', field: 'mobile', roles: ['manager'], ownTeam: false },
  ],
};
const deal = (teamId: string, ownerId = 'someone') =>
  withMeta(
    buildDeal({
      teamId,
      ownerId,
      amount: 120_000,
      lineItems: [{ id: 'l1', product: '服务器', quantity: 1, unitPrice: 120_000, discount: 0 }],
    }),
    { id: 'd1', workspaceId: 'w', by: 'creator' },
  );

describe('hiddenFields', () => {
  it('hides nothing without a policy, and nothing from admins', () => {
    expect(hiddenFields(viewer('rep', ['south']), NO_FIELD_POLICY, 'deals', deal('north'))).toEqual(
      [],
    );
    expect(hiddenFields(viewer('admin', []), policy, 'deals', deal('north'))).toEqual([]);
  });

  it("hides a deal's amount and the lines it is the total of from another team's rep", () => {
    expect(hiddenFields(viewer('rep', ['south']), policy, 'deals', deal('north'))).toEqual([
      'amount',
      'lineItems',
    ]);
    // A workspace-wide deal ('' team) is nobody's own team.
    expect(hiddenFields(viewer('rep', ['south']), policy, 'deals', deal(''))).toEqual([
      'amount',
      'lineItems',
    ]);
  });

  it("shows it to the record's own team, its owner and the roles the rule names", () => {
    expect(hiddenFields(viewer('rep', ['north']), policy, 'deals', deal('north'))).toEqual([]);
    expect(hiddenFields(viewer('rep', ['south']), policy, 'deals', deal('', 'me'))).toEqual([]);
    expect(hiddenFields(viewer('manager', ['company']), policy, 'deals', deal('north'))).toEqual(
      [],
    );
  });

  it('without ownTeam, hides the field from everyone not named (own team included)', () => {
    const contact = withMeta(buildContact({ teamId: 'north', ownerId: 'me' }), {
      id: 'c1',
      by: 'creator',
      workspaceId: 'w',
    });
    expect(hiddenFields(viewer('rep', ['north']), policy, 'contacts', contact)).toEqual(['mobile']);
    expect(hiddenFields(viewer('manager', ['north']), policy, 'contacts', contact)).toEqual([]);
  });

  it('ignores collections that cannot be restricted', () => {
    expect(hiddenFields(viewer('rep', []), policy, 'activities', { teamId: 'x' })).toEqual([]);
  });
});

describe('maskRecord', () => {
  it('replaces hidden values by neutral ones the schema accepts, and keeps the rest', () => {
    const stored = deal('north');
    const masked = maskRecord(viewer('rep', ['south']), policy, 'deals', stored);
    expect(masked.amount).toBe(0);
    expect(masked.lineItems).toEqual([]);
    expect(masked.name).toBe(stored.name);
    expect(dealSchema.safeParse(masked).success).toBe(true);
    expect(stored.amount).toBe(120_000);
  });

  it('returns the record itself when nothing is hidden', () => {
    const stored = deal('north');
    expect(maskRecord(viewer('rep', ['north']), policy, 'deals', stored)).toBe(stored);
  });

  it("masks a contact's mobile to '' (a valid empty mobile)", () => {
    const contact = withMeta(buildContact({ teamId: 'north', mobile: '13800138000' }), {
      id: 'c1',
      by: 'creator',
      workspaceId: 'w',
    });
    const masked = maskRecord(viewer('rep', ['north']), policy, 'contacts', contact);
    expect(masked.mobile).toBe('');
    expect(contactSchema.safeParse(masked).success).toBe(true);
  });
});

describe('maskingVersion', () => {
  it('is empty when nothing can be hidden from the viewer', () => {
    expect(maskingVersion(viewer('rep', ['north']), NO_FIELD_POLICY, 'deals')).toBe('');
    expect(maskingVersion(viewer('admin', []), policy, 'deals')).toBe('');
    expect(maskingVersion(viewer('manager', ['north']), policy, 'deals')).toBe('');
    expect(maskingVersion(viewer('rep', ['north']), policy, 'activities')).toBe('');
  });

  it('changes with the rules and with the teams an own-team rule depends on', () => {
    const rep = maskingVersion(viewer('rep', ['north']), policy, 'deals');
    expect(rep).not.toBe('');
    expect(maskingVersion(viewer('rep', ['north']), policy, 'deals')).toBe(rep);
    expect(maskingVersion(viewer('rep', ['south']), policy, 'deals')).not.toBe(rep);
    const wider: FieldPolicy = {
      rules: [...policy.rules, { collection: 'deals', field: 'budget', roles: [], ownTeam: true }],
    };
    expect(maskingVersion(viewer('rep', ['north']), wider, 'deals')).not.toBe(rep);
  });
});

describe('the fieldPolicy setting', () => {
  it('accepts restrictable fields and refuses others, naming the field', () => {
    expect(settingValueSchemas.fieldPolicy.safeParse(policy).success).toBe(true);
    const bad = fieldPolicyValueSchema.safeParse({
      rules: [{ collection: 'deals', field: 'name', roles: [], ownTeam: false }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['rules', 0, 'field']);
  });

  it('reads a stored value that is not a policy as no restriction', () => {
    expect(parseFieldPolicy(undefined)).toEqual(NO_FIELD_POLICY);
    expect(parseFieldPolicy({ rules: 'all' })).toEqual(NO_FIELD_POLICY);
    expect(parseFieldPolicy(policy)).toEqual(policy);
  });
});
