import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Activity, Contact, Ticket } from '@shared/domain';
import { mayRecordCsat, npsActivityFields } from '@shared/rules/satisfaction';
import {
  RejectReason,
  SURVEY_AUTHOR_ID,
  SURVEY_TOKEN_PREFIX,
  type CreateSurveyLinkBody,
  type CsatSurveyBody,
  type NpsSurveyBody,
  type Principal,
  type SurveyAnswerResponse,
  type SurveyKind,
  type SurveyLinkResponse,
  type WireDoc,
} from '@shared/sync';
import type { Scope } from '@shared/sync';
import type { Sql } from '../db/sql';
import { ApiFailure } from '../errors';
import type { RecordStore } from '../records/record-store';

/** Survey answers per minute per client address, per node (a burst of a whole minute's budget is allowed). */
export const DEFAULT_SURVEY_RATE_LIMIT = 20;

interface TokenRow {
  token_hash: string;
  workspace_id: string;
  kind: SurveyKind;
  record_id: string;
  created_by: string;
  used_at: number | null;
}

/** A token is 32 random bytes: a fast hash is enough, and the post looks it up by the hash. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Satisfaction surveys (issue 21): one-time tokens for CSAT (per ticket) and NPS (per contact), stored hashed
 * (migration 15), and the answers they post, written through the record store's normal write path (validation,
 * history, fan-out) as the survey: CSAT onto the ticket, NPS as an `nps` activity on the contact.
 *
 * Exactly once: the post claims its token (`used_at` set where it was NULL) before writing, so two posts racing
 * with one token record one answer; the second is answered 410. A write that fails gives the token back.
 */
export class SurveyService {
  private readonly limiter: RateLimiterMemory | null;

  constructor(
    private readonly sql: Sql,
    private readonly records: RecordStore,
    private readonly scopeOf: (p: Principal) => Promise<Scope>,
    perMinute = DEFAULT_SURVEY_RATE_LIMIT,
  ) {
    this.limiter =
      perMinute > 0 ? new RateLimiterMemory({ points: perMinute, duration: 60 }) : null;
  }

  /** A new token for the ticket (resolved or closed) or contact the caller can see; earlier unused ones die. */
  async createLink(p: Principal, body: CreateSurveyLinkBody): Promise<SurveyLinkResponse> {
    if (p.role === 'viewer') throw new ApiFailure(403, 'forbidden', 'Viewers cannot send surveys');
    const collection = body.kind === 'csat' ? 'tickets' : 'contacts';
    const record = await this.records.get(p, await this.scopeOf(p), collection, body.recordId);
    if (!record)
      throw new ApiFailure(
        404,
        'not_found',
        `No ${body.kind === 'csat' ? 'ticket' : 'contact'} with this id`,
      );
    if (body.kind === 'csat' && !mayRecordCsat(record as Ticket))
      throw new ApiFailure(
        409,
        'ticket_not_resolved',
        'A CSAT survey is sent for a resolved or closed ticket',
      );
    const token = SURVEY_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.sql.transaction(async (tx) => {
      await tx.query(
        'DELETE FROM survey_tokens WHERE workspace_id = $1 AND kind = $2 AND record_id = $3 AND used_at IS NULL',
        [p.workspaceId, body.kind, body.recordId],
      );
      await tx.query(
        `INSERT INTO survey_tokens (token_hash, workspace_id, kind, record_id, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [hashToken(token), p.workspaceId, body.kind, body.recordId, p.userId, now],
      );
    });
    return { kind: body.kind, recordId: body.recordId, token, createdAt: now };
  }

  /**
   * Whether a token can still be answered, without using it: the survey page says "already used" at once
   * instead of after the customer filled it in. `unknown` covers a mangled, replaced or foreign token.
   */
  async linkState(token: string, kind: SurveyKind): Promise<'open' | 'used' | 'unknown'> {
    if (!token.startsWith(SURVEY_TOKEN_PREFIX)) return 'unknown';
    const [row] = await this.sql.query<{ used_at: number | null }>(
      'SELECT used_at FROM survey_tokens WHERE token_hash = $1 AND kind = $2',
      [hashToken(token), kind],
    );
    if (!row) return 'unknown';
    return row.used_at === null ? 'open' : 'used';
  }

  async answerCsat(body: CsatSurveyBody, address: string): Promise<SurveyAnswerResponse> {
    await this.consume(address);
    return this.withToken(body.token, 'csat', async (row, now) => {
      const writer = this.writerOf(row.workspace_id);
      const before = (await this.records.get(writer, 'all', 'tickets', row.record_id)) as
        (Ticket & { id: string }) | null;
      if (!before) throw gone('The ticket of this survey no longer exists');
      if (!mayRecordCsat(before))
        throw new ApiFailure(
          409,
          'ticket_not_resolved',
          'The ticket was reopened; the survey waits',
        );
      const after = {
        ...before,
        csat: body.score,
        csatComment: body.comment ?? '',
        csatAt: now,
        updatedAt: now,
        updatedBy: SURVEY_AUTHOR_ID,
      };
      await this.write(writer, 'tickets', before, after);
      return { kind: 'csat', recordId: before.id, score: body.score };
    });
  }

  async answerNps(body: NpsSurveyBody, address: string): Promise<SurveyAnswerResponse> {
    await this.consume(address);
    return this.withToken(body.token, 'nps', async (row, now) => {
      const writer = this.writerOf(row.workspace_id);
      const contact = (await this.records.get(writer, 'all', 'contacts', row.record_id)) as
        (Contact & { id: string }) | null;
      if (!contact) throw gone('The contact of this survey no longer exists');
      const activity: Activity = {
        id: randomUUID(),
        workspaceId: row.workspace_id,
        teamId: contact.teamId,
        ownerId: contact.ownerId,
        createdAt: now,
        updatedAt: now,
        createdBy: SURVEY_AUTHOR_ID,
        updatedBy: SURVEY_AUTHOR_ID,
        deleted: false,
        ...npsActivityFields(contact, { score: body.score, reason: body.reason ?? '' }, now),
      };
      await this.write(writer, 'activities', null, activity);
      return { kind: 'nps', recordId: activity.id, score: body.score };
    });
  }

  /** Claims the token (once), runs the write, and gives the token back when the write failed. */
  private async withToken(
    token: string,
    kind: SurveyKind,
    run: (row: TokenRow, now: number) => Promise<SurveyAnswerResponse>,
  ): Promise<SurveyAnswerResponse> {
    const hash = hashToken(token);
    const now = Date.now();
    const [claimed] = await this.sql.query<TokenRow>(
      `UPDATE survey_tokens SET used_at = $3 WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL
       RETURNING token_hash, workspace_id, kind, record_id, created_by, used_at`,
      [hash, kind, now],
    );
    if (!claimed) {
      const [known] = await this.sql.query<{ used_at: number | null }>(
        'SELECT used_at FROM survey_tokens WHERE token_hash = $1 AND kind = $2',
        [hash, kind],
      );
      if (known) throw gone('This survey was already answered; thank you');
      throw new ApiFailure(
        404,
        'unknown_survey',
        'This survey link is not valid (or was replaced)',
      );
    }
    try {
      return await run(claimed, now);
    } catch (error) {
      await this.sql.query('UPDATE survey_tokens SET used_at = NULL WHERE token_hash = $1', [hash]);
      throw error;
    }
  }

  /** The writer a survey answer is written as: admin-like within its workspace, named 'survey' in history. */
  private writerOf(workspaceId: string): Principal {
    return {
      userId: SURVEY_AUTHOR_ID,
      workspaceId,
      role: 'admin',
      teamIds: [],
      deviceId: 'survey',
    };
  }

  private async write(
    writer: Principal,
    collection: 'tickets' | 'activities',
    before: Record<string, unknown> | null,
    after: Record<string, unknown> & { id: string },
  ): Promise<void> {
    const result = await this.records.push(writer, 'all', collection, [
      {
        assumedMasterState: before as WireDoc | null,
        newDocumentState: after,
      },
    ]);
    const rejection = result.rejected[0];
    if (rejection)
      throw new ApiFailure(
        422,
        rejection.reason === RejectReason.validation ? 'invalid_answer' : rejection.reason,
        `The server did not accept this answer (${rejection.reason})`,
        rejection.issues,
      );
  }

  private async consume(address: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(address);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new ApiFailure(
          429,
          'rate_limited',
          `Too many survey answers from this address; try again in ${seconds} s`,
          undefined,
          seconds,
        );
      }
      throw rejection;
    }
  }
}

function gone(message: string): ApiFailure {
  return new ApiFailure(410, 'survey_used', message);
}
