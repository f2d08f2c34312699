import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiError,
  HistoryEntry,
  SessionResponse,
  SurveyAnswerResponse,
  SurveyLinkResponse,
} from '../../shared/sync';
import type { Activity, Contact, Ticket } from '../../shared/domain';
import { buildContact, buildTicket } from '../support/factories';
import { api, engineName, useTestServer } from './support/harness';

/**
 * Satisfaction surveys (issue 21; sync/server/surveys/survey-service.ts): an agent makes a one-time token for a
 * resolved ticket or a contact; the public post records the answer once (through the write path: history,
 * fan-out) and refuses the token after, also when two posts race.
 */
describe(`survey endpoints (${engineName})`, { timeout: 120_000 }, () => {
  const env = useTestServer({ collections: ['tickets', 'activities', 'contacts'] });
  let agent: SessionResponse;
  let team: string;

  beforeAll(async () => {
    team = await env.createTeam('客服');
    agent = await env.addUser('rep', team, 'agent');
    // Users are made over REST: slow on a busy machine.
  }, 60_000);

  const create = async <T>(collection: string, body: unknown): Promise<T> => {
    const res = await api<T>(
      env.server,
      'POST',
      `/api/records/${collection}`,
      body,
      agent.accessToken,
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const link = (kind: 'csat' | 'nps', recordId: string, token = agent.accessToken) =>
    api<SurveyLinkResponse>(env.server, 'POST', '/api/surveys/links', { kind, recordId }, token);
  const get = async <T>(collection: string, id: string): Promise<T> =>
    (
      await api<T>(
        env.server,
        'GET',
        `/api/records/${collection}/${id}`,
        undefined,
        env.admin.accessToken,
      )
    ).body;

  it('CSAT: a token is accepted once, refused after (410), and recorded on the ticket with history', async () => {
    const open = await create<Ticket>('tickets', buildTicket({ assigneeId: agent.user.id }));
    expect((await link('csat', open.id)).status).toBe(409);
    const ticket = await create<Ticket>(
      'tickets',
      buildTicket({ assigneeId: agent.user.id, status: 'resolved', resolvedAt: Date.now() }),
    );
    const made = await link('csat', ticket.id);
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^crmsv_/);

    const first = await api<SurveyAnswerResponse>(env.server, 'POST', '/api/surveys/csat', {
      token: made.body.token,
      score: 4,
      comment: '响应很快',
    });
    expect(first).toMatchObject({
      status: 201,
      body: { kind: 'csat', recordId: ticket.id, score: 4 },
    });
    const stored = await get<Ticket>('tickets', ticket.id);
    expect(stored).toMatchObject({ csat: 4, csatComment: '响应很快' });
    expect(stored.csatAt).toBeGreaterThan(0);

    const again = await api<{ error: ApiError }>(env.server, 'POST', '/api/surveys/csat', {
      token: made.body.token,
      score: 1,
    });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('survey_used');
    expect((await get<Ticket>('tickets', ticket.id)).csat).toBe(4);

    const history = await api<HistoryEntry[]>(
      env.server,
      'GET',
      `/api/records/tickets/${ticket.id}/history`,
      undefined,
      env.admin.accessToken,
    );
    expect(history.body.filter((l) => l.field === 'csat')).toHaveLength(1);
  });

  it('CSAT: two posts racing with one token record one answer; unknown and replaced tokens are 404', async () => {
    const ticket = await create<Ticket>('tickets', buildTicket({ status: 'closed' }));
    const replaced = await link('csat', ticket.id);
    const made = await link('csat', ticket.id);
    const answers = await Promise.all(
      [5, 2, 3].map((score) =>
        api<{ error: ApiError }>(env.server, 'POST', '/api/surveys/csat', {
          token: made.body.token,
          score,
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 410, 410]);
    const old = await api<{ error: ApiError }>(env.server, 'POST', '/api/surveys/csat', {
      token: replaced.body.token,
      score: 5,
    });
    expect(old.status).toBe(404);
    const bad = await api<{ error: ApiError }>(env.server, 'POST', '/api/surveys/csat', {
      token: 'crmsv_nothing-like-this',
      score: 5,
    });
    expect(bad.status).toBe(404);
    // A CSAT token cannot answer NPS.
    const wrongKind = await api<{ error: ApiError }>(env.server, 'POST', '/api/surveys/nps', {
      token: made.body.token,
      score: 5,
    });
    expect(wrongKind.status).toBe(404);
    expect(
      (
        await api<{ error: ApiError }>(env.server, 'POST', '/api/surveys/csat', {
          token: made.body.token,
          score: 9,
        })
      ).status,
    ).toBe(400);
  });

  it('NPS: the answer becomes an nps activity on the contact, once', async () => {
    const contact = await create<Contact>('contacts', buildContact({ accountId: 'acc-1' }));
    const made = await link('nps', contact.id);
    expect(made.status).toBe(201);
    const first = await api<SurveyAnswerResponse>(env.server, 'POST', '/api/surveys/nps', {
      token: made.body.token,
      score: 9,
      reason: '产品稳定',
    });
    expect(first.status).toBe(201);
    const activity = await get<Activity>('activities', first.body.recordId);
    expect(activity).toMatchObject({
      type: 'nps',
      npsScore: 9,
      body: '产品稳定',
      relatedType: 'contact',
      relatedId: contact.id,
      accountId: 'acc-1',
      teamId: contact.teamId,
    });
    const again = await api<{ error: ApiError }>(env.server, 'POST', '/api/surveys/nps', {
      token: made.body.token,
      score: 0,
    });
    expect(again.status).toBe(410);
  });

  it('links need a session and a record the caller sees', async () => {
    const res = await api<{ error: ApiError }>(env.server, 'POST', '/api/surveys/links', {
      kind: 'nps',
      recordId: 'x',
    });
    expect(res.status).toBe(401);
    expect((await link('nps', 'no-such-contact')).status).toBe(404);
  });
});
