import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { memberToken } from '../../shared/rules';
import { RejectReason } from '../../shared/sync';
import { buildAccount, buildComment } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';
import { RawPusher } from './support/raw-sync';

/**
 * Comments follow their record's scope (issue 18, shared/rules/comments.ts): a comment is stored in its record's
 * team whatever team its client names, so a rep of another team never receives it; when the record moves to
 * another team its comments move along (and leave the old team's replicas). Only its author edits a comment.
 */
describe(`comments follow their record (${engineName})`, { timeout: 90_000 }, () => {
  const env = useTestServer({ collections: ['accounts', 'activities'] });

  const createAccount = async (name: string, ownerId: string) => {
    const created = await api<Account>(
      env.server,
      'POST',
      '/api/records/accounts',
      { ...buildAccount({ name }), ownerId },
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    return created.body;
  };
  const target = (account: Account) => ({
    collection: 'accounts' as const,
    id: account.id,
    teamId: account.teamId,
    accountId: account.id,
  });

  it('a rep of another team never receives a comment, until the record moves to their team', async () => {
    const north = await env.createTeam('华北评论');
    const south = await env.createTeam('华南评论');
    const northRep = await env.addUser('rep', north, 'north-commenter');
    const northPeer = await env.addUser('rep', north, 'north-peer');
    const southRep = await env.addUser('rep', south, 'south-reader');
    const northAccount = await createAccount('北京评论客户有限公司', northRep.user.id);
    const southAccount = await createAccount('广州评论客户有限公司', southRep.user.id);
    expect([northAccount.teamId, southAccount.teamId]).toEqual([north, south]);

    const writer = await env.connect(northRep, { synced: true });
    const peer = await env.connect(northPeer, { synced: true });
    const reader = await env.connect(southRep, { synced: true });
    await eventually(async () =>
      expect(await writer.repos.accounts.get(northAccount.id)).not.toBeNull(),
    );

    const secret = await writer.repos.activities.addComment(
      target(northAccount),
      `${memberToken(northPeer.user.id, 'north-peer')} 价格底线是八折`,
    );
    // A crafted client naming the south team for its comment: stored in the record's team all the same.
    const raw = await RawPusher.connect(env.server, northRep);
    env.onCleanup(() => raw.close());
    const now = Date.now();
    const forged = {
      ...secret,
      id: 'forged-comment-1',
      teamId: south,
      body: '这条说自己属于华南',
      createdAt: now,
      updatedAt: now,
    };
    const reply = await raw.push('activities', [forged]);
    expect(reply.rejected).toEqual([]);
    expect(reply.conflicts).toMatchObject([{ id: forged.id, teamId: north }]);

    // The north peer gets the comment with its mention derived by the server too.
    await eventually(async () =>
      expect(await peer.repos.activities.get(secret.id)).toMatchObject({
        teamId: north,
        mentions: [northPeer.user.id],
      }),
    );
    // A positive signal for the south laptop: a later comment on its own account arrives …
    const later = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/activities',
      buildComment({
        body: '华南的评论',
        relatedType: 'account',
        relatedId: southAccount.id,
        accountId: southAccount.id,
        ownerId: env.admin.user.id,
      }),
      env.admin.accessToken,
    );
    expect(later.status).toBe(201);
    await eventually(async () =>
      expect(await reader.repos.activities.get(later.body.id)).toMatchObject({ teamId: south }),
    );
    // … and the north comments are not there.
    expect(await reader.repos.activities.get(secret.id)).toBeNull();
    expect(await reader.repos.activities.get(forged.id)).toBeNull();
    expect(await reader.repos.activities.commentsOn(northAccount.id)).toEqual([]);

    // The account moves to the south rep: its comments follow, and leave the north laptops.
    const moved = await api<Account>(
      env.server,
      'PATCH',
      `/api/records/accounts/${northAccount.id}`,
      { ownerId: southRep.user.id },
      env.admin.accessToken,
    );
    expect(moved.body.teamId).toBe(south);
    await eventually(async () =>
      expect(
        (await reader.repos.activities.commentsOn(northAccount.id)).map((c) => c.id).sort(),
      ).toEqual([forged.id, secret.id].sort()),
    );
    await eventually(async () => expect(await peer.repos.activities.get(secret.id)).toBeNull());
  });

  it('only its author edits a comment; an admin may delete it', async () => {
    const team = await env.createTeam('评论作者');
    const author = await env.addUser('rep', team, 'comment-author');
    const colleague = await env.addUser('rep', team, 'comment-colleague');
    const account = await createAccount('评论作者客户', author.user.id);
    const mine = await env.connect(author, { synced: true });
    const theirs = await env.connect(colleague, { synced: true });
    const comment = await mine.repos.activities.addComment(target(account), '原文');
    await eventually(async () =>
      expect(await theirs.repos.activities.get(comment.id)).not.toBeNull(),
    );

    const raw = await RawPusher.connect(env.server, colleague);
    env.onCleanup(() => raw.close());
    const stored = (await theirs.repos.activities.get(comment.id))!;
    const edit = await raw.push('activities', [
      { ...stored, body: '被别人改了', updatedAt: stored.updatedAt + 1 },
    ]);
    expect(edit.rejected).toMatchObject([
      { id: comment.id, reason: RejectReason.commentAuthorOnly },
    ]);

    const removed = await api(
      env.server,
      'DELETE',
      `/api/records/activities/${comment.id}`,
      undefined,
      env.admin.accessToken,
    );
    expect(removed.status).toBeLessThan(300);
    await eventually(async () =>
      expect(await mine.repos.activities.commentsOn(account.id)).toEqual([]),
    );
  });
});
