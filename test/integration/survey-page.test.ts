import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, SurveyLinkResponse } from '../../shared/sync';
import { surveyPageUrl } from '../../shared/sync';
import type { Contact, Ticket } from '../../shared/domain';
import { buildContact, buildTicket } from '../support/factories';
import { api, engineName, useTestServer } from './support/harness';

/**
 * The customer-facing survey pages (issue 21; sync/server/surveys/survey-page.ts) over real HTTP: the page of an
 * unused link has the form (in the customer's language) under a CSP that allows exactly its own script and
 * style; once the link is answered, the same page says it was used; an unknown link says it is not valid.
 */
describe(`survey pages (${engineName})`, { timeout: 120_000 }, () => {
  const env = useTestServer({ collections: ['tickets', 'activities', 'contacts'] });
  let agent: SessionResponse;

  beforeAll(async () => {
    agent = await env.addUser('rep', await env.createTeam('客服'), 'agent');
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
  const link = async (kind: 'csat' | 'nps', recordId: string): Promise<string> => {
    const res = await api<SurveyLinkResponse>(
      env.server,
      'POST',
      '/api/surveys/links',
      { kind, recordId },
      agent.accessToken,
    );
    expect(res.status).toBe(201);
    return surveyPageUrl(env.server.url, kind, res.body.token);
  };
  const open = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { headers });
    return { response, html: await response.text() };
  };
  const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

  it('CSAT: the form in Chinese under a strict CSP; answered once, then the page says the link was used', async () => {
    const ticket = await create<Ticket>(
      'tickets',
      buildTicket({ assigneeId: agent.user.id, status: 'resolved', resolvedAt: Date.now() }),
    );
    const url = await link('csat', ticket.id);
    expect(url).toMatch(/\/survey\/csat\?token=crmsv_/);

    const { response, html } = await open(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('您对这次服务的满意程度如何？');
    expect(html).toContain('data-endpoint="/api/surveys/csat"');
    for (const score of [1, 5]) expect(html).toContain(`data-testid="survey-score-${score}"`);
    expect(html).not.toContain('survey-score-0');

    // The CSP allows the page's own inline script and style by hash, nothing else.
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`script-src 'sha256-${sha256(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha256(style)}'`);
    expect(html).not.toMatch(/\s(style|on[a-z]+)="/);

    const token = new URL(url).searchParams.get('token');
    const answered = await api(env.server, 'POST', '/api/surveys/csat', { token, score: 5 });
    expect(answered.status).toBe(201);

    const again = await open(url, { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' });
    expect(again.response.status).toBe(410);
    expect(again.html).toContain('<html lang="en">');
    expect(again.html).toContain('This survey link was already used or has expired');
    expect(again.html).not.toContain('<form');
    expect(again.html).not.toContain('<script>');
  });

  it('NPS: 0–10 in English by ?lang=, whatever the browser prefers', async () => {
    const contact = await create<Contact>('contacts', buildContact({ accountId: 'acc-1' }));
    const url = await link('nps', contact.id);
    const { response, html } = await open(`${url}&lang=en`, { 'accept-language': 'zh-CN' });
    expect(response.status).toBe(200);
    expect(html).toContain('How likely are you to recommend us to a friend or colleague?');
    expect(html).toContain('data-endpoint="/api/surveys/nps"');
    expect(html).toContain('data-text-field="reason"');
    for (const score of [0, 10]) expect(html).toContain(`data-testid="survey-score-${score}"`);
  });

  it('an unknown, missing or wrong-kind token gets a page saying the link is not valid', async () => {
    const ticket = await create<Ticket>('tickets', buildTicket({ status: 'closed' }));
    const csatUrl = await link('csat', ticket.id);
    const token = new URL(csatUrl).searchParams.get('token') ?? '';
    for (const path of [
      '/survey/csat?token=crmsv_nothing-like-this',
      '/survey/nps',
      `/survey/nps?token=${encodeURIComponent(token)}`,
      '/survey/csat?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    ]) {
      const { response, html } = await open(env.server.url + path);
      expect(response.status, path).toBe(404);
      expect(html, path).toContain('这个调查链接无效或已被新的链接取代');
      expect(html, path).not.toContain('<form');
      expect(html, path).not.toContain('alert(1)');
    }
    // The link itself was not used up by being looked at.
    expect((await open(csatUrl)).response.status).toBe(200);
  });
});
