import {
  DUPLICATE_KINDS,
  findDuplicateHits,
  type DuplicateKind,
  type DuplicateSource,
} from '@shared/rules/duplicates';
import {
  inScope,
  type DuplicateCheckBody,
  type DuplicateElsewhere,
  type Scope,
} from '@shared/sync';
import { companyNameKey } from '@shared/validation/company-name';
import { normalizeCreditCode } from '@shared/validation/credit-code';
import { normalizeEmail } from '@shared/validation/email';
import { normalizeMobile } from '@shared/validation/mobile';
import { isStorableText } from '@shared/validation/storable-text';
import type { Sql } from '../db/sql';

/** Rows read per kind: enough to name the people who follow a company, bounded whatever was typed. */
const PER_KIND = 25;

/** The stored fields each kind is looked up by, through the expression indexes of migration 12. */
const LOOKUPS: Record<DuplicateKind, { field: string; key: keyof Keys }[]> = {
  accounts: [
    { field: 'creditCode', key: 'creditCode' },
    { field: 'nameKey', key: 'nameKey' },
  ],
  contacts: [
    { field: 'mobile', key: 'mobile' },
    { field: 'email', key: 'email' },
  ],
  leads: [
    { field: 'companyKey', key: 'nameKey' },
    { field: 'mobile', key: 'mobile' },
    { field: 'email', key: 'email' },
  ],
};

interface Keys {
  creditCode: string;
  nameKey: string;
  mobile: string;
  email: string;
}

interface FoundRow {
  data: DuplicateSource;
  owner_name: string | null;
  team_name: string | null;
}

/** The stored (normalized) forms of what was typed; '' for what cannot match (empty, or one letter of a name). */
function keysOf(probe: DuplicateCheckBody): Keys {
  const keep = (value: string) => (isStorableText(value) ? value : '');
  const nameKey = companyNameKey(probe.name ?? '');
  return {
    creditCode: keep(normalizeCreditCode(probe.creditCode ?? '')),
    nameKey: keep([...nameKey].length >= 2 ? nameKey : ''),
    mobile: keep(normalizeMobile(probe.mobile ?? '')),
    email: keep(normalizeEmail(probe.email ?? '')),
  };
}

/**
 * 撞单 against the server's full data (issue 19): the accounts, contacts and open leads anywhere in the
 * workspace that the probe collides with (the shared rule `findDuplicateHits` decides), answered only for those
 * OUTSIDE the caller's scope — the caller's own replica already finds the rest — and only as kind, reason and
 * the owner's and team's names. Identical answers are given once.
 */
export async function findDuplicatesElsewhere(
  sql: Sql,
  workspaceId: string,
  scope: Scope,
  probe: DuplicateCheckBody,
): Promise<DuplicateElsewhere[]> {
  if (scope === 'all') return [];
  const keys = keysOf(probe);
  const found: { kind: DuplicateKind; record: DuplicateSource }[] = [];
  const names = new Map<string, { ownerName: string; teamName: string }>();
  for (const kind of DUPLICATE_KINDS) {
    const lookups = LOOKUPS[kind].filter((l) => keys[l.key] !== '');
    if (lookups.length === 0) continue;
    // The collection is written out, not a parameter: a prepared statement's generic plan uses a partial index
    // only when its condition is in the text.
    const params: unknown[] = [workspaceId];
    const where = lookups
      .map((l) => {
        params.push(keys[l.key]);
        return `(r.data->>'${l.field}') = $${params.length}`;
      })
      .join(' OR ');
    const rows = await sql.query<FoundRow>(
      `SELECT r.data, u.name AS owner_name, t.name AS team_name
         FROM records r
         LEFT JOIN users u ON u.id = r.owner_id AND u.workspace_id = r.workspace_id
         LEFT JOIN teams t ON t.id = r.team_id AND t.workspace_id = r.workspace_id
        WHERE r.workspace_id = $1 AND r.collection = '${kind}' AND r.deleted = false AND (${where})
        LIMIT ${PER_KIND}`,
      params,
    );
    for (const row of rows) {
      if (inScope(scope, row.data.teamId)) continue;
      found.push({ kind, record: row.data });
      names.set(`${kind}:${row.data.id}`, {
        ownerName: row.owner_name ?? '',
        teamName: row.team_name ?? '',
      });
    }
  }
  const candidate = {
    name: probe.name ?? '',
    creditCode: probe.creditCode ?? '',
    mobile: probe.mobile ?? '',
    email: probe.email ?? '',
  };
  const answers = new Map<string, DuplicateElsewhere>();
  for (const hit of findDuplicateHits(candidate, found, probe.excludeId ?? '')) {
    const answer = {
      kind: hit.kind,
      reason: hit.reasons[0],
      ...names.get(`${hit.kind}:${hit.id}`)!,
    };
    answers.set(JSON.stringify(answer), answer);
  }
  return [...answers.values()];
}
