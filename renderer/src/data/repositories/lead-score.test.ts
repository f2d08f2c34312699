import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_SCORING } from '@shared/domain';
import type { CrmDatabase } from '../database';
import { buildActivity, buildComment, buildLead } from '../../../../test/support/factories';
import type { Repositories } from './index';
import { openTestReplica } from '../test-replica';

let db: CrmDatabase;
let repos: Repositories;
let now: () => number;

beforeEach(async () => {
  ({ db, repos, now } = await openTestReplica());
});
afterEach(async () => {
  await db.close();
});

/** A website lead with only a name and a mobile: 10 (source) + 10 (mobile) = 20 under the defaults. */
const plainLead = () =>
  buildLead({ source: 'website', company: '', title: '', email: '', industry: '', region: '' });

describe('lead scoring in the replica (issue 19)', () => {
  it('scores a new lead and scores it again when it changes, whatever score was typed', async () => {
    const lead = await repos.leads.create({ ...plainLead(), score: 99 });
    expect(lead).toMatchObject({ score: 20, qualification: '' });
    // + company 5, title 5, industry 5 and section C 10 = 45: an MQL.
    const edited = await repos.leads.update(lead.id, {
      company: '苏州精工机械有限公司',
      title: '采购经理',
      industry: 'C34',
    });
    expect(edited).toMatchObject({ score: 45, qualification: 'mql' });
  });

  it('a logged call raises the score (engagement) without touching updatedAt; deleting it lowers it', async () => {
    const lead = await repos.leads.create(plainLead());
    const call = await repos.activities.create(
      buildActivity({ relatedType: 'lead', relatedId: lead.id, occurredAt: now() }),
    );
    const after = await repos.leads.get(lead.id);
    expect(after).toMatchObject({ score: 30, qualification: '' });
    expect(after?.updatedAt).toBe(lead.updatedAt);
    // Two more: 3 × 10 = 30 engagement (the cap) → 50, an MQL. A comment does not count.
    for (let i = 0; i < 2; i++)
      await repos.activities.create(
        buildActivity({ relatedType: 'lead', relatedId: lead.id, occurredAt: now() }),
      );
    await repos.activities.create(
      buildComment({ relatedType: 'lead', relatedId: lead.id, occurredAt: now() }),
    );
    expect(await repos.leads.get(lead.id)).toMatchObject({ score: 50, qualification: 'mql' });
    await repos.activities.softDelete(call.id);
    expect(await repos.leads.get(lead.id)).toMatchObject({ score: 40, qualification: 'mql' });
  });

  it('an activity older than the engagement window gives no points', async () => {
    const lead = await repos.leads.create(plainLead());
    await repos.activities.create(
      buildActivity({
        relatedType: 'lead',
        relatedId: lead.id,
        occurredAt: now() - 31 * 86_400_000,
      }),
    );
    expect((await repos.leads.get(lead.id))?.score).toBe(20);
  });

  it('keeps a typed score when scoring is off, and rescores every lead when the thresholds change', async () => {
    await repos.settings.saveLeadScoring({ ...DEFAULT_LEAD_SCORING, enabled: false });
    const typed = await repos.leads.create({ ...plainLead(), score: 77 });
    expect(typed).toMatchObject({ score: 77, qualification: '' });
    await repos.settings.saveLeadScoring({ ...DEFAULT_LEAD_SCORING, mqlThreshold: 20 });
    expect(await repos.leads.rescoreAll()).toBe(1);
    expect(await repos.leads.get(typed.id)).toMatchObject({ score: 20, qualification: 'mql' });
    expect(await repos.leads.rescoreAll()).toBe(0);
  });
});
