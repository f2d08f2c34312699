import type {
  Account,
  Activity,
  Approval,
  CollectionName,
  Contact,
  Contract,
  Deal,
  EntityByCollection,
  Lead,
  LineItem,
  Member,
  Payment,
  PaymentPlanItem,
  Setting,
  Ticket,
} from '../domain/entities';
import type { RecordMeta } from '../domain/base';
import { DEFAULT_PIPELINE, DEFAULT_PIPELINE_ID, RANK_STEP } from '../domain/defaults';
import type {
  LoggedActivityType,
  LeadSource,
  MemberRole,
  RelatedType,
  SizeBand,
} from '../domain/lists';
import { companyNameKey } from '../validation/company-name';
import { lineItemsTotal } from '../rules/deal-math';
import { nextCollectionDueDate } from '../rules/contract-math';
import { monthDayOf } from '../rules/derived-fields';
import {
  Random,
  hashSeed,
  hashString,
  unitFloat,
  weightedTable,
  type WeightedTable,
} from './random';
import {
  COMPANY_NAME_VARIANTS,
  Scrambler,
  composeCompanyName,
  makeCreditCode,
  makeMobile,
  type CompanyParts,
} from './names';
import {
  ACCOUNT_FREE_TAGS,
  ACCOUNT_NOTES,
  ACTIVITY_NEXT_STEPS,
  ACTIVITY_OUTCOMES,
  ACTIVITY_SUBJECTS,
  ACTIVITY_TOPICS,
  BRAND_FIRST,
  BRAND_SECOND,
  BUILDING_SUFFIXES,
  CAMPAIGNS,
  CITIES,
  CN_LEGAL_FORMS,
  COMPETITORS,
  CONTRACT_NOTES,
  DEAL_THEMES,
  DECISION_MAKER_TITLES,
  EN_BRAND_PREFIXES,
  EN_BRAND_SUFFIXES,
  EN_FIRST_NAMES,
  EN_LAST_NAMES,
  EN_LEGAL_FORMS,
  EXPENSE_TITLES,
  GIVEN_NAME_CHARS,
  INDUSTRY_WORDS,
  JOB_TITLES,
  LEAD_NOTES,
  LOST_REASONS,
  MOBILE_PREFIXES,
  OVERSEAS_PLACES,
  PAYMENT_NOTES,
  PRODUCTS,
  ROADS,
  SURNAMES,
  TICKET_DESCRIPTIONS,
  TICKET_RESOLUTIONS,
  TICKET_STATUS_WEIGHTS,
  TICKET_SUBJECTS,
  WEB_TLDS,
  type City,
  type JobTitle,
  type OverseasPlace,
} from './vocab';

// ====================================================================================================
// Public API
// ====================================================================================================

/** Record counts of the generated business collections (members and settings are small and fixed). */
export interface SampleCounts {
  accounts: number;
  contacts: number;
  leads: number;
  deals: number;
  contracts: number;
  tickets: number;
  activities: number;
  approvals: number;
}

export type SampleSizeName = 'S' | 'M' | 'L';

function scaled(factor: number): Readonly<SampleCounts> {
  return Object.freeze({
    accounts: 1000 * factor,
    contacts: 2000 * factor,
    leads: 1000 * factor,
    deals: 1000 * factor,
    contracts: 300 * factor,
    tickets: 500 * factor,
    activities: 5000 * factor,
    approvals: 10 * factor,
  });
}

/** The benchmark data sets (BENCHMARKS.md "Data sets"); contracts ≈ 30% of accounts, approvals ≈ 1% of deals. */
export const SAMPLE_SIZES: Readonly<Record<SampleSizeName, Readonly<SampleCounts>>> = Object.freeze(
  {
    S: scaled(1),
    M: scaled(10),
    L: scaled(100),
  },
);

/**
 * Order in which to write collections so that every reference points at a record written earlier
 * (leads reference converted deals; activities reference leads).
 */
export const SAMPLE_COLLECTION_ORDER: readonly CollectionName[] = [
  'members',
  'settings',
  'accounts',
  'contacts',
  'deals',
  'contracts',
  'tickets',
  'leads',
  'activities',
  'approvals',
  'inbox_marks',
];

export interface SampleDataOptions {
  /** A named set (S, M, L) or custom counts (missing collections get 0). */
  size: SampleSizeName | Partial<SampleCounts>;
  /** Same seed, same data. Default 1. */
  seed?: number;
  workspaceId: string;
  /** "Now" in epoch ms: every date is relative to it (open tasks due today, overdue payments, recent activity). */
  now: number;
  /**
   * The users (and teams) who own the data. Users with kind 'user', active and not deleted become owners,
   * grouped into territories by their teamId. When omitted, a sample team tree is generated: 1 company team,
   * 3 regional teams (华北/华东/华南) and 11 users (admin, managers, reps).
   */
  members?: readonly Member[];
  /**
   * Offset of the local time zone from UTC in minutes (China: 480), used for calendar dates ('YYYY-MM-DD').
   * Default: the offset of the machine running the generator at `now`, so "today" matches the app's today.
   * Pass it explicitly when the output must be identical across machines.
   */
  utcOffsetMinutes?: number;
  /** Prepended to every generated id (e.g. 'ws2-'), to load several sets side by side. Default ''. */
  idPrefix?: string;
}

/** One batch of records of one collection. */
export type SampleBatch = {
  [K in CollectionName]: { collection: K; records: EntityByCollection[K][] };
}[CollectionName];

/**
 * A generated data set. Nothing is materialized up front: records are derived from (seed, collection,
 * index) on demand, so set L streams in batches with only small index tables in memory. Every call returns
 * fresh objects; callers may mutate them.
 */
export interface SampleData {
  readonly seed: number;
  readonly now: number;
  readonly workspaceId: string;
  /** Today's date ('YYYY-MM-DD') in the generator's time zone. */
  readonly today: string;
  readonly counts: Readonly<Record<CollectionName, number>>;
  /** The id of record `index` of a collection (without generating the record). */
  id(collection: CollectionName, index: number): string;
  /** Record `index` (0-based) of a collection. */
  record<C extends CollectionName>(collection: C, index: number): EntityByCollection[C];
  /** Records [start, end) of a collection, one at a time. */
  records<C extends CollectionName>(
    collection: C,
    start?: number,
    end?: number,
  ): Generator<EntityByCollection[C], void, undefined>;
  /** The whole collection as arrays of at most `batchSize` records. */
  batches<C extends CollectionName>(
    collection: C,
    batchSize?: number,
  ): Generator<EntityByCollection[C][], void, undefined>;
  /** Every collection in SAMPLE_COLLECTION_ORDER, batch by batch. */
  allBatches(batchSize?: number): Generator<SampleBatch, void, undefined>;
}

/**
 * Creates a deterministic sample data set (Chinese-first CRM data with ~15% English companies and people).
 * Records reference each other consistently: contacts, deals, contracts, tickets and activities point at
 * existing accounts, deals at contacts of their own account, contracts at won deals, converted leads at the
 * account, contact and deal they became. About 0.5% of accounts are near-duplicates of another account
 * (same company spelled differently, often another owner) to exercise duplicate detection.
 */
export function generateSampleData(options: SampleDataOptions): SampleData {
  return new SampleDataSet(options);
}

// ====================================================================================================
// Implementation
// ====================================================================================================

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
/** Share of accounts that are near-duplicates of an earlier account. */
const DUPLICATE_RATE = 0.005;
/** Share of activities that follow up a lead rather than an account. */
const LEAD_ACTIVITY_SHARE = 0.05;

const ID_PREFIX: Readonly<
  Record<Exclude<CollectionName, 'members' | 'settings' | 'inbox_marks'>, string>
> = {
  accounts: 'acc',
  contacts: 'con',
  leads: 'lead',
  deals: 'deal',
  contracts: 'ctr',
  tickets: 'tkt',
  activities: 'act',
  approvals: 'apr',
};

/** Stream names: each decision family draws from its own stream, so adding a field never shifts the others. */
const S = {
  lang: hashString('lang'),
  cls: hashString('class'),
  jitter: hashString('jitter'),
  dup: hashString('dup'),
  dupSrc: hashString('dup-source'),
  account: hashString('account'),
  accountExtra: hashString('account-extra'),
  contact: hashString('contact'),
  deal: hashString('deal'),
  contract: hashString('contract'),
  ticket: hashString('ticket'),
  lead: hashString('lead'),
  leadPick: hashString('lead-pick'),
  activity: hashString('activity'),
  approval: hashString('approval'),
  cnNames: hashString('cn-names'),
  enNames: hashString('en-names'),
  org: hashString('org-code'),
  mobile: hashString('mobile'),
} as const;

type Tier = 'A' | 'B' | 'C' | 'D';
type AccountStatus = Account['status'];
type Lang = 0 | 1;
type StageId = 'qualify' | 'needs' | 'proposal' | 'quote' | 'negotiation' | 'won' | 'lost';

const TIERS: readonly Tier[] = ['A', 'B', 'C', 'D'];
const ACCOUNT_STATUS_LIST: readonly AccountStatus[] = [
  'prospect',
  'customer',
  'partner',
  'churned',
];
const TIER_CUM = [0.1, 0.35, 0.75, 1];
const STATUS_CUM = [0.45, 0.83, 0.88, 1];
const TIER_WEIGHT: Readonly<Record<Tier, number>> = { A: 3, B: 1.8, C: 1, D: 0.5 };

type ChildCollection = 'contacts' | 'deals' | 'contracts' | 'tickets' | 'activities';
const CHILD_WEIGHTS: Readonly<Record<ChildCollection, Readonly<Record<AccountStatus, number>>>> = {
  contacts: { prospect: 1, customer: 1, partner: 1, churned: 0.6 },
  deals: { prospect: 1, customer: 1.3, partner: 0.7, churned: 0.4 },
  contracts: { prospect: 0, customer: 1, partner: 0.6, churned: 0.9 },
  tickets: { prospect: 0.05, customer: 1, partner: 0.6, churned: 0.7 },
  activities: { prospect: 1, customer: 1.2, partner: 0.6, churned: 0.35 },
};

// ---------- weighted tables built once ----------

const CITY_TABLE = weightedTable(CITIES.map((c) => [c, c.weight] as const));
const OVERSEAS_TABLE = weightedTable(OVERSEAS_PLACES.map((p, i) => [p, i === 0 ? 5 : 1] as const));
const CN_FORM_TABLE = weightedTable(CN_LEGAL_FORMS);
const EN_FORM_TABLE = weightedTable(EN_LEGAL_FORMS);
const TLD_TABLE = weightedTable(WEB_TLDS);
const CN_PATTERN_TABLE = weightedTable([
  [0, 60],
  [1, 20],
  [2, 20],
] as const);
const SURNAME_TABLE = weightedTable(SURNAMES.map((s, i) => [s, 1 / (i + 6)] as const));
const SIZE_BY_TIER: Readonly<Record<Tier, WeightedTable<SizeBand>>> = {
  A: weightedTable([
    ['500-999', 25],
    ['1000-4999', 45],
    ['5000+', 30],
  ]),
  B: weightedTable([
    ['100-499', 45],
    ['500-999', 35],
    ['1000-4999', 20],
  ]),
  C: weightedTable([
    ['20-99', 45],
    ['100-499', 45],
    ['500-999', 10],
  ]),
  D: weightedTable([
    ['1-19', 45],
    ['20-99', 45],
    ['100-499', 10],
  ]),
};
const SOURCE_TABLE = weightedTable<LeadSource>([
  ['website', 20],
  ['form', 18],
  ['ads', 15],
  ['event', 14],
  ['referral', 10],
  ['import', 8],
  ['coldCall', 6],
  ['partner', 5],
  ['wecom', 4],
]);
const STAGE_BY_STATUS: Readonly<Record<AccountStatus, WeightedTable<StageId>>> = {
  prospect: weightedTable([
    ['qualify', 22],
    ['needs', 19],
    ['proposal', 15],
    ['quote', 10],
    ['negotiation', 9],
    ['lost', 25],
  ]),
  customer: weightedTable([
    ['qualify', 8],
    ['needs', 8],
    ['proposal', 8],
    ['quote', 8],
    ['negotiation', 8],
    ['won', 45],
    ['lost', 15],
  ]),
  partner: weightedTable([
    ['qualify', 10],
    ['needs', 10],
    ['proposal', 10],
    ['quote', 10],
    ['negotiation', 10],
    ['won', 30],
    ['lost', 20],
  ]),
  churned: weightedTable([
    ['qualify', 2],
    ['needs', 2],
    ['proposal', 2],
    ['quote', 2],
    ['negotiation', 2],
    ['won', 40],
    ['lost', 50],
  ]),
};
const LINE_COUNT_TABLE = weightedTable([
  [1, 35],
  [2, 35],
  [3, 20],
  [4, 10],
] as const);
const DISCOUNTS = [5, 8, 10, 12, 15, 20, 25] as const;
const ACTIVITY_TYPE_TABLE = weightedTable<LoggedActivityType>([
  ['call', 25],
  ['meeting', 12],
  ['email', 15],
  ['visit', 12],
  ['note', 10],
  ['task', 26],
]);
const TASK_BUCKET_TABLE = weightedTable([
  ['done', 50],
  ['overdue', 12],
  ['today', 8],
  ['upcoming', 30],
] as const);
const TICKET_STATUS_TABLE = weightedTable(TICKET_STATUS_WEIGHTS);
const PRIORITY_TABLE = weightedTable<Ticket['priority']>([
  ['low', 20],
  ['normal', 50],
  ['high', 22],
  ['urgent', 8],
]);
const CSAT_TABLE = weightedTable([
  [5, 45],
  [4, 30],
  [3, 15],
  [2, 6],
  [1, 4],
] as const);
const METHOD_TABLE = weightedTable<Payment['method']>([
  ['bankTransfer', 80],
  ['check', 4],
  ['alipay', 5],
  ['wechatPay', 5],
  ['cash', 2],
  ['other', 4],
]);
const PLAN_SPLITS: readonly (readonly number[])[] = [
  [1],
  [0.5, 0.5],
  [0.7, 0.3],
  [0.3, 0.4, 0.3],
  [0.3, 0.6, 0.1],
  [0.25, 0.25, 0.25, 0.25],
  [0.4, 0.3, 0.2, 0.1],
];
const PLAN_SPLIT_TABLE = weightedTable(
  PLAN_SPLITS.map((split, i) => [split, [20, 15, 15, 20, 10, 10, 10][i]] as const),
);
const TERM_YEARS_TABLE = weightedTable([
  [1, 65],
  [2, 20],
  [3, 15],
] as const);
const LEAD_STATUS_TABLE = weightedTable<Lead['status']>([
  ['new', 25],
  ['contacted', 22],
  ['qualified', 15],
  ['disqualified', 15],
  ['converted', 23],
]);
const LEAD_SCORE: Readonly<Record<Lead['status'], readonly [number, number]>> = {
  new: [10, 60],
  contacted: [20, 70],
  qualified: [60, 95],
  disqualified: [0, 30],
  converted: [70, 100],
};
const APPROVAL_STATUS_TABLE = weightedTable<Approval['status']>([
  ['pending', 35],
  ['approved', 50],
  ['rejected', 15],
]);
const CAMPAIGNS_BY_SOURCE = new Map<string, string[]>();
for (const [name, source] of CAMPAIGNS)
  CAMPAIGNS_BY_SOURCE.set(source, [...(CAMPAIGNS_BY_SOURCE.get(source) ?? []), name]);
const PUBLIC_MAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com'] as const;

const STAGES = new Map(DEFAULT_PIPELINE.stages.map((s) => [s.id, s]));
function stageOf(id: StageId) {
  const stage = STAGES.get(id);
  if (!stage) throw new Error(`DEFAULT_PIPELINE has no stage ${id}`);
  return stage;
}

// ---------- internal shapes ----------

interface OwnerRef {
  id: string;
  teamId: string;
  role: MemberRole | '';
}

interface Territory {
  teamId: string;
  owners: WeightedTable<OwnerRef>;
  users: readonly OwnerRef[];
  manager: OwnerRef;
}

interface CompanyIdentity {
  parts: CompanyParts;
  city: City | null;
  place: OverseasPlace | null;
  district: readonly [string, string] | null;
  domain: string;
  shortName: string;
  territory: number;
}

interface AccountCore {
  index: number;
  id: string;
  identity: CompanyIdentity;
  name: string;
  nameKey: string;
  english: boolean;
  tier: Tier;
  status: AccountStatus;
  owner: OwnerRef;
  territory: number;
  createdAt: number;
  creditCode: string;
  phone: string;
  dupOf: number;
}

interface Person {
  name: string;
  email: string;
  mobile: string;
  english: boolean;
}

interface ContactCore {
  record: Contact;
  accountIndex: number;
}

interface DealCore {
  record: Deal;
  accountIndex: number;
  lang: Lang;
  closeAt: number;
  maxDiscount: number;
}

interface ContractCore {
  record: Contract;
  accountIndex: number;
}

interface TicketCore {
  record: Ticket;
  accountIndex: number;
}

interface LeadCore {
  record: Lead;
  territory: number;
}

/** A direct-mapped cache of recently built records, for references computed while streaming in order. */
class IndexCache<T> {
  private readonly keys: Int32Array;
  private readonly values: (T | undefined)[];

  constructor(private readonly size = 1024) {
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Array<T | undefined>(size);
  }

  get(index: number, make: (index: number) => T): T {
    const slot = index % this.size;
    if (this.keys[slot] === index) return this.values[slot]!;
    const value = make(index);
    this.keys[slot] = index;
    this.values[slot] = value;
    return value;
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function resolveCounts(size: SampleDataOptions['size']): SampleCounts {
  const base = typeof size === 'string' ? SAMPLE_SIZES[size] : size;
  if (!base) throw new RangeError(`unknown sample size: ${JSON.stringify(size)}`);
  const counts: SampleCounts = {
    accounts: base.accounts ?? 0,
    contacts: base.contacts ?? 0,
    leads: base.leads ?? 0,
    deals: base.deals ?? 0,
    contracts: base.contracts ?? 0,
    tickets: base.tickets ?? 0,
    activities: base.activities ?? 0,
    approvals: base.approvals ?? 0,
  };
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`sample count ${name} must be a non-negative integer`);
  }
  if (
    counts.accounts === 0 &&
    counts.contacts + counts.deals + counts.contracts + counts.tickets > 0
  ) {
    throw new RangeError('contacts, deals, contracts and tickets need at least one account');
  }
  if (counts.accounts === 0 && counts.leads === 0 && counts.activities > 0)
    throw new RangeError('activities need accounts or leads');
  if (counts.approvals > 0 && counts.accounts === 0)
    throw new RangeError('approvals need at least one account');
  return counts;
}

// ---------- the sample team tree ----------

const SAMPLE_TEAMS = [
  { key: 'team-company', name: '总部', parent: '' },
  { key: 'team-north', name: '华北区', parent: 'team-company' },
  { key: 'team-east', name: '华东区', parent: 'team-company' },
  { key: 'team-south', name: '华南区', parent: 'team-company' },
] as const;
const SAMPLE_USERS: readonly {
  key: string;
  name: string;
  email: string;
  role: MemberRole;
  team: number;
}[] = [
  { key: 'user-01', name: '陈静', email: 'chen.jing@fieldcrm.example.com', role: 'admin', team: 0 },
  {
    key: 'user-02',
    name: '刘强',
    email: 'liu.qiang@fieldcrm.example.com',
    role: 'manager',
    team: 0,
  },
  {
    key: 'user-03',
    name: '王磊',
    email: 'wang.lei@fieldcrm.example.com',
    role: 'manager',
    team: 1,
  },
  { key: 'user-04', name: '张伟', email: 'zhang.wei@fieldcrm.example.com', role: 'rep', team: 1 },
  { key: 'user-05', name: '李娜', email: 'li.na@fieldcrm.example.com', role: 'rep', team: 1 },
  {
    key: 'user-06',
    name: '周敏',
    email: 'zhou.min@fieldcrm.example.com',
    role: 'manager',
    team: 2,
  },
  { key: 'user-07', name: '吴婷', email: 'wu.ting@fieldcrm.example.com', role: 'rep', team: 2 },
  {
    key: 'user-08',
    name: 'Kevin Xu',
    email: 'kevin.xu@fieldcrm.example.com',
    role: 'rep',
    team: 2,
  },
  {
    key: 'user-09',
    name: '黄志强',
    email: 'huang.zhiqiang@fieldcrm.example.com',
    role: 'manager',
    team: 3,
  },
  {
    key: 'user-10',
    name: '林晓燕',
    email: 'lin.xiaoyan@fieldcrm.example.com',
    role: 'rep',
    team: 3,
  },
  { key: 'user-11', name: '郑浩', email: 'zheng.hao@fieldcrm.example.com', role: 'rep', team: 3 },
];

class SampleDataSet implements SampleData {
  readonly seed: number;
  readonly now: number;
  readonly workspaceId: string;
  readonly today: string;
  readonly counts: Readonly<Record<CollectionName, number>>;

  private readonly n: SampleCounts;
  private readonly prefix: string;
  private readonly offsetMs: number;
  private readonly todayStart: number;
  private readonly members: readonly Member[];
  private readonly settings: readonly Setting[];
  private readonly territories: readonly Territory[];
  private readonly headOffice: readonly OwnerRef[];
  private readonly admin: OwnerRef;

  private readonly tiers: Uint8Array;
  private readonly statuses: Uint8Array;
  private readonly starts: Record<ChildCollection, Uint32Array>;
  /** Activities [0, accountActivities) follow up accounts; the rest follow up leads. */
  private readonly accountActivities: number;

  private readonly cnNames: Scrambler;
  private readonly enNames: Scrambler;
  private readonly orgCodes: Scrambler;
  private readonly mobiles: Scrambler;

  private readonly accountCache = new IndexCache<AccountCore>();
  private readonly contactCache = new IndexCache<ContactCore>();
  private readonly dealCache = new IndexCache<DealCore>();
  private readonly contractCache = new IndexCache<ContractCore>();
  private readonly ticketCache = new IndexCache<TicketCore>();
  private readonly leadCache = new IndexCache<LeadCore>();

  private readonly builders: { [K in CollectionName]: (index: number) => EntityByCollection[K] };

  constructor(options: SampleDataOptions) {
    if (!Number.isSafeInteger(options.now) || options.now < 5 * YEAR)
      throw new RangeError('now must be an epoch-ms integer');
    if (options.workspaceId === '') throw new RangeError('workspaceId is required');
    this.seed = (options.seed ?? 1) >>> 0;
    this.now = options.now;
    this.workspaceId = options.workspaceId;
    this.prefix = options.idPrefix ?? '';
    const offsetMinutes = options.utcOffsetMinutes ?? -new Date(options.now).getTimezoneOffset();
    this.offsetMs = offsetMinutes * MINUTE;
    this.todayStart = Math.floor((this.now + this.offsetMs) / DAY) * DAY - this.offsetMs;
    this.today = this.day(this.now);
    this.n = resolveCounts(options.size);

    // Owners and territories.
    if (options.members) {
      this.members = options.members.map((m) => ({ ...m, teamIds: [...m.teamIds] }));
      const users = this.members.filter((m) => m.kind === 'user' && m.active && !m.deleted);
      if (users.length === 0) throw new RangeError('members must include at least one active user');
      const byTeam = new Map<string, OwnerRef[]>();
      for (const u of users)
        byTeam.set(u.teamId, [
          ...(byTeam.get(u.teamId) ?? []),
          { id: u.id, teamId: u.teamId, role: u.role },
        ]);
      this.territories = [...byTeam.keys()]
        .sort()
        .map((teamId) => this.territory(teamId, byTeam.get(teamId)!));
      this.headOffice = [];
      const adminUser = users.find((u) => u.role === 'admin') ?? users[0];
      this.admin = { id: adminUser.id, teamId: adminUser.teamId, role: adminUser.role };
    } else {
      this.members = this.sampleMembers();
      const refs = SAMPLE_USERS.map((u) => ({
        id: this.prefix + u.key,
        teamId: this.prefix + SAMPLE_TEAMS[u.team].key,
        role: u.role,
      }));
      this.territories = [1, 2, 3].map((team) =>
        this.territory(
          this.prefix + SAMPLE_TEAMS[team].key,
          refs.filter((r) => r.teamId === this.prefix + SAMPLE_TEAMS[team].key),
        ),
      );
      this.headOffice = refs.filter(
        (r) => r.teamId === this.prefix + SAMPLE_TEAMS[0].key && r.role !== 'admin',
      );
      this.admin = refs[0]!;
    }
    this.settings = this.sampleSettings();

    // Bijections for unique names, credit codes and mobiles.
    const industries = INDUSTRY_WORDS.length;
    this.cnNames = new Scrambler(
      BRAND_FIRST.length * BRAND_SECOND.length * industries,
      hashSeed(this.seed, S.cnNames),
    );
    this.enNames = new Scrambler(
      EN_BRAND_PREFIXES.length * EN_BRAND_SUFFIXES.length * industries,
      hashSeed(this.seed, S.enNames),
    );
    this.orgCodes = new Scrambler(100_000_000, hashSeed(this.seed, S.org));
    this.mobiles = new Scrambler(100_000_000, hashSeed(this.seed, S.mobile));

    // Account classes (tier, status) and how children are spread over accounts.
    const accounts = this.n.accounts;
    this.tiers = new Uint8Array(accounts);
    this.statuses = new Uint8Array(accounts);
    for (let a = 0; a < accounts; a++) {
      const h = hashSeed(this.seed, S.cls, a);
      const t = unitFloat(h);
      const s = unitFloat(hashSeed(h, S.cls));
      this.tiers[a] = TIER_CUM.findIndex((c) => t < c);
      this.statuses[a] = STATUS_CUM.findIndex((c) => s < c);
    }
    this.accountActivities =
      accounts === 0
        ? 0
        : this.n.leads === 0
          ? this.n.activities
          : Math.round(this.n.activities * (1 - LEAD_ACTIVITY_SHARE));
    this.starts = {
      contacts: this.allocate('contacts', this.n.contacts, 1),
      deals: this.allocate('deals', this.n.deals, 0),
      contracts: this.allocate('contracts', this.n.contracts, 0),
      tickets: this.allocate('tickets', this.n.tickets, 0),
      activities: this.allocate('activities', this.accountActivities, 0),
    };

    this.counts = Object.freeze({
      ...this.n,
      members: this.members.length,
      settings: this.settings.length,
      // Marks are what people did in their inbox: a generated workspace has none yet.
      inbox_marks: 0,
    });
    this.builders = {
      members: (i) => ({ ...this.members[i], teamIds: [...this.members[i].teamIds] }),
      settings: (i) => cloneJson(this.settings[i]),
      accounts: (i) => this.buildAccount(i),
      contacts: (i) => this.buildContact(i).record,
      leads: (i) => this.buildLead(i).record,
      deals: (i) => this.buildDeal(i).record,
      contracts: (i) => this.buildContract(i).record,
      tickets: (i) => this.buildTicket(i).record,
      activities: (i) => this.buildActivity(i),
      approvals: (i) => this.buildApproval(i),
      inbox_marks: () => {
        throw new RangeError('sample data has no inbox marks');
      },
    };
  }

  // ---------- public ----------

  id(collection: CollectionName, index: number): string {
    if (collection === 'members') return this.members[index]?.id ?? '';
    if (collection === 'settings') return this.settings[index]?.id ?? '';
    if (collection === 'inbox_marks') throw new RangeError('sample data has no inbox marks');
    return `${this.prefix}${ID_PREFIX[collection]}-${String(index).padStart(6, '0')}`;
  }

  record<C extends CollectionName>(collection: C, index: number): EntityByCollection[C] {
    if (!Number.isInteger(index) || index < 0 || index >= this.counts[collection]) {
      throw new RangeError(
        `${collection} index ${index} is out of range (0…${this.counts[collection] - 1})`,
      );
    }
    return this.builders[collection](index);
  }

  *records<C extends CollectionName>(
    collection: C,
    start = 0,
    end = this.counts[collection],
  ): Generator<EntityByCollection[C], void, undefined> {
    const stop = Math.min(end, this.counts[collection]);
    for (let i = Math.max(0, start); i < stop; i++) yield this.builders[collection](i);
  }

  *batches<C extends CollectionName>(
    collection: C,
    batchSize = 1000,
  ): Generator<EntityByCollection[C][], void, undefined> {
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError('batchSize must be a positive integer');
    const total = this.counts[collection];
    const build = this.builders[collection];
    for (let start = 0; start < total; start += batchSize) {
      const end = Math.min(total, start + batchSize);
      const batch: EntityByCollection[C][] = new Array<EntityByCollection[C]>(end - start);
      for (let i = start; i < end; i++) batch[i - start] = build(i);
      yield batch;
    }
  }

  *allBatches(batchSize = 1000): Generator<SampleBatch, void, undefined> {
    for (const collection of SAMPLE_COLLECTION_ORDER) {
      for (const records of this.batches(collection, batchSize))
        yield { collection, records } as SampleBatch;
    }
  }

  // ---------- time ----------

  /** 'YYYY-MM-DD' of an instant in the configured time zone. */
  private day(t: number): string {
    return new Date(t + this.offsetMs).toISOString().slice(0, 10);
  }

  /** Start of the local day containing `t`. */
  private dayStart(t: number): number {
    return Math.floor((t + this.offsetMs) / DAY) * DAY - this.offsetMs;
  }

  /** A time during office hours (09:00–18:30) on the day of `t`, kept within [min, max]. */
  private officeHours(rng: Random, t: number, min: number, max: number): number {
    const at = this.dayStart(t) + rng.int(9 * 60, 18 * 60 + 30) * MINUTE;
    return at >= min && at <= max ? at : clamp(t, min, max);
  }

  // ---------- owners ----------

  private territory(teamId: string, users: readonly OwnerRef[]): Territory {
    const owners = weightedTable(
      users.map((u) => [u, u.role === 'rep' ? 2 : u.role === 'manager' ? 1 : 0.5] as const),
    );
    const manager =
      users.find((u) => u.role === 'manager') ?? users.find((u) => u.role === 'admin') ?? users[0];
    return { teamId, owners, users, manager };
  }

  private territoryOf(index: number): Territory {
    return this.territories[index % this.territories.length];
  }

  private pickOwner(rng: Random, territory: number, headOfficeChance = 0): OwnerRef {
    if (this.headOffice.length > 0 && rng.chance(headOfficeChance))
      return rng.pick(this.headOffice);
    return rng.weighted(this.territoryOf(territory).owners);
  }

  /** The owner of a child record: usually the account's owner, sometimes a colleague in the same territory. */
  private childOwner(
    rng: Random,
    parent: OwnerRef,
    territory: number,
    sameOwnerChance: number,
  ): OwnerRef {
    return rng.chance(sameOwnerChance) ? parent : rng.weighted(this.territoryOf(territory).owners);
  }

  private meta(
    id: string,
    owner: OwnerRef,
    createdAt: number,
    updatedAt: number,
    updatedBy = owner.id,
  ): RecordMeta {
    return {
      id,
      workspaceId: this.workspaceId,
      teamId: owner.teamId,
      ownerId: owner.id,
      createdAt,
      updatedAt,
      createdBy: owner.id || this.admin.id,
      updatedBy: updatedBy || this.admin.id,
      deleted: false,
    };
  }

  /**
   * A record: meta fields first, then the entity fields. Object.assign onto a fresh literal, because object
   * spread is several times slower here and set L builds a million records.
   */
  private stamp<T extends RecordMeta>(meta: RecordMeta, fields: Omit<T, keyof RecordMeta>): T {
    return Object.assign(meta, fields) as T;
  }

  // ---------- allocation of children to accounts ----------

  /**
   * Spreads `total` children over the accounts in proportion to a weight per account (bigger and active
   * customers get more), with `minEach` guaranteed when there are enough. Returns prefix offsets:
   * account a owns children [starts[a], starts[a+1]). Monotone, so children stream in account order.
   */
  private allocate(collection: ChildCollection, total: number, minEach: number): Uint32Array {
    const accounts = this.n.accounts;
    const starts = new Uint32Array(accounts + 1);
    if (accounts === 0) return starts;
    const base = total >= accounts * minEach ? minEach : 0;
    const rest = total - base * accounts;
    const weights = new Float64Array(accounts);
    let sum = 0;
    const byStatus = CHILD_WEIGHTS[collection];
    for (let a = 0; a < accounts; a++) {
      const jitter = 0.5 + unitFloat(hashSeed(this.seed, S.jitter, a, hashString(collection)));
      const w =
        TIER_WEIGHT[TIERS[this.tiers[a]]] *
        byStatus[ACCOUNT_STATUS_LIST[this.statuses[a]]] *
        jitter;
      weights[a] = w;
      sum += w;
    }
    if (sum <= 0) {
      weights.fill(1);
      sum = accounts;
    }
    let cumulative = 0;
    for (let a = 0; a < accounts; a++) {
      starts[a] = base * a + Math.round((rest * cumulative) / sum);
      cumulative += weights[a];
    }
    starts[accounts] = total;
    return starts;
  }

  /** The account that child `index` of a collection belongs to. */
  private accountOf(collection: ChildCollection, index: number): number {
    const starts = this.starts[collection];
    let lo = 0;
    let hi = starts.length - 1;
    // Largest a with starts[a] <= index (accounts without children share a start with the next one).
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private childRange(collection: ChildCollection, account: number): readonly [number, number] {
    const starts = this.starts[collection];
    return [starts[account], starts[account + 1]];
  }

  // ---------- companies and people ----------

  /**
   * The English/Chinese split is decided per block of 20 companies (3 English, 17 Chinese, at seeded
   * positions), so each company also gets a dense rank within its language: the input of the name bijection.
   */
  private languageSlot(companyIndex: number): { english: boolean; rank: number } {
    const block = Math.floor(companyIndex / 20);
    const pos = companyIndex % 20;
    const h = hashSeed(this.seed, S.lang, block);
    const a = h % 20;
    const b = (a + 1 + ((h >>> 5) % 19)) % 20;
    let skip = (h >>> 10) % 18;
    let c = 0;
    for (let q = 0; q < 20; q++) {
      if (q === a || q === b) continue;
      if (skip === 0) {
        c = q;
        break;
      }
      skip--;
    }
    const english = pos === a || pos === b || pos === c;
    const below = (a < pos ? 1 : 0) + (b < pos ? 1 : 0) + (c < pos ? 1 : 0);
    return { english, rank: english ? block * 3 + below : block * 17 + (pos - below) };
  }

  /** A company that nobody else in the data set has (index: accounts first, then lead companies). */
  private company(companyIndex: number, rng: Random): CompanyIdentity {
    const slot = this.languageSlot(companyIndex);
    const industries = INDUSTRY_WORDS.length;
    if (slot.english) {
      let x = this.enNames.map(slot.rank);
      const industry = INDUSTRY_WORDS[x % industries];
      x = Math.floor(x / industries);
      const suffix = EN_BRAND_SUFFIXES[x % EN_BRAND_SUFFIXES.length];
      const prefix =
        EN_BRAND_PREFIXES[Math.floor(x / EN_BRAND_SUFFIXES.length) % EN_BRAND_PREFIXES.length];
      const brand = prefix + suffix;
      const place = rng.chance(0.35) ? rng.weighted(OVERSEAS_TABLE) : null;
      const city = place ? null : rng.weighted(CITY_TABLE);
      const parts: CompanyParts = {
        english: true,
        pattern: city && rng.chance(0.5) ? 1 : 0,
        cityZh: city?.zh ?? '',
        cityEn: city?.en ?? '',
        brand,
        industry,
        form: rng.weighted(EN_FORM_TABLE),
      };
      const domain = `${brand.toLowerCase()}${rng.chance(0.4) ? industry.slug : ''}.com`;
      return {
        parts,
        city,
        place,
        district: city ? rng.pick(city.districts) : null,
        domain,
        shortName: brand,
        territory: city?.territory ?? place!.territory,
      };
    }
    let x = this.cnNames.map(slot.rank);
    const industry = INDUSTRY_WORDS[x % industries];
    x = Math.floor(x / industries);
    const second = BRAND_SECOND[x % BRAND_SECOND.length];
    const first = BRAND_FIRST[Math.floor(x / BRAND_SECOND.length) % BRAND_FIRST.length];
    const city = rng.weighted(CITY_TABLE);
    const parts: CompanyParts = {
      english: false,
      pattern: rng.weighted(CN_PATTERN_TABLE),
      cityZh: city.zh,
      cityEn: city.en,
      brand: first[0] + second[0],
      industry,
      form: rng.weighted(CN_FORM_TABLE),
    };
    const style = rng.next();
    const domainBase = `${first[1]}${second[1]}${style < 0.5 ? '' : style < 0.8 ? `-${industry.slug}` : industry.slug}`;
    return {
      parts,
      city,
      place: null,
      district: rng.pick(city.districts),
      domain: domainBase + rng.weighted(TLD_TABLE),
      shortName: parts.brand + industry.zh,
      territory: city.territory,
    };
  }

  private landline(rng: Random, identity: CompanyIdentity): string {
    if (identity.city) return `${identity.city.areaCode}-${rng.int(5, 8)}${rng.digits(7)}`;
    return `${identity.place!.phonePrefix}${rng.int(2, 9)}${rng.digits(3)} ${rng.digits(4)}`;
  }

  private address(rng: Random, identity: CompanyIdentity): string {
    if (identity.place) return rng.pick(identity.place.addresses);
    const city = identity.city!;
    const district = identity.district?.[1] ?? '';
    const building = rng.pick(BUILDING_SUFFIXES);
    const room = building
      ? `${building}${rng.int(2, 28)}${String(rng.int(1, 20)).padStart(2, '0')}室`
      : '';
    return `${city.province}${city.zh}市${district}${rng.pick(ROADS)}${rng.int(1, 999)}号${room}`;
  }

  /** A person; `serial` makes the mobile number unique in the data set. */
  private person(
    rng: Random,
    english: boolean,
    domain: string,
    serial: number,
    mobileChance: number,
    emailChance: number,
  ): Person {
    let name: string;
    let local: string;
    if (english) {
      const first = rng.pick(EN_FIRST_NAMES);
      const last = rng.pick(EN_LAST_NAMES);
      name = `${first} ${last}`;
      local = rng.chance(0.6) ? `${first}.${last}` : `${first.charAt(0)}${last}`;
    } else {
      const [surname, surnamePy] = rng.weighted(SURNAME_TABLE);
      const g1 = rng.pick(GIVEN_NAME_CHARS);
      const g2 = rng.chance(0.65) ? rng.pick(GIVEN_NAME_CHARS) : null;
      const given = g1[0] + (g2 ? g2[0] : '');
      const givenPy = g1[1] + (g2 ? g2[1] : '');
      if (rng.chance(0.04)) {
        // Chinese colleagues with an English first name, as common in foreign and tech companies.
        const first = rng.pick(EN_FIRST_NAMES);
        name = `${first} ${capitalize(surnamePy)}`;
        local = `${first}.${surnamePy}`;
      } else {
        name = surname + given;
        const style = rng.int(0, 3);
        local =
          style === 0
            ? `${givenPy}.${surnamePy}`
            : style === 1
              ? `${surnamePy}${givenPy}`
              : style === 2
                ? `${surnamePy}.${givenPy}`
                : `${surnamePy}${givenPy}${rng.int(1, 99)}`;
      }
    }
    const mobile = rng.chance(mobileChance)
      ? makeMobile(rng.pick(MOBILE_PREFIXES), this.mobiles.map(serial))
      : '';
    const email = rng.chance(emailChance) ? `${local}@${domain}`.toLowerCase() : '';
    return { name, email, mobile, english };
  }

  // ---------- accounts ----------

  private accountClass(a: number): { tier: Tier; status: AccountStatus } {
    return { tier: TIERS[this.tiers[a]], status: ACCOUNT_STATUS_LIST[this.statuses[a]] };
  }

  /** The earlier account this one duplicates, or -1. Always the original, never another duplicate. */
  private duplicateSource(a: number): number {
    let index = a;
    while (index >= 20 && unitFloat(hashSeed(this.seed, S.dup, index)) < DUPLICATE_RATE) {
      index = Math.floor(unitFloat(hashSeed(this.seed, S.dupSrc, index)) * index);
    }
    return index === a ? -1 : index;
  }

  private account(a: number): AccountCore {
    return this.accountCache.get(a, (i) => this.buildAccountCore(i));
  }

  private buildAccountCore(a: number): AccountCore {
    const rng = new Random(hashSeed(this.seed, S.account, a));
    const { tier, status } = this.accountClass(a);
    const id = this.id('accounts', a);
    const source = this.duplicateSource(a);
    if (source >= 0) {
      // Same company, typed differently by another rep (防撞单): same name key, often another owner.
      const original = this.account(source);
      const name = composeCompanyName(
        original.identity.parts,
        rng.int(1, COMPANY_NAME_VARIANTS - 1),
      );
      const territory = rng.chance(0.7)
        ? original.territory + 1 + rng.int(0, 1)
        : original.territory;
      return {
        index: a,
        id,
        identity: original.identity,
        name,
        nameKey: companyNameKey(name),
        english: original.english,
        tier,
        status,
        owner: this.pickOwner(rng, territory),
        territory,
        createdAt: rng.timeBetween(original.createdAt + DAY, this.now - 2 * HOUR),
        creditCode: rng.chance(0.5) ? original.creditCode : '',
        phone: rng.chance(0.4) ? original.phone : '',
        dupOf: source,
      };
    }
    const identity = this.company(a, rng);
    const name = composeCompanyName(identity.parts, 0);
    return {
      index: a,
      id,
      identity,
      name,
      nameKey: companyNameKey(name),
      english: identity.parts.english,
      tier,
      status,
      owner: this.pickOwner(rng, identity.territory, 0.03),
      territory: identity.territory,
      createdAt: rng.recentTimeBetween(this.now - 3 * YEAR, this.now - 2 * HOUR, 1.3),
      creditCode:
        identity.district && rng.chance(0.92)
          ? makeCreditCode(identity.district[0], this.orgCodes.map(a))
          : '',
      phone: rng.chance(0.85) ? this.landline(rng, identity) : '',
      dupOf: -1,
    };
  }

  private lang(rng: Random, english: boolean): Lang {
    return english ? (rng.chance(0.92) ? 1 : 0) : rng.chance(0.02) ? 1 : 0;
  }

  private buildAccount(a: number): Account {
    const core = this.account(a);
    const rng = new Random(hashSeed(this.seed, S.accountExtra, a));
    const { identity, tier, status } = core;
    const tags: string[] = [];
    if (status === 'prospect' && rng.chance(0.5)) tags.push(rng.chance(0.6) ? 'mql' : 'sql');
    if (tier === 'A' && status !== 'prospect') tags.push('keyAccount');
    if (status === 'churned' && rng.chance(0.7)) tags.push('churnRisk');
    if (status === 'customer' && rng.chance(0.2)) tags.push('renewal');
    if (status === 'customer' && rng.chance(0.15)) tags.push('upsell');
    if (status === 'customer' && rng.chance(0.05)) tags.push('churnRisk');
    if (rng.chance(0.15)) tags.push(rng.pick(ACCOUNT_FREE_TAGS));
    const lang = this.lang(rng, core.english);
    const updatedAt = rng.recentTimeBetween(core.createdAt, this.now - MINUTE, 2);
    return this.stamp<Account>(this.meta(core.id, core.owner, core.createdAt, updatedAt), {
      name: core.name,
      nameKey: core.nameKey,
      creditCode: core.creditCode,
      industry: rng.chance(0.95) ? identity.parts.industry.code : '',
      sizeBand: rng.chance(0.9) ? rng.weighted(SIZE_BY_TIER[tier]) : '',
      region: identity.city?.region ?? identity.place?.region ?? '',
      source: rng.chance(0.85) ? rng.weighted(SOURCE_TABLE) : '',
      tier: rng.chance(0.95) ? tier : '',
      status,
      tags,
      phone: core.phone,
      website: rng.chance(0.75) ? `www.${identity.domain}` : '',
      address: rng.chance(0.9) ? this.address(rng, identity) : '',
      notes: rng.chance(0.12) ? rng.pick(ACCOUNT_NOTES[lang]) : '',
      // A customer since its record was created (no extra draw: the streams stay as they were).
      customerSince: status === 'prospect' ? '' : this.day(core.createdAt),
      anniversaryMonthDay: status === 'prospect' ? '' : monthDayOf(this.day(core.createdAt)),
      lastActivityAt: 0,
      mergedIntoId: '',
    });
  }

  // ---------- contacts ----------

  private contact(j: number): ContactCore {
    return this.contactCache.get(j, (i) => this.buildContact(i));
  }

  private buildContact(j: number): ContactCore {
    const a = this.accountOf('contacts', j);
    const acc = this.account(a);
    const first = this.starts.contacts[a] === j;
    const rng = new Random(hashSeed(this.seed, S.contact, j));
    const english = acc.english ? rng.chance(0.6) : false;
    const title: JobTitle = first ? rng.pick(DECISION_MAKER_TITLES) : rng.pick(JOB_TITLES);
    const person = this.person(
      rng,
      english,
      acc.identity.domain,
      j,
      acc.identity.place ? 0.35 : 0.92,
      0.85,
    );
    const createdAt = first
      ? Math.min(this.now - HOUR, acc.createdAt + rng.int(1, 60) * MINUTE)
      : rng.recentTimeBetween(acc.createdAt, this.now - HOUR, 1.5);
    const owner = this.childOwner(rng, acc.owner, acc.territory, 0.9);
    const useEnglish = english || (acc.english && rng.chance(0.5));
    let wechat = '';
    if (!acc.identity.place && rng.chance(0.55)) {
      const style = rng.int(0, 2);
      wechat =
        style === 0
          ? `wxid_${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 12)}`
          : style === 1 && person.mobile
            ? person.mobile
            : `${person.email.split('@')[0] || 'wx'}${rng.digits(3)}`;
    }
    const birthYear = rng.int(1965, 1998);
    const record: Contact = this.stamp<Contact>(
      this.meta(
        this.id('contacts', j),
        owner,
        createdAt,
        rng.recentTimeBetween(createdAt, this.now - MINUTE, 2),
      ),
      {
        accountId: acc.id,
        name: person.name,
        title: rng.chance(0.93) ? (useEnglish ? title.en : title.zh) : '',
        department: rng.chance(0.8) ? (useEnglish ? title.enDept : title.zhDept) : '',
        mobile: person.mobile,
        email: person.email,
        phone: rng.chance(0.3) && acc.phone ? `${acc.phone}-${rng.int(100, 899)}` : '',
        wechat,
        decisionRole: first ? 'decisionMaker' : rng.chance(0.75) ? title.role : '',
        decisionPower: first ? 'high' : rng.chance(0.7) ? title.power : '',
        birthday: rng.chance(0.35)
          ? `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
          : '',
        notes: rng.chance(0.05)
          ? useEnglish
            ? 'Prefers e-mail over phone calls'
            : rng.pick([
                '喜欢喝茶，拜访可带茶叶',
                '周一上午例会，勿打扰',
                '偏好微信沟通',
                '技术出身，关注细节',
              ])
          : '',
        birthdayMonthDay: '',
        mergedIntoId: '',
      },
    );
    record.birthdayMonthDay = monthDayOf(record.birthday);
    return { record, accountIndex: a };
  }

  // ---------- deals ----------

  private deal(k: number): DealCore {
    return this.dealCache.get(k, (i) => this.buildDeal(i));
  }

  private buildDeal(k: number): DealCore {
    const a = this.accountOf('deals', k);
    const acc = this.account(a);
    const rng = new Random(hashSeed(this.seed, S.deal, k));
    const [cs, ce] = this.childRange('contacts', a);
    const hasContacts = ce > cs;
    const stageId: StageId = hasContacts
      ? rng.weighted(STAGE_BY_STATUS[acc.status])
      : rng.chance(0.75)
        ? 'qualify'
        : 'lost';
    const stage = stageOf(stageId);
    const closed = stage.outcome !== 'open';
    const lang = this.lang(rng, acc.english);

    const earliest = Math.max(acc.createdAt, this.now - (closed ? 730 : 270) * DAY);
    const createdAt = rng.timeBetween(
      earliest,
      Math.max(earliest, this.now - (closed ? 20 * DAY : 2 * HOUR)),
    );
    const closeAt = closed
      ? Math.max(
          createdAt,
          Math.min(this.now - HOUR, createdAt + rng.int(15, 180) * DAY + rng.int(0, DAY)),
        )
      : this.todayStart + rng.int(-20, 150) * DAY + 12 * HOUR;
    const updatedAt = closed
      ? Math.min(this.now - MINUTE, closeAt + rng.int(0, 120) * MINUTE)
      : rng.recentTimeBetween(createdAt, this.now - MINUTE, 2);

    const id = this.id('deals', k);
    const lineChance = stageId === 'qualify' ? 0.3 : stageId === 'needs' ? 0.6 : 1;
    const lineItems: LineItem[] = [];
    let maxDiscount = 0;
    if (rng.chance(lineChance)) {
      const count = rng.weighted(LINE_COUNT_TABLE);
      const used = new Set<number>();
      for (let n = 0; n < count; n++) {
        let p = rng.int(0, PRODUCTS.length - 1);
        while (used.has(p)) p = (p + 1) % PRODUCTS.length;
        used.add(p);
        const product = PRODUCTS[p];
        const discount = rng.chance(0.35) ? rng.pick(DISCOUNTS) : 0;
        maxDiscount = Math.max(maxDiscount, discount);
        lineItems.push({
          id: `${id}-l${n + 1}`,
          product: lang === 1 ? product.en : product.zh,
          quantity: rng.int(product.quantity[0], product.quantity[1]),
          unitPrice:
            Math.round(rng.float(product.price[0], product.price[1]) / product.priceStep) *
            product.priceStep,
          discount,
        });
      }
    }
    const tierScale = { A: 4, B: 2, C: 1, D: 0.5 }[acc.tier];
    const amount =
      lineItems.length > 0
        ? lineItemsTotal(lineItems)
        : Math.max(1, Math.round(rng.int(2, 100) * tierScale)) * 10_000;

    const gated =
      hasContacts &&
      (stageId === 'quote' ||
        stageId === 'negotiation' ||
        stageId === 'won' ||
        (stageId === 'lost' && rng.chance(0.4)));
    const needsContact = stageId !== 'qualify' && stageId !== 'lost';
    const contactId =
      hasContacts && (needsContact || rng.chance(0.65))
        ? this.id('contacts', rng.int(cs, ce - 1))
        : '';
    const theme = rng.pick(DEAL_THEMES);
    const source = rng.chance(0.8) ? rng.weighted(SOURCE_TABLE) : '';
    const campaigns = source ? CAMPAIGNS_BY_SOURCE.get(source) : undefined;
    const budgetWan = Math.max(1, Math.round((amount * rng.float(1, 1.3)) / 10_000));
    const owner = this.childOwner(rng, acc.owner, acc.territory, 0.85);
    const lost = rng.pick(LOST_REASONS);

    const record: Deal = this.stamp<Deal>(this.meta(id, owner, createdAt, updatedAt), {
      name:
        lang === 1
          ? `${acc.identity.shortName} – ${theme[1]}`
          : `${acc.identity.shortName}${theme[0]}`,
      accountId: acc.id,
      contactId,
      pipelineId: DEFAULT_PIPELINE_ID,
      stage: stageId,
      status: stage.outcome,
      amount,
      currency: 'CNY',
      probability: stage.probability,
      closeDate: this.day(closeAt),
      lineItems,
      source,
      campaign: campaigns && rng.chance(0.5) ? rng.pick(campaigns) : '',
      budget: gated
        ? lang === 1
          ? `Approved, about CNY ${budgetWan * 10}k`
          : rng.pick([
              `已立项，预算约 ${budgetWan} 万元`,
              `预算 ${budgetWan} 万，待财务审批`,
              `年度预算已批复 ${budgetWan} 万`,
            ])
        : '',
      decisionMakerId: gated ? this.id('contacts', cs) : '',
      competitor: gated ? rng.pick(COMPETITORS) : '',
      lostReason: stageId === 'lost' ? lost[lang] : '',
      rank: (k + 1) * RANK_STEP,
      notes: rng.chance(0.1)
        ? lang === 1
          ? 'Customer asked for a reference visit.'
          : rng.pick([
              '客户希望参观样板客户',
              '需要与集成商联合投标',
              '年底前必须上线',
              '预算分两期到位',
            ])
        : '',
      lastActivityAt: 0,
      campaignId: '',
      forecastCategory: '',
      quotes: [],
    });
    return { record, accountIndex: a, lang, closeAt, maxDiscount };
  }

  // ---------- contracts ----------

  private contract(c: number): ContractCore {
    return this.contractCache.get(c, (i) => this.buildContract(i));
  }

  private buildContract(c: number): ContractCore {
    const a = this.accountOf('contracts', c);
    const acc = this.account(a);
    const rng = new Random(hashSeed(this.seed, S.contract, c));
    const ownLang = this.lang(rng, acc.english);
    const id = this.id('contracts', c);

    // The n-th contract of an account belongs to its n-th won deal, when there is one.
    const position = c - this.starts.contracts[a];
    const [ds, de] = this.childRange('deals', a);
    let deal: DealCore | null = null;
    for (let d = ds, won = 0; d < de; d++) {
      const candidate = this.deal(d);
      if (candidate.record.status !== 'won') continue;
      if (won === position) {
        deal = candidate;
        break;
      }
      won++;
    }
    // A contract is written in the language of the deal it closes.
    const lang = deal ? deal.lang : ownLang;
    const amount = deal ? deal.record.amount : rng.int(5, 120) * 10_000;
    const product = rng.pick(PRODUCTS);
    const title = deal
      ? lang === 1
        ? `${deal.record.name} Agreement`
        : `${deal.record.name}合同`
      : lang === 1
        ? `${acc.identity.shortName} ${product.en} Agreement`
        : `${acc.identity.shortName}${product.zh.replace(/（.*）/, '')}采购合同`;
    const owner = deal
      ? { id: deal.record.ownerId, teamId: deal.record.teamId, role: '' as const }
      : acc.owner;

    const draft = rng.chance(deal ? 0.04 : 0.12);
    const splits = rng.weighted(PLAN_SPLIT_TABLE);
    const amountCents = Math.round(amount * 100);
    let createdAt: number;
    let signedAt = 0;
    let startAt: number;
    let endAt: number;
    let status: Contract['status'];
    let terminatedAt = Infinity;
    if (draft) {
      createdAt = rng.timeBetween(
        Math.max(acc.createdAt, deal?.closeAt ?? 0, this.now - 30 * DAY),
        this.now - HOUR,
      );
      startAt = this.todayStart + rng.int(7, 45) * DAY;
      endAt = startAt + YEAR - DAY;
      status = 'draft';
    } else {
      signedAt = deal
        ? Math.max(deal.closeAt, Math.min(this.now - HOUR, deal.closeAt + rng.int(0, 20) * DAY))
        : rng.timeBetween(Math.max(acc.createdAt + DAY, this.now - 4 * YEAR), this.now - 3 * DAY);
      signedAt = Math.min(signedAt, this.now - HOUR);
      createdAt = Math.max(deal?.closeAt ?? acc.createdAt, signedAt - rng.int(1, 10) * DAY);
      startAt = signedAt + rng.int(0, 15) * DAY;
      endAt = startAt + rng.weighted(TERM_YEARS_TABLE) * YEAR - DAY;
      const terminated = rng.chance(0.05);
      if (terminated)
        terminatedAt = Math.min(this.now - DAY, startAt + rng.float(0.2, 0.8) * (endAt - startAt));
      status =
        terminated && terminatedAt > signedAt
          ? 'terminated'
          : this.day(endAt) < this.today
            ? 'expired'
            : 'active';
    }

    const paymentPlan: PaymentPlanItem[] = [];
    const dueTimes: number[] = [];
    if (!draft || rng.chance(0.6)) {
      const span = rng.chance(0.5) ? Math.min(YEAR, endAt - startAt) : endAt - startAt;
      let allocated = 0;
      splits.forEach((share, n) => {
        const cents =
          n === splits.length - 1 ? amountCents - allocated : Math.round(amountCents * share);
        allocated += cents;
        const due =
          startAt + Math.floor((n * span) / splits.length) + (n === 0 ? rng.int(0, 10) * DAY : 0);
        dueTimes.push(due);
        paymentPlan.push({
          id: `${id}-p${n + 1}`,
          dueDate: this.day(due),
          amount: cents / 100,
          note:
            splits.length === 1
              ? '一次性付款'
              : n === 0
                ? PAYMENT_NOTES[0]
                : n === splits.length - 1
                  ? PAYMENT_NOTES[3]
                  : PAYMENT_NOTES[n % 2 === 1 ? 1 : 2],
        });
      });
    }

    // Who pays how: most on time, some late, some not at all (so overdue collections show up).
    const payer = rng.next();
    const payments: Payment[] = [];
    let lastPaymentAt = signedAt;
    if (!draft) {
      paymentPlan.forEach((item, n) => {
        const due = dueTimes[n];
        if (due > this.now || due > terminatedAt) return;
        let delayDays: number;
        if (payer < 0.72) delayDays = rng.int(-5, 15);
        else if (payer < 0.9) delayDays = rng.int(5, 60);
        else if (rng.chance(0.5)) return;
        else delayDays = rng.int(20, 120);
        const paidAt = Math.max(signedAt, due + delayDays * DAY);
        if (paidAt > this.now - HOUR) return;
        const partial = payer >= 0.72 && rng.chance(0.2);
        payments.push({
          id: `${id}-r${payments.length + 1}`,
          date: this.day(paidAt),
          amount: partial ? Math.round(item.amount * 50) / 100 : item.amount,
          method: rng.weighted(METHOD_TABLE),
          planItemId: item.id,
          note: partial ? (lang === 1 ? 'Partial payment' : '部分付款') : '',
        });
        lastPaymentAt = Math.max(lastPaymentAt, paidAt);
      });
    }
    const updatedAt = Math.min(
      this.now - MINUTE,
      Math.max(createdAt, lastPaymentAt) + rng.int(0, 240) * MINUTE,
    );
    const record: Contract = this.stamp<Contract>(
      this.meta(id, owner, createdAt, Math.max(createdAt, updatedAt)),
      {
        number: `HT-${this.day(createdAt).slice(0, 4)}-${String(c + 1).padStart(6, '0')}`,
        title,
        accountId: acc.id,
        dealId: deal ? deal.record.id : '',
        amount,
        currency: 'CNY',
        status,
        signedDate: draft ? '' : this.day(signedAt),
        startDate: draft && rng.chance(0.4) ? '' : this.day(startAt),
        endDate: draft && rng.chance(0.4) ? '' : this.day(endAt),
        paymentPlan,
        payments,
        notes: rng.pick(CONTRACT_NOTES[lang]),
        collectionDueDate: nextCollectionDueDate({ amount, paymentPlan, payments }),
        quoteId: '',
      },
    );
    if (draft && record.startDate === '') record.endDate = '';
    return { record, accountIndex: a };
  }

  // ---------- tickets ----------

  private ticket(t: number): TicketCore {
    return this.ticketCache.get(t, (i) => this.buildTicket(i));
  }

  private buildTicket(t: number): TicketCore {
    const a = this.accountOf('tickets', t);
    const acc = this.account(a);
    const rng = new Random(hashSeed(this.seed, S.ticket, t));
    const lang = this.lang(rng, acc.english);
    const [cs, ce] = this.childRange('contacts', a);
    const [subjectZh, subjectEn, type] = rng.pick(TICKET_SUBJECTS);
    const status = rng.weighted(TICKET_STATUS_TABLE);
    const unresolved = status === 'new' || status === 'open' || status === 'pending';
    const earliest = Math.max(acc.createdAt, this.now - (unresolved ? 30 : 365) * DAY);
    const createdAt = rng.recentTimeBetween(earliest, this.now - 10 * MINUTE, unresolved ? 1.5 : 1);
    let priority = rng.weighted(PRIORITY_TABLE);
    if (type === 'complaint' && priority === 'low') priority = 'high';
    const territory = this.territoryOf(acc.territory);
    const assignee =
      status === 'new' && rng.chance(0.4)
        ? null
        : rng.chance(0.6)
          ? acc.owner
          : rng.pick(territory.users);
    const firstResponseAt =
      status === 'new'
        ? undefined
        : Math.min(this.now - MINUTE, createdAt + rng.int(10, 48 * 60) * MINUTE);
    const resolvedAt =
      status === 'resolved' || status === 'closed'
        ? Math.min(
            this.now - MINUTE,
            (firstResponseAt ?? createdAt) + rng.int(60, 10 * 24 * 60) * MINUTE,
          )
        : undefined;
    const updatedAt = Math.max(createdAt, resolvedAt ?? firstResponseAt ?? createdAt);
    const record: Ticket = this.stamp<Ticket>(
      this.meta(
        this.id('tickets', t),
        acc.owner,
        createdAt,
        updatedAt,
        assignee?.id ?? acc.owner.id,
      ),
      {
        number: `TK-${String(t + 1).padStart(6, '0')}`,
        subject: lang === 1 ? subjectEn : subjectZh,
        description: rng.chance(0.8) ? rng.pick(TICKET_DESCRIPTIONS[lang]) : '',
        accountId: acc.id,
        contactId: ce > cs && rng.chance(0.85) ? this.id('contacts', rng.int(cs, ce - 1)) : '',
        type,
        priority,
        status,
        assigneeId: assignee?.id ?? '',
        resolution: resolvedAt !== undefined ? rng.pick(TICKET_RESOLUTIONS[lang]) : '',
        csatComment: '',
        csatAt: 0,
        product: '',
        language: '',
        routedAt: 0,
        slaPausedMs: 0,
        slaWaitingSince: 0,
        slaWarnedAt: 0,
        slaBreachedAt: 0,
      },
    );
    if (firstResponseAt !== undefined) record.firstResponseAt = firstResponseAt;
    if (resolvedAt !== undefined) record.resolvedAt = resolvedAt;
    if ((status === 'closed' && rng.chance(0.7)) || (status === 'resolved' && rng.chance(0.3)))
      record.csat = rng.weighted(CSAT_TABLE);
    return { record, accountIndex: a };
  }

  // ---------- leads ----------

  private lead(k: number): LeadCore {
    return this.leadCache.get(k, (i) => this.buildLead(i));
  }

  private buildLead(k: number): LeadCore {
    const rng = new Random(hashSeed(this.seed, S.lead, k));
    const accounts = this.n.accounts;
    let status = rng.weighted(LEAD_STATUS_TABLE);
    if (status === 'converted' && accounts === 0) status = 'qualified';
    const knownAccount =
      accounts > 0 && (status === 'converted' || rng.chance(0.04)) ? rng.int(0, accounts - 1) : -1;
    const id = this.id('leads', k);
    let company = '';
    let person: Person;
    let region: Lead['region'] = '';
    let industry = '';
    let territory: number;
    let convertedAccountId = '';
    let convertedContactId = '';
    let convertedDealId = '';
    let createdAt: number;
    let title: string;
    let english: boolean;

    if (knownAccount >= 0) {
      const acc = this.account(knownAccount);
      english = acc.english;
      region = acc.identity.city?.region ?? acc.identity.place?.region ?? '';
      industry = acc.identity.parts.industry.code;
      const [cs, ce] = this.childRange('contacts', knownAccount);
      const [ds, de] = this.childRange('deals', knownAccount);
      const samePerson = ce > cs && (status === 'converted' || rng.chance(0.5));
      if (status === 'converted') {
        // The lead became this account, its first contact and first deal.
        company = acc.name;
        convertedAccountId = acc.id;
        convertedContactId = ce > cs ? this.id('contacts', cs) : '';
        convertedDealId = de > ds ? this.id('deals', ds) : '';
        territory = acc.territory;
        createdAt = Math.max(0, acc.createdAt - rng.int(1, 30) * DAY);
      } else {
        // A lead for a company someone already follows (防撞单 on leads), often spelled differently.
        company = composeCompanyName(acc.identity.parts, rng.int(0, COMPANY_NAME_VARIANTS - 1));
        territory = acc.territory + rng.int(0, 2);
        createdAt = rng.recentTimeBetween(this.now - 60 * DAY, this.now - HOUR, 2);
      }
      if (samePerson) {
        const contact = this.contact(status === 'converted' ? cs : rng.int(cs, ce - 1)).record;
        person = { name: contact.name, mobile: contact.mobile, email: contact.email, english };
        title = contact.title;
      } else {
        person = this.person(
          rng,
          english && rng.chance(0.6),
          acc.identity.domain,
          this.n.contacts + k,
          0.85,
          0.75,
        );
        title = rng.chance(0.7)
          ? english
            ? rng.pick(JOB_TITLES).en
            : rng.pick(JOB_TITLES).zh
          : '';
      }
    } else {
      const individual = rng.chance(0.05);
      const identity = this.company(accounts + k, rng);
      english = identity.parts.english;
      company = individual ? '' : composeCompanyName(identity.parts, 0);
      region = identity.city?.region ?? identity.place?.region ?? '';
      industry = individual ? '' : identity.parts.industry.code;
      territory = identity.territory;
      const domain = individual ? rng.pick(PUBLIC_MAIL_DOMAINS) : identity.domain;
      person = this.person(
        rng,
        english && rng.chance(0.6),
        domain,
        this.n.contacts + k,
        0.85,
        0.75,
      );
      title = rng.chance(0.7) ? (english ? rng.pick(JOB_TITLES).en : rng.pick(JOB_TITLES).zh) : '';
      const days = status === 'new' ? 14 : status === 'contacted' ? 60 : 540;
      createdAt = rng.recentTimeBetween(
        this.now - days * DAY,
        this.now - 10 * MINUTE,
        status === 'new' ? 1.2 : 1.5,
      );
    }

    const unassigned = status === 'new' && rng.chance(0.15);
    const owner: OwnerRef = convertedAccountId
      ? this.account(knownAccount).owner
      : unassigned
        ? { id: '', teamId: this.territoryOf(territory).teamId, role: '' }
        : this.pickOwner(rng, territory);
    const source = rng.weighted(SOURCE_TABLE);
    const campaigns = CAMPAIGNS_BY_SOURCE.get(source);
    const updatedAt = convertedAccountId
      ? Math.max(createdAt, this.account(knownAccount).createdAt)
      : rng.recentTimeBetween(createdAt, this.now - MINUTE, 2);
    const [lo, hi] = LEAD_SCORE[status];
    const lang: Lang = english ? 1 : 0;
    const record: Lead = this.stamp<Lead>(
      this.meta(id, owner, createdAt, updatedAt, owner.id || this.admin.id),
      {
        name: person.name,
        company,
        companyKey: company ? companyNameKey(company) : '',
        title,
        mobile: person.mobile,
        email: person.email,
        source,
        campaign: campaigns && rng.chance(0.6) ? rng.pick(campaigns) : '',
        status,
        score: rng.int(lo, hi),
        region,
        industry,
        notes: rng.chance(0.3) ? rng.pick(LEAD_NOTES[lang]) : '',
        convertedAccountId,
        convertedContactId,
        convertedDealId,
        lastActivityAt: 0,
        campaignId: '',
        qualification: '',
        assignedAt: 0,
        sizeBand: '',
        captureSource: '',
        mergedIntoId: '',
      },
    );
    if (status === 'disqualified' && rng.chance(0.1)) {
      record.deleted = true;
      record.deletedAt = Math.min(this.now - MINUTE, updatedAt + rng.int(1, 72) * HOUR);
      record.updatedAt = record.deletedAt;
    }
    return { record, territory };
  }

  // ---------- activities ----------

  private buildActivity(q: number): Activity {
    const rng = new Random(hashSeed(this.seed, S.activity, q));
    const type = rng.weighted(ACTIVITY_TYPE_TABLE);
    let accountId = '';
    let relatedType: RelatedType;
    let relatedId: string;
    let earliest: number;
    let owner: OwnerRef;
    let personName = '';
    let english: boolean;

    if (q < this.accountActivities) {
      const a = this.accountOf('activities', q);
      const acc = this.account(a);
      accountId = acc.id;
      english = acc.english;
      owner = acc.owner;
      relatedType = 'account';
      relatedId = acc.id;
      earliest = acc.createdAt;
      const [cs, ce] = this.childRange('contacts', a);
      const [ds, de] = this.childRange('deals', a);
      const [ts, te] = this.childRange('tickets', a);
      const [ks, ke] = this.childRange('contracts', a);
      const weights = [25, ce > cs ? 20 : 0, de > ds ? 35 : 0, te > ts ? 12 : 0, ke > ks ? 8 : 0];
      let pick = rng.next() * weights.reduce((x, y) => x + y, 0);
      let kind = 0;
      while (kind < weights.length - 1 && pick >= weights[kind]) pick -= weights[kind++];
      if (weights[kind] === 0) kind = 0;
      if (kind === 1) {
        const contact = this.contact(rng.int(cs, ce - 1)).record;
        relatedType = 'contact';
        relatedId = contact.id;
        earliest = contact.createdAt;
        personName = contact.name;
      } else if (kind === 2) {
        const deal = this.deal(rng.int(ds, de - 1)).record;
        relatedType = 'deal';
        relatedId = deal.id;
        earliest = deal.createdAt;
        owner = { id: deal.ownerId, teamId: deal.teamId, role: '' };
      } else if (kind === 3) {
        const ticket = this.ticket(rng.int(ts, te - 1)).record;
        relatedType = 'ticket';
        relatedId = ticket.id;
        earliest = ticket.createdAt;
      } else if (kind === 4) {
        const contract = this.contract(rng.int(ks, ke - 1)).record;
        relatedType = 'contract';
        relatedId = contract.id;
        earliest = contract.createdAt;
        owner = { id: contract.ownerId, teamId: contract.teamId, role: '' };
      }
      if (!personName && ce > cs) personName = this.contact(cs).record.name;
      if (rng.chance(0.1)) owner = rng.weighted(this.territoryOf(acc.territory).owners);
    } else {
      const lead = this.lead(
        Math.floor(unitFloat(hashSeed(this.seed, S.leadPick, q)) * this.n.leads),
      );
      accountId = lead.record.convertedAccountId;
      relatedType = 'lead';
      relatedId = lead.record.id;
      earliest = lead.record.createdAt;
      english = /^[\x20-\x7e]*$/.test(lead.record.name);
      personName = lead.record.name;
      owner = lead.record.ownerId
        ? { id: lead.record.ownerId, teamId: lead.record.teamId, role: '' }
        : rng.weighted(this.territoryOf(lead.territory).owners);
    }

    const lang = this.lang(rng, english);
    const latest = this.now - MINUTE;
    earliest = Math.min(earliest, latest);
    let createdAt: number;
    let occurredAt: number;
    let dueDate = '';
    let done = true;
    let doneAt: number | undefined;
    let outcome = '';
    let nextStep = '';
    let body = '';

    if (type === 'task') {
      // Tasks around "now": done in the past, overdue, due today, upcoming ("My day").
      let bucket = rng.weighted(TASK_BUCKET_TABLE);
      if (bucket === 'done' && earliest > this.now - 2 * DAY) bucket = 'upcoming';
      let dueAt: number;
      if (bucket === 'done')
        dueAt = rng.recentTimeBetween(
          Math.max(earliest + DAY, this.now - 180 * DAY),
          this.now - DAY,
          1.5,
        );
      else if (bucket === 'overdue') dueAt = this.todayStart - rng.int(1, 14) * DAY + 10 * HOUR;
      else if (bucket === 'today') dueAt = this.todayStart + 10 * HOUR;
      else dueAt = this.todayStart + rng.int(1, 21) * DAY + 10 * HOUR;
      createdAt = clamp(
        dueAt - rng.int(1, 10) * DAY + rng.int(0, 8 * 60) * MINUTE,
        earliest,
        latest,
      );
      occurredAt = createdAt;
      dueDate = this.day(dueAt);
      done = bucket === 'done' || (bucket === 'today' && rng.chance(0.25));
      if (done)
        doneAt = clamp(
          bucket === 'done'
            ? dueAt + rng.int(-2 * 24 * 60, 12 * 60) * MINUTE
            : this.now - rng.int(1, 240) * MINUTE,
          createdAt,
          latest,
        );
      if (done && rng.chance(0.4)) outcome = rng.pick(ACTIVITY_OUTCOMES[lang]);
    } else {
      occurredAt = this.officeHours(
        rng,
        rng.recentTimeBetween(earliest, latest, 2.5),
        earliest,
        latest,
      );
      createdAt = Math.min(latest, occurredAt + rng.int(0, 120) * MINUTE);
      doneAt = occurredAt;
      if (rng.chance(0.7)) outcome = rng.pick(ACTIVITY_OUTCOMES[lang]);
      if (rng.chance(0.5)) nextStep = rng.pick(ACTIVITY_NEXT_STEPS[lang]);
      if (rng.chance(0.6)) {
        const topic = rng.pick(ACTIVITY_TOPICS[lang]);
        const who = personName || (lang === 1 ? 'the customer' : '客户');
        body =
          lang === 1
            ? `Discussed ${topic} with ${who}.${outcome ? ` ${outcome}.` : ''}`
            : `与${who}沟通了${topic}。${outcome ? `${outcome}。` : ''}`;
      }
    }
    const updatedAt = Math.max(createdAt, doneAt ?? createdAt);
    const record: Activity = this.stamp<Activity>(
      this.meta(this.id('activities', q), owner, createdAt, updatedAt),
      {
        type,
        subject: rng.pick(ACTIVITY_SUBJECTS[type][lang]),
        body,
        outcome,
        nextStep,
        relatedType,
        relatedId,
        accountId,
        occurredAt,
        dueDate,
        done,
      },
    );
    if (doneAt !== undefined) record.doneAt = doneAt;
    if (type === 'note' && rng.chance(0.03)) {
      record.deleted = true;
      record.deletedAt = Math.min(latest, updatedAt + rng.int(1, 48) * HOUR);
      record.updatedAt = Math.max(updatedAt, record.deletedAt);
    }
    return record;
  }

  // ---------- approvals ----------

  private buildApproval(m: number): Approval {
    const rng = new Random(hashSeed(this.seed, S.approval, m));
    const n = this.n;
    const spread = (count: number) =>
      Math.min(count - 1, Math.floor(((m + 0.5) * count) / n.approvals));
    const kinds = weightedTable<Approval['kind']>([
      ['discount', n.deals > 0 ? 60 : 0],
      ['contract', n.contracts > 0 ? 25 : 0],
      ['expense', 15],
    ]);
    const kind = rng.weighted(kinds);
    const status = rng.weighted(APPROVAL_STATUS_TABLE);
    let title: string;
    let subjectType: RelatedType;
    let subjectId: string;
    let amount: number;
    let requester: OwnerRef;
    let territory: number;
    let earliest: number;
    let role: MemberRole = 'manager';
    let english: boolean;

    if (kind === 'discount') {
      const deal = this.deal(spread(n.deals));
      const acc = this.account(deal.accountIndex);
      const discount = deal.maxDiscount > 0 ? deal.maxDiscount : rng.pick(DISCOUNTS);
      english = acc.english;
      title = english
        ? `Discount approval: ${deal.record.name} (${discount}%)`
        : `折扣审批：${deal.record.name}（${discount}%）`;
      subjectType = 'deal';
      subjectId = deal.record.id;
      amount = deal.record.amount;
      requester = { id: deal.record.ownerId, teamId: deal.record.teamId, role: '' };
      territory = acc.territory;
      earliest = deal.record.createdAt;
      if (discount >= 20 || amount >= 1_000_000) role = 'admin';
    } else if (kind === 'contract') {
      const contract = this.contract(spread(n.contracts));
      const acc = this.account(contract.accountIndex);
      english = acc.english;
      title = english
        ? `Contract approval: ${contract.record.title}`
        : `合同审批：${contract.record.title}`;
      subjectType = 'contract';
      subjectId = contract.record.id;
      amount = contract.record.amount;
      requester = { id: contract.record.ownerId, teamId: contract.record.teamId, role: '' };
      territory = acc.territory;
      earliest = contract.record.createdAt;
      if (amount >= 1_000_000) role = 'admin';
    } else {
      const acc = this.account(spread(n.accounts));
      english = acc.english;
      title = `${rng.pick(EXPENSE_TITLES)}：${acc.identity.shortName}`;
      subjectType = 'account';
      subjectId = acc.id;
      amount = rng.int(5, 200) * 100;
      requester = acc.owner;
      territory = acc.territory;
      earliest = acc.createdAt;
    }
    const latest = this.now - MINUTE;
    const createdAt =
      status === 'pending'
        ? clamp(this.now - rng.int(1, 72) * HOUR, earliest, latest)
        : rng.timeBetween(Math.min(earliest, latest), Math.max(earliest, this.now - 3 * DAY));
    const approver = role === 'admin' ? this.admin : this.territoryOf(territory).manager;
    const record: Approval = this.stamp<Approval>(
      this.meta(this.id('approvals', m), requester, createdAt, createdAt),
      {
        kind,
        title,
        subjectType,
        subjectId,
        amount,
        requesterId: requester.id,
        approverRole: role,
        status,
        decidedBy: '',
        comment: '',
        subjectKey: '',
        // One step, as the default rules route it (issue 20): the requester's manager, or an admin.
        steps: [
          {
            approverKind: role === 'admin' ? 'role' : 'manager',
            role: role === 'admin' ? 'admin' : '',
            memberIds: role === 'admin' ? [] : [approver.id],
            status: 'pending',
            decidedBy: '',
            decidedAt: 0,
            comment: '',
          },
        ],
        currentStep: 0,
        requestNote: '',
      },
    );
    if (status !== 'pending') {
      const decidedAt = Math.min(latest, createdAt + rng.int(10, 48 * 60) * MINUTE);
      record.decidedBy = approver.id;
      record.decidedAt = decidedAt;
      record.updatedAt = decidedAt;
      record.updatedBy = approver.id;
      record.comment =
        status === 'approved'
          ? english
            ? 'Approved.'
            : rng.pick(['同意', '同意，下不为例', '同意，请尽快推进签约', ''])
          : english
            ? 'Please revise the offer.'
            : rng.pick(['折扣超出权限，请重新报价', '请补充竞品报价依据', '预算不足，暂缓']);
      record.steps = record.steps.map((step) => ({
        ...step,
        status,
        decidedBy: approver.id,
        decidedAt,
        comment: record.comment,
      }));
    }
    return record;
  }

  // ---------- members and settings ----------

  private sampleMembers(): Member[] {
    const created = this.now - 3 * YEAR - 30 * DAY;
    const p = this.prefix;
    const adminId = p + SAMPLE_USERS[0].key;
    const base = (id: string, teamId: string, ownerId: string) => ({
      id,
      workspaceId: this.workspaceId,
      teamId,
      ownerId,
      createdAt: created,
      updatedAt: created,
      createdBy: adminId,
      updatedBy: adminId,
      deleted: false,
    });
    const teams: Member[] = SAMPLE_TEAMS.map((t) => ({
      ...base(p + t.key, p + t.key, adminId),
      kind: 'team',
      name: t.name,
      email: '',
      role: '',
      parentTeamId: t.parent ? p + t.parent : '',
      teamIds: [],
      active: true,
    }));
    const users: Member[] = SAMPLE_USERS.map((u) => {
      const teamId = p + SAMPLE_TEAMS[u.team].key;
      return {
        ...base(p + u.key, teamId, p + u.key),
        kind: 'user',
        name: u.name,
        email: u.email,
        role: u.role,
        parentTeamId: teamId,
        teamIds: [teamId],
        active: true,
      };
    });
    return [...teams, ...users];
  }

  private sampleSettings(): Setting[] {
    const p = this.prefix;
    const created = this.now - 90 * DAY;
    const owner = this.admin;
    const setting = (
      key: string,
      kind: Setting['kind'],
      settingKey: string,
      value: Record<string, unknown>,
    ): Setting =>
      this.stamp<Setting>(this.meta(p + key, owner, created, created), {
        kind,
        key: settingKey,
        value,
      });
    const filter = (n: number, value: Record<string, unknown>) =>
      setting(
        `set-filter-0${n}`,
        'savedFilter',
        `${String(value.entity)}:${p}set-filter-0${n}`,
        value,
      );
    const out: Setting[] = [
      setting('set-pipeline-default', 'pipeline', DEFAULT_PIPELINE_ID, cloneJson(DEFAULT_PIPELINE)),
      filter(1, {
        entity: 'account',
        name: '重点客户',
        filter: { tier: ['A', 'B'], status: 'customer' },
        sort: { field: 'updatedAt', direction: 'desc' },
      }),
      filter(2, {
        entity: 'account',
        name: 'Churn risk',
        filter: { tags: 'churnRisk' },
        sort: { field: 'updatedAt', direction: 'desc' },
      }),
      filter(3, {
        entity: 'deal',
        name: '本季度待成交',
        filter: { status: 'open', stage: ['quote', 'negotiation'] },
        sort: { field: 'closeDate', direction: 'asc' },
      }),
      filter(4, {
        entity: 'ticket',
        name: '未解决工单',
        filter: { status: ['new', 'open', 'pending'] },
        sort: { field: 'updatedAt', direction: 'desc' },
      }),
    ];
    // Sales targets for the current quarter (forecast vs target on the dashboard).
    const [year, month] = this.today.split('-').map(Number) as [number, number];
    const period = `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    const sellers = this.members.filter(
      (m) => m.kind === 'user' && m.active && !m.deleted && m.role !== 'admin',
    );
    sellers.forEach((m, i) => {
      const amount =
        (m.role === 'manager' ? 400 : 200) * 10_000 + (hashSeed(this.seed, i) % 10) * 100_000;
      out.push(
        setting(`set-target-${String(i + 1).padStart(2, '0')}`, 'target', `${period}:${m.id}`, {
          period,
          memberId: m.id,
          amount,
        }),
      );
    });
    return out;
  }
}

/** Deep copy of plain JSON data (settings values), so callers can never mutate shared constants. */
function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
