import { describe, expect, it } from 'vitest';
import type { Lead } from '../../shared/domain';
import { buildActivity, buildLead } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';

const T1 = Date.UTC(2026, 2, 1, 9);
const T2 = Date.UTC(2026, 2, 5, 15);

/**
 * lastActivityAt (issue 18) over real sockets: an activity logged on one laptop, or written through the REST API
 * by something that knows nothing of the field, moves the lead's last activity on every laptop; deleting the
 * latest one brings it back to the one before.
 */
describe(`last activity follows activities (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['leads', 'activities'] });
  const storedLead = async (id: string) =>
    (
      await api<Lead>(
        env.server,
        'GET',
        `/api/records/leads/${id}`,
        undefined,
        env.admin.accessToken,
      )
    ).body;

  it('an activity pushed by one laptop updates the lead another laptop sees', async () => {
    const a = await env.connect(env.admin, { synced: true, validate: true });
    const b = await env.connect(env.admin, { synced: true, validate: true });
    const lead = await a.repos.leads.create(buildLead({ name: '最后跟进' }));
    await eventually(async () => expect(await b.repos.leads.get(lead.id)).not.toBeNull());

    await a.repos.activities.create(
      buildActivity({ relatedType: 'lead', relatedId: lead.id, occurredAt: T1 }),
    );
    await eventually(async () =>
      expect((await b.repos.leads.get(lead.id))?.lastActivityAt).toBe(T1),
    );
    expect((await storedLead(lead.id)).lastActivityAt).toBe(T1);
  });

  it('the server keeps it for REST activities, and recomputes when the latest is deleted', async () => {
    const laptop = await env.connect(env.admin, { synced: true });
    const lead = await laptop.repos.leads.create(buildLead());
    await eventually(async () => expect((await storedLead(lead.id)).id).toBe(lead.id));

    // A REST caller writes activities: it never touches the lead, the server does.
    const call = (occurredAt: number) =>
      api<{ id: string }>(
        env.server,
        'POST',
        '/api/records/activities',
        buildActivity({ relatedType: 'lead', relatedId: lead.id, occurredAt }),
        env.admin.accessToken,
      );
    expect((await call(T1)).status).toBe(201);
    const late = await call(T2);
    expect(late.status).toBe(201);
    expect((await storedLead(lead.id)).lastActivityAt).toBe(T2);
    await eventually(async () =>
      expect((await laptop.repos.leads.get(lead.id))?.lastActivityAt).toBe(T2),
    );

    const removed = await api(
      env.server,
      'DELETE',
      `/api/records/activities/${late.body.id}`,
      undefined,
      env.admin.accessToken,
    );
    expect(removed.status).toBe(200);
    expect((await storedLead(lead.id)).lastActivityAt).toBe(T1);
    await eventually(async () =>
      expect((await laptop.repos.leads.get(lead.id))?.lastActivityAt).toBe(T1),
    );
  });

  it('a lead pushed with an older lastActivityAt does not lower the stored one', async () => {
    const laptop = await env.connect(env.admin, { synced: true });
    const lead = await laptop.repos.leads.create(buildLead());
    // The server must hold the lead before the activity raises it (the laptop pushes it in the background).
    await eventually(async () => expect((await storedLead(lead.id)).id).toBe(lead.id));
    await api(
      env.server,
      'POST',
      '/api/records/activities',
      buildActivity({ relatedType: 'lead', relatedId: lead.id, occurredAt: T2 }),
      env.admin.accessToken,
    );
    const patched = await api<Lead>(
      env.server,
      'PATCH',
      `/api/records/leads/${lead.id}`,
      { notes: '旧副本', lastActivityAt: T1 },
      env.admin.accessToken,
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ notes: '旧副本', lastActivityAt: T2 });
  });
});
