import type { Sql } from './sql';

/**
 * Schema migrations, applied in order at start (each once, recorded in schema_migrations). Append new
 * versions; never edit an applied one. Several nodes starting together serialize on an advisory lock.
 */
const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE server_settings (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE workspaces (id text PRIMARY KEY, name text NOT NULL, created_at bigint NOT NULL);
CREATE TABLE teams (id text PRIMARY KEY, workspace_id text NOT NULL REFERENCES workspaces(id), name text NOT NULL,
  parent_team_id text NOT NULL DEFAULT '', created_at bigint NOT NULL);
CREATE TABLE users (id text PRIMARY KEY, workspace_id text NOT NULL REFERENCES workspaces(id), email text NOT NULL UNIQUE,
  name text NOT NULL, password_hash text NOT NULL, role text NOT NULL, team_ids jsonb NOT NULL DEFAULT '[]',
  active boolean NOT NULL DEFAULT true, created_at bigint NOT NULL);
CREATE TABLE devices (id text PRIMARY KEY, user_id text NOT NULL REFERENCES users(id), name text NOT NULL,
  refresh_hash text NOT NULL, refresh_expires_at bigint NOT NULL, created_at bigint NOT NULL, last_seen_at bigint NOT NULL,
  revoked_at bigint);
CREATE INDEX devices_user ON devices (user_id);
CREATE TABLE invites (code text PRIMARY KEY, workspace_id text NOT NULL REFERENCES workspaces(id), role text NOT NULL,
  team_id text NOT NULL, created_by text NOT NULL, expires_at bigint NOT NULL, used_by text, used_at bigint);
CREATE SEQUENCE record_seq;
CREATE TABLE records (workspace_id text NOT NULL, collection text NOT NULL, id text NOT NULL, team_id text NOT NULL,
  owner_id text NOT NULL, seq bigint NOT NULL, deleted boolean NOT NULL DEFAULT false, data jsonb NOT NULL,
  updated_at bigint NOT NULL, PRIMARY KEY (workspace_id, collection, id));
CREATE INDEX records_pull ON records (workspace_id, collection, seq);
CREATE TABLE scope_exits (workspace_id text NOT NULL, collection text NOT NULL, id text NOT NULL, old_team_id text NOT NULL,
  seq bigint NOT NULL, data jsonb NOT NULL);
CREATE INDEX scope_exits_pull ON scope_exits (workspace_id, collection, seq);
CREATE TABLE record_history (id bigserial PRIMARY KEY, workspace_id text NOT NULL, collection text NOT NULL,
  record_id text NOT NULL, seq bigint NOT NULL, user_id text NOT NULL, at bigint NOT NULL, field text NOT NULL,
  old_value jsonb, new_value jsonb, kind text NOT NULL);
CREATE INDEX record_history_record ON record_history (workspace_id, collection, record_id, id);
`,
  },
  {
    // Collaborative documents (Yjs): every applied update is appended as a row; compaction replaces a doc's
    // rows by one fresh encode that keeps the highest id (sync/server/docs/README.md). The column is "data"
    // because UPDATE is a reserved word in SQL.
    version: 2,
    sql: `
CREATE TABLE yjs_updates (workspace_id text NOT NULL, doc_name text NOT NULL, id bigserial NOT NULL, data bytea NOT NULL,
  created_at bigint NOT NULL, PRIMARY KEY (workspace_id, doc_name, id));
`,
  },
  {
    // Refresh-token reuse detection (sync/server/auth/refresh-family.ts): a rotated-out token is remembered
    // until it would have expired; when it comes back, its device session (the token family) is ended.
    version: 3,
    sql: `
CREATE TABLE spent_refresh_tokens (hash text PRIMARY KEY, device_id text NOT NULL REFERENCES devices(id),
  expires_at bigint NOT NULL);
CREATE INDEX spent_refresh_tokens_device ON spent_refresh_tokens (device_id);
ALTER TABLE devices ADD COLUMN refresh_reused_at bigint;
`,
  },
  {
    // Socket tickets (sync/server/auth/socket-tickets.ts): single-use, ~30 s, in the database so a ticket issued
    // by one node can open a socket on another; stored hashed like refresh tokens. No foreign keys: a ticket
    // lives 30 s and its user and device are checked when it is spent.
    version: 4,
    sql: `
CREATE TABLE socket_tickets (hash text PRIMARY KEY, user_id text NOT NULL, device_id text NOT NULL,
  workspace_id text NOT NULL, expires_at bigint NOT NULL);
CREATE INDEX socket_tickets_expiry ON socket_tickets (expires_at);
`,
  },
  {
    // Read-only sharing (shared/sync/scope.ts): teams whose records this person reads but never writes.
    version: 5,
    sql: `
ALTER TABLE users ADD COLUMN read_only_team_ids jsonb NOT NULL DEFAULT '[]';
`,
  },
  {
    // The later edit wins (sync/README.md "The merge rule"): each record keeps the stamp of the edit that made
    // each of its paths (`field_clocks`, stamp path → hybrid-clock stamp; '{}' for records written before, whose
    // paths count as edited at updated_at). History lines say when their value was edited on its device
    // (`edited_at`, epoch ms) and, on merge lines, why the kept value won (`detail`).
    version: 6,
    sql: `
ALTER TABLE records ADD COLUMN field_clocks jsonb NOT NULL DEFAULT '{}';
ALTER TABLE record_history ADD COLUMN edited_at bigint;
ALTER TABLE record_history ADD COLUMN detail jsonb;
`,
  },
  {
    // Outgoing webhooks (sync/server/webhooks/README.md): the hooks admins register (the secret is kept in clear:
    // the server signs every delivery with it) and the durable delivery queue with its log. A pending delivery
    // is claimed by one node for a lease (claimed_until) with FOR UPDATE SKIP LOCKED; the attempt it makes is
    // recorded only if the claim is still its own (attempts unchanged).
    version: 7,
    sql: `
CREATE TABLE webhooks (id text PRIMARY KEY, workspace_id text NOT NULL REFERENCES workspaces(id), url text NOT NULL,
  events jsonb NOT NULL, active boolean NOT NULL DEFAULT true, description text NOT NULL DEFAULT '', secret text NOT NULL,
  created_by text NOT NULL, created_at bigint NOT NULL, disabled_reason text NOT NULL DEFAULT '');
CREATE INDEX webhooks_workspace ON webhooks (workspace_id);
CREATE TABLE webhook_deliveries (id text PRIMARY KEY, webhook_id text NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  workspace_id text NOT NULL, event text NOT NULL, collection text NOT NULL, record_id text NOT NULL, body text NOT NULL,
  status text NOT NULL DEFAULT 'pending', attempts integer NOT NULL DEFAULT 0, created_at bigint NOT NULL,
  next_attempt_at bigint, claimed_until bigint, last_attempt_at bigint, last_status_code integer,
  last_error text NOT NULL DEFAULT '');
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, created_at);
`,
  },
  {
    // A record's activities by the record they relate to and by account: the server recomputes a lead's, deal's or
    // account's lastActivityAt from them when an activity is deleted or moved (records/last-activity.ts), and finds
    // the comments that follow a record to another team (comment-teams.ts).
    version: 8,
    sql: `
CREATE INDEX records_activities_related ON records (workspace_id, (data->>'relatedId')) WHERE collection = 'activities';
CREATE INDEX records_activities_account ON records (workspace_id, (data->>'accountId')) WHERE collection = 'activities';
`,
  },
  {
    // The lead-capture API (sync/server/capture/README.md): capture keys per lead source, stored as a SHA-256 of
    // the key (a key is 32 random bytes: a fast hash is enough, and the post looks it up by the hash), and the
    // clientKeys already posted with each key (a form posted twice makes one lead).
    version: 9,
    sql: `
CREATE TABLE capture_keys (id text PRIMARY KEY, workspace_id text NOT NULL REFERENCES workspaces(id), name text NOT NULL,
  key_hash text NOT NULL UNIQUE, prefix text NOT NULL, source text NOT NULL, campaign_id text NOT NULL DEFAULT '',
  owner_id text NOT NULL DEFAULT '', created_by text NOT NULL, created_at bigint NOT NULL, last_used_at bigint,
  revoked_at bigint);
CREATE INDEX capture_keys_workspace ON capture_keys (workspace_id);
CREATE TABLE capture_requests (key_id text NOT NULL REFERENCES capture_keys(id), client_key text NOT NULL,
  lead_id text NOT NULL, created_at bigint NOT NULL, PRIMARY KEY (key_id, client_key));
`,
  },
  {
    // Lead assignment (records/lead-assignment.ts, issue 19): one row per workspace, locked FOR UPDATE by the
    // transaction that assigns leads, so nodes on one database assign one after another; `cursors` holds, per
    // round-robin rule id, the member its last lead went to. Open leads per owner are counted by the index.
    version: 10,
    sql: `
CREATE TABLE lead_assignment_state (workspace_id text PRIMARY KEY, cursors jsonb NOT NULL DEFAULT '{}',
  updated_at bigint NOT NULL);
CREATE INDEX records_open_leads_owner ON records (workspace_id, owner_id) WHERE collection = 'leads' AND deleted = false
  AND data->>'status' IN ('new', 'contacted', 'qualified');
`,
  },
  {
    // 撞单 (issue 19): one account per credit code (records/credit-codes.ts refuses a pushed account whose code a live
    // account holds) and the online duplicate check (records/duplicate-lookup.ts) look records up by their
    // normalized keys; without these each lookup scans the workspace's accounts, contacts or leads.
    version: 12,
    sql: `
CREATE INDEX records_accounts_credit_code ON records (workspace_id, (data->>'creditCode')) WHERE collection = 'accounts';
CREATE INDEX records_accounts_name_key ON records (workspace_id, (data->>'nameKey')) WHERE collection = 'accounts';
CREATE INDEX records_leads_company_key ON records (workspace_id, (data->>'companyKey')) WHERE collection = 'leads';
CREATE INDEX records_leads_mobile ON records (workspace_id, (data->>'mobile')) WHERE collection = 'leads';
CREATE INDEX records_leads_email ON records (workspace_id, (data->>'email')) WHERE collection = 'leads';
CREATE INDEX records_contacts_mobile ON records (workspace_id, (data->>'mobile')) WHERE collection = 'contacts';
CREATE INDEX records_contacts_email ON records (workspace_id, (data->>'email')) WHERE collection = 'contacts';
`,
  },
  {
    // Contracts to cash (issue 20): one live contract per number (records/contract-numbers.ts looks the pushed
    // numbers up), and a contract's approvals by the contract (records/contract-approval.ts, when one is pushed
    // active); without these each push of a contract scans the workspace's contracts or approvals.
    version: 13,
    sql: `
CREATE INDEX records_contracts_number ON records (workspace_id, (data->>'number')) WHERE collection = 'contracts';
CREATE INDEX records_contract_approvals_subject ON records (workspace_id, (data->>'subjectId')) WHERE collection = 'approvals';
`,
  },
  {
    // Ticket routing (records/ticket-routing.ts, issue 21): one row per workspace, locked by the transaction that
    // routes tickets, so nodes on one database route one after another; `cursor` is the agent the round robin
    // gave its last ticket to. Open tickets per assignee are counted by the partial index.
    version: 14,
    sql: `
CREATE TABLE ticket_routing_state (workspace_id text PRIMARY KEY, cursor text NOT NULL DEFAULT '',
  updated_at bigint NOT NULL);
CREATE INDEX records_open_tickets_assignee ON records (workspace_id, (data->>'assigneeId')) WHERE collection = 'tickets'
  AND deleted = false AND data->>'status' IN ('new', 'open', 'pending');
`,
  },
  {
    // Satisfaction surveys (surveys/survey-service.ts, issue 21): one-time CSAT (per ticket) and NPS (per contact)
    // tokens, stored as a SHA-256 of the token (32 random bytes: a fast hash is enough, and the post looks it up by
    // the hash); `used_at` is set once by the post that records the answer.
    version: 15,
    sql: `
CREATE TABLE survey_tokens (token_hash text PRIMARY KEY, workspace_id text NOT NULL REFERENCES workspaces(id),
  kind text NOT NULL, record_id text NOT NULL, created_by text NOT NULL, created_at bigint NOT NULL, used_at bigint);
CREATE INDEX survey_tokens_record ON survey_tokens (workspace_id, kind, record_id);
`,
  },
  {
    // SLA breaches (sla/sla-sweep.ts, issue 21): the periodic sweep reads the live tickets whose breach is not
    // recorded yet; once recorded a ticket leaves the index, so a sweep reads only the tickets still running.
    version: 17,
    sql: `
CREATE INDEX records_sla_unbreached ON records (workspace_id, id) WHERE collection = 'tickets' AND deleted = false
  AND coalesce(data->>'slaBreachedAt', '0') = '0';
`,
  },
  {
    // Capture rate limits shared by the nodes on one PostgreSQL (capture/rate-limiters.ts): rate-limiter-flexible's
    // Postgres store, in its own layout (`key` = prefix:key, points used, `expire` epoch ms of the window's end).
    version: 18,
    sql: `
CREATE TABLE rate_limits (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint);
`,
  },
  {
    // Durable lead assignment (records/lead-assignment-sweep.ts, issue 19): a new unowned lead the rules could not
    // place when it arrived waits here, written in its create's transaction, until a sweep gives it an owner.
    version: 19,
    sql: `
CREATE TABLE lead_assignment_due (workspace_id text NOT NULL, lead_id text NOT NULL, since bigint NOT NULL,
  PRIMARY KEY (workspace_id, lead_id));
`,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export async function migrate(sql: Sql): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7321001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at bigint NOT NULL)',
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const ran: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        migration.version,
        Date.now(),
      ]);
      ran.push(migration.version);
    }
    return ran;
  });
}
