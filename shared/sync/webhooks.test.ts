import { describe, expect, it } from 'vitest';
import {
  eventsOfChange,
  hookWants,
  nextAttemptDelay,
  signWebhook,
  subscriptionMatches,
  verifyWebhook,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_MS,
} from './webhooks';

const secret = 'whsec_test';
const body = '{"id":"d1","event":"record.created"}';

describe('signWebhook / verifyWebhook', () => {
  it('signs "<t>.<body>" with HMAC-SHA256, as any receiver can recompute it', async () => {
    const header = await signWebhook(secret, body, 1_700_000_000.9);
    // openssl/Node: HMAC-SHA256(key 'whsec_test', '1700000000.' + body), hex
    const expected = '4ffa1bbaa9f2b08cc34aa3b8d7a33dc68bbe27d3990ea0ed0c70cceedd724955';
    expect(header).toBe(`t=1700000000,v1=${expected}`);
  });

  it('accepts its own signature within the tolerance', async () => {
    const header = await signWebhook(secret, body, 1_700_000_000);
    await expect(
      verifyWebhook({ secret, body, header, nowSeconds: 1_700_000_299 }),
    ).resolves.toEqual({ ok: true, timestamp: 1_700_000_000 });
  });

  it('refuses a timestamp older than 5 minutes (a replay), even with a valid signature', async () => {
    const header = await signWebhook(secret, body, 1_700_000_000);
    await expect(
      verifyWebhook({ secret, body, header, nowSeconds: 1_700_000_301 }),
    ).resolves.toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a changed body, another secret, or a timestamp swapped into the header', async () => {
    const header = await signWebhook(secret, body, 1_700_000_000);
    const now = 1_700_000_010;
    expect(await verifyWebhook({ secret, body: `${body} `, header, nowSeconds: now })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(await verifyWebhook({ secret: 'other', body, header, nowSeconds: now })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const moved = header.replace('t=1700000000', 't=1700000005');
    expect(await verifyWebhook({ secret, body, header: moved, nowSeconds: now })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses missing or malformed headers', async () => {
    for (const header of [undefined, '', 'v1=abc', 't=abc,v1=00', 't=1700000000'])
      expect(await verifyWebhook({ secret, body, header, nowSeconds: 1_700_000_000 })).toEqual({
        ok: false,
        reason: 'malformed',
      });
  });
});

describe('nextAttemptDelay', () => {
  it('backs off 10 s, 1 min, 5 min, 30 min, 2 h … and gives up after the last attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => nextAttemptDelay(n))).toEqual([
      10_000, 60_000, 300_000, 1_800_000, 7_200_000,
    ]);
    expect(nextAttemptDelay(WEBHOOK_MAX_ATTEMPTS - 1)).toBe(WEBHOOK_RETRY_DELAYS_MS.at(-1));
    expect(nextAttemptDelay(WEBHOOK_MAX_ATTEMPTS)).toBeNull();
  });

  it('repeats the last delay of a short schedule up to the attempt limit (tests)', () => {
    expect([1, 2, 3, 4].map((n) => nextAttemptDelay(n, [100, 200], 5))).toEqual([
      100, 200, 200, 200,
    ]);
    expect(nextAttemptDelay(5, [100, 200], 5)).toBeNull();
  });
});

describe('event selection', () => {
  it('a record change makes its record event; a deal entering a won stage also makes deal.won', () => {
    expect(eventsOfChange({ collection: 'accounts', action: 'created' })).toEqual([
      { event: 'record.created', collection: 'accounts', action: 'created' },
    ]);
    expect(
      eventsOfChange({
        collection: 'deals',
        action: 'updated',
        status: 'won',
        statusBefore: 'open',
      }),
    ).toEqual([
      { event: 'record.updated', collection: 'deals', action: 'updated' },
      { event: 'deal.won', collection: 'deals' },
    ]);
    expect(
      eventsOfChange({ collection: 'deals', action: 'created', status: 'won' }).map((e) => e.event),
    ).toEqual(['record.created', 'deal.won']);
  });

  it('a deal already won, edited again or deleted, is not won again', () => {
    expect(
      eventsOfChange({
        collection: 'deals',
        action: 'updated',
        status: 'won',
        statusBefore: 'won',
      }),
    ).toHaveLength(1);
    expect(
      eventsOfChange({
        collection: 'deals',
        action: 'deleted',
        status: 'won',
        statusBefore: 'open',
      }),
    ).toHaveLength(1);
  });

  it('a lead given its owner by the assignment rules makes lead.assigned, once', () => {
    const events = (change: {
      action: 'created' | 'updated';
      assignedAt: number;
      assignedAtBefore?: number;
    }) => eventsOfChange({ collection: 'leads', ...change }).map((e) => e.event);
    expect(events({ action: 'created', assignedAt: 1_000 })).toEqual([
      'record.created',
      'lead.assigned',
    ]);
    expect(events({ action: 'created', assignedAt: 0 })).toEqual(['record.created']);
    expect(events({ action: 'updated', assignedAt: 1_000, assignedAtBefore: 0 })).toEqual([
      'record.updated',
      'lead.assigned',
    ]);
    // Another edit of an assigned lead is not a new assignment.
    expect(events({ action: 'updated', assignedAt: 1_000, assignedAtBefore: 1_000 })).toEqual([
      'record.updated',
    ]);
  });

  it('an approval leaving pending makes approval.decided; a step decided within a route does not', () => {
    const events = (status: string, statusBefore?: string) =>
      eventsOfChange({ collection: 'approvals', action: 'updated', status, statusBefore }).map(
        (e) => e.event,
      );
    expect(events('approved', 'pending')).toEqual(['record.updated', 'approval.decided']);
    expect(events('rejected', 'pending')).toEqual(['record.updated', 'approval.decided']);
    expect(events('pending', 'pending')).toEqual(['record.updated']);
    expect(events('approved', 'approved')).toEqual(['record.updated']);
  });

  it('subscriptions match by collection and action pairs, wildcards, or event name', () => {
    const created = { event: 'record.created', collection: 'accounts', action: 'created' } as const;
    const won = { event: 'deal.won', collection: 'deals' } as const;
    expect(subscriptionMatches({ collection: 'accounts', action: 'created' }, created)).toBe(true);
    expect(subscriptionMatches({ collection: 'accounts', action: 'updated' }, created)).toBe(false);
    expect(subscriptionMatches({ collection: 'contacts', action: '*' }, created)).toBe(false);
    expect(subscriptionMatches({ collection: '*', action: 'created' }, created)).toBe(true);
    expect(subscriptionMatches({ collection: '*', action: '*' }, won)).toBe(false);
    expect(subscriptionMatches({ event: 'deal.won' }, won)).toBe(true);
    expect(subscriptionMatches({ event: 'record.created' }, created)).toBe(true);
    expect(subscriptionMatches({ event: '*' }, won)).toBe(true);
    expect(
      hookWants([{ event: 'lead.assigned' }, { collection: 'accounts', action: '*' }], created),
    ).toBe(true);
    expect(hookWants([], created)).toBe(false);
  });
});
