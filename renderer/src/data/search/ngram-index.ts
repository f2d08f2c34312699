import {
  SEARCH_KINDS,
  normalizeSearchText,
  queryTerms,
  type AccountFacets,
  type SearchDoc,
  type SearchKind,
} from './search-text';

/**
 * An in-memory n-gram index for global search over a large replica (B3 on set L, where an RxDB
 * `$regex` scan reads every document; BENCHMARKS.md has the figures). See README.md in this folder for the design; in short:
 *
 * - Every searchable field is normalized (NFKC, lower case) and cut into grams: every pair of adjacent
 *   characters (Chinese and Latin alike), every single Chinese character, and a "word start" gram for the
 *   first character of each field and Latin word. A query term of two or more characters is found through the
 *   posting lists of its pairs (then checked as a real substring); a single Chinese character through its own
 *   list; a single Latin letter or digit matches the starts of words (prefix).
 * - Posting lists hold document numbers in ascending order. Documents are append-only: a changed record gets
 *   a new number and its old one is marked dead, so lists stay sorted without rewriting; export() compacts.
 * - Per-document data lives in typed arrays (kind, updatedAt, write time, account list facets) so set L
 *   (550,000 searchable records) fits in tens of megabytes, off the main thread in a worker.
 */

const SEP = '\u0001';
const WORD_START = '\u0002';
const KIND_CODE: Readonly<Record<SearchKind, number>> = {
  accounts: 0,
  contacts: 1,
  leads: 2,
  deals: 3,
  tickets: 4,
};
const TAG_BITS = 32;
/** Prefix-only fields (credit codes) are indexed over their first characters; long query terms use as many. */
const PREFIX_GRAM_CHARS = 8;

export interface IndexHit {
  kind: SearchKind;
  id: string;
  /** 0: the title starts with the query; 1: another field does; 2: it occurs inside a field. */
  tier: 0 | 1 | 2;
  updatedAt: number;
}

export interface AccountListFilter {
  ownerId?: string;
  /** A section letter ('I') or a division code ('I65'). */
  industry?: string;
  status?: string;
  tier?: string;
  tag?: string;
}

export interface AccountListSort {
  field: 'updatedAt' | 'nameKey';
  direction: 'asc' | 'desc';
}

/** A serializable copy of the index (compacted: dead documents dropped). Structured-clone friendly. */
export interface IndexSnapshot {
  version: 1;
  docCount: number;
  kinds: Uint8Array<ArrayBuffer>;
  updated: Float64Array<ArrayBuffer>;
  lwts: Float64Array<ArrayBuffer>;
  ids: string[];
  texts: string[];
  grams: string[];
  /** Posting lists, delta + varint encoded (≈ 1.2 bytes per entry instead of 4). */
  postingBytes: Uint8Array<ArrayBuffer>;
  postingByteOffsets: Uint32Array<ArrayBuffer>;
  postingCounts: Uint32Array<ArrayBuffer>;
  facetOwner: Uint16Array<ArrayBuffer>;
  facetIndustry: Uint16Array<ArrayBuffer>;
  facetStatus: Uint8Array<ArrayBuffer>;
  facetTier: Uint8Array<ArrayBuffer>;
  facetTags: Uint32Array<ArrayBuffer>;
  nameKeys: string[];
  dicts: { owner: string[]; industry: string[]; status: string[]; tier: string[]; tags: string[] };
  tagOverflow: [number, number[]][];
  removed: [number, string, number][];
}

export interface IndexStats {
  documents: number;
  deadDocuments: number;
  grams: number;
  postings: number;
  /** Rough bytes held by typed arrays, strings and maps (for reports, not exact). */
  approxBytes: number;
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af)
  );
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code >= 0x80;
}

/** Adds the grams of one normalized field to `out`. */
function addFieldGrams(field: string, out: Set<string>): void {
  const n = field.length;
  for (let i = 0; i < n; i++) {
    const code = field.charCodeAt(i);
    if (i + 1 < n) out.add(field.slice(i, i + 2));
    if (isCjk(code)) out.add(field[i]);
    if (isWordChar(code) && !isCjk(code) && (i === 0 || !isWordChar(field.charCodeAt(i - 1))))
      out.add(WORD_START + field[i]);
    else if (i === 0) out.add(WORD_START + field[i]);
  }
}

class Dict {
  readonly codes = new Map<string, number>();
  readonly values: string[] = [''];
  constructor(values?: string[]) {
    if (values) {
      this.values.length = 0;
      values.forEach((v, i) => {
        this.values.push(v);
        this.codes.set(v, i);
      });
    } else this.codes.set('', 0);
  }
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

type NumArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;
function grow<T extends NumArray>(array: T, length: number): T {
  if (length <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(
    Math.max(length, Math.ceil(array.length * 1.5), 1024),
  );
  next.set(array);
  return next;
}

/** Sorted intersection; gallops through the longer list when the lists differ much in length. */
function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  if (a.length > b.length) [a, b] = [b, a];
  const out: number[] = [];
  let j = 0;
  const nb = b.length;
  for (let i = 0; i < a.length && j < nb; i++) {
    const value = a[i];
    if (b[j] < value) {
      // Gallop, then binary search.
      let step = 1;
      let hi = j + 1;
      while (hi < nb && b[hi] < value) {
        j = hi;
        step *= 2;
        hi = j + step;
      }
      let lo = j + 1;
      hi = Math.min(hi, nb);
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid] < value) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
    }
    if (j < nb && b[j] === value) {
      out.push(value);
      j++;
    }
  }
  return out;
}

export class NgramIndex {
  private docCount = 0;
  private dead = 0;
  private kinds = new Uint8Array(0);
  private alive = new Uint8Array(0);
  private updated = new Float64Array(0);
  private lwts = new Float64Array(0);
  private ids: string[] = [];
  private texts: string[] = [];
  private readonly byId: Map<string, number>[] = SEARCH_KINDS.map(() => new Map<string, number>());
  /** Write time of removals, so a late, older state of a removed record does not bring it back. */
  private readonly removedAt: Map<string, number>[] = SEARCH_KINDS.map(
    () => new Map<string, number>(),
  );

  private readonly gramIds = new Map<string, number>();
  private grams: string[] = [];
  /** Posting lists as of the last export/load: varint-encoded gaps between ascending document numbers. */
  private baseBytes = new Uint8Array(0);
  private baseByteOffsets = new Uint32Array(1);
  private baseCounts = new Uint32Array(0);
  private delta: (number[] | undefined)[] = [];
  private postingCount = 0;

  private facetOwner = new Uint16Array(0);
  private facetIndustry = new Uint16Array(0);
  private facetStatus = new Uint8Array(0);
  private facetTier = new Uint8Array(0);
  private facetTags = new Uint32Array(0);
  private nameKeys: string[] = [];
  private tagOverflow = new Map<number, number[]>();
  /** Bumped by every change; list results are cached per version. */
  private version = 0;
  private listCache: { key: string; version: number; ids: string[] } | null = null;
  /** Bumped when an account changes; the cached list orders follow it. */
  private accountsVersion = 0;
  private orders: Partial<
    Record<AccountListSort['field'], { version: number; docNos: Uint32Array }>
  > = {};
  /** Reused per document while indexing (fewer short-lived allocations). */
  private readonly scratch = new Set<string>();
  private dicts = {
    owner: new Dict(),
    industry: new Dict(),
    status: new Dict(),
    tier: new Dict(),
    tags: new Dict(),
  };

  get size(): number {
    return this.docCount - this.dead;
  }

  /** Adds, replaces or removes records. A state older (by write time) than the one held is ignored. */
  apply(docs: readonly SearchDoc[]): void {
    if (docs.length > 0) this.version++;
    for (const doc of docs) this.applyOne(doc);
  }

  private applyOne(doc: SearchDoc): void {
    const kind = KIND_CODE[doc.kind];
    if (kind === KIND_CODE.accounts) this.accountsVersion++;
    const byId = this.byId[kind];
    const existing = byId.get(doc.id);
    if (existing !== undefined && this.lwts[existing] > doc.lwt) return;
    const removedLwt = this.removedAt[kind].get(doc.id);
    if (removedLwt !== undefined && removedLwt > doc.lwt) return;
    if (doc.removed) {
      if (existing !== undefined) this.kill(existing, kind, doc.id);
      this.removedAt[kind].set(doc.id, doc.lwt);
      return;
    }
    if (removedLwt !== undefined) this.removedAt[kind].delete(doc.id);
    const text = doc.fields.map((f) => SEP + normalizeSearchText(f)).join('');
    if (existing !== undefined && this.texts[existing] === text) {
      // Same searchable text (most edits): update in place, no new postings.
      this.updated[existing] = doc.updatedAt;
      this.lwts[existing] = doc.lwt;
      if (doc.facets) this.setFacets(existing, doc.facets);
      return;
    }
    if (existing !== undefined) this.kill(existing, kind, doc.id);
    const docNo = this.docCount++;
    this.ensureDocCapacity(this.docCount);
    this.kinds[docNo] = kind;
    this.alive[docNo] = 1;
    this.updated[docNo] = doc.updatedAt;
    this.lwts[docNo] = doc.lwt;
    this.ids[docNo] = doc.id;
    this.texts[docNo] = text;
    byId.set(doc.id, docNo);
    if (doc.facets) this.setFacets(docNo, doc.facets);
    const grams = this.scratch;
    grams.clear();
    const fields = text.split(SEP);
    for (let f = 1; f < fields.length; f++) {
      const field = fields[f];
      if (field)
        addFieldGrams(
          doc.prefixOnly?.includes(f - 1) ? field.slice(0, PREFIX_GRAM_CHARS) : field,
          grams,
        );
    }
    for (const gram of grams) {
      let gramNo = this.gramIds.get(gram);
      if (gramNo === undefined) {
        gramNo = this.grams.length;
        this.grams.push(gram);
        this.gramIds.set(gram, gramNo);
      }
      const list = this.delta[gramNo];
      if (list) list.push(docNo);
      else this.delta[gramNo] = [docNo];
      this.postingCount++;
    }
  }

  private kill(docNo: number, kind: number, id: string): void {
    if (this.alive[docNo]) {
      this.alive[docNo] = 0;
      this.dead++;
    }
    this.byId[kind].delete(id);
    this.texts[docNo] = '';
    if (kind === KIND_CODE.accounts) {
      this.nameKeys[docNo] = '';
      this.tagOverflow.delete(docNo);
    }
  }

  private ensureDocCapacity(length: number): void {
    if (length <= this.kinds.length) return;
    this.kinds = grow(this.kinds, length);
    this.alive = grow(this.alive, length);
    this.updated = grow(this.updated, length);
    this.lwts = grow(this.lwts, length);
    this.facetOwner = grow(this.facetOwner, length);
    this.facetIndustry = grow(this.facetIndustry, length);
    this.facetStatus = grow(this.facetStatus, length);
    this.facetTier = grow(this.facetTier, length);
    this.facetTags = grow(this.facetTags, length);
  }

  private setFacets(docNo: number, facets: AccountFacets): void {
    this.facetOwner[docNo] = this.dicts.owner.code(facets.ownerId);
    this.facetIndustry[docNo] = this.dicts.industry.code(facets.industry);
    this.facetStatus[docNo] = this.dicts.status.code(facets.status);
    this.facetTier[docNo] = this.dicts.tier.code(facets.tier);
    let mask = 0;
    let overflow: number[] | undefined;
    for (const tag of facets.tags) {
      const code = this.dicts.tags.code(tag);
      if (code < TAG_BITS) mask |= 1 << code;
      else (overflow ??= []).push(code);
    }
    this.facetTags[docNo] = mask >>> 0;
    if (overflow) this.tagOverflow.set(docNo, overflow);
    else this.tagOverflow.delete(docNo);
    this.nameKeys[docNo] = facets.nameKey;
  }

  private postings(gram: string): ArrayLike<number> {
    const gramNo = this.gramIds.get(gram);
    if (gramNo === undefined) return [];
    const count = gramNo < this.baseCounts.length ? this.baseCounts[gramNo] : 0;
    const extra = this.delta[gramNo];
    const extraLength = extra ? extra.length : 0;
    if (count === 0) return extra ?? [];
    // Newer documents have higher numbers: the decoded base, then the delta, stays sorted.
    const out = new Uint32Array(count + extraLength);
    const bytes = this.baseBytes;
    let pos = this.baseByteOffsets[gramNo];
    let value = 0;
    for (let i = 0; i < count; i++) {
      let b = bytes[pos++];
      let gap = b & 0x7f;
      let shift = 7;
      while (b & 0x80) {
        b = bytes[pos++];
        gap |= (b & 0x7f) << shift;
        shift += 7;
      }
      value += gap;
      out[i] = value;
    }
    if (extra) out.set(extra, count);
    return out;
  }

  /** Candidate documents of one term (sorted, may include dead ones) and whether they must be verified. */
  private termCandidates(term: string): { list: ArrayLike<number>; verify: boolean } {
    if (term.length === 1)
      return {
        list: this.postings(isCjk(term.charCodeAt(0)) ? term : WORD_START + term),
        verify: false,
      };
    // A long term is looked up by its first characters (every occurrence contains them) and then verified,
    // which also finds prefix-only fields indexed that far.
    const head = term.slice(0, PREFIX_GRAM_CHARS);
    const grams = new Set<string>();
    for (let i = 0; i + 1 < head.length; i++) grams.add(head.slice(i, i + 2));
    const lists = [...grams].map((g) => this.postings(g)).sort((a, b) => a.length - b.length);
    let list: ArrayLike<number> = lists[0];
    for (let i = 1; i < lists.length && list.length > 0; i++) list = intersect(list, lists[i]);
    return { list, verify: term.length > 2 };
  }

  private candidates(terms: string[]): { list: ArrayLike<number>; verify: string[] } {
    let list: ArrayLike<number> | null = null;
    const verify: string[] = [];
    for (const term of [...terms].sort((a, b) => b.length - a.length)) {
      const c = this.termCandidates(term);
      if (c.verify) verify.push(term);
      list = list === null ? c.list : intersect(list, c.list);
      if (list.length === 0) break;
    }
    // Several single-letter terms ("a b") are prefix matches of words, not substrings: nothing more to check.
    return { list: list ?? [], verify };
  }

  private matches(docNo: number, verify: string[]): boolean {
    if (!this.alive[docNo]) return false;
    if (verify.length === 0) return true;
    const text = this.texts[docNo];
    for (const term of verify) if (!text.includes(term)) return false;
    return true;
  }

  /**
   * The best `perKind` records of each kind for a query: records whose title starts with the first term,
   * then those with another field starting with it, then those containing it; newer first within a tier.
   */
  search(query: string, perKind: number, kinds: readonly SearchKind[] = SEARCH_KINDS): IndexHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0 || perKind <= 0) return [];
    const { list, verify } = this.candidates(terms);
    const wanted = new Uint8Array(SEARCH_KINDS.length);
    for (const k of kinds) wanted[KIND_CODE[k]] = 1;
    const first = terms[0];
    const fieldPrefix = SEP + first;
    // Only records with a field (or word) starting with the first term's first character can rank above
    // "contains": evaluate those fully; for the rest the tier is known (2) and a cheap date comparison
    // against the worst kept row skips most of them before any string is looked at.
    const prefixed = intersect(list, this.postings(WORD_START + first[0]));
    // Per kind, the current best (tier, updatedAt) rows, kept sorted; small k makes insertion cheap.
    const best: { docNo: number; tier: number; updated: number }[][] = SEARCH_KINDS.map(() => []);
    const better = (t1: number, u1: number, t2: number, u2: number) =>
      t1 < t2 || (t1 === t2 && u1 > u2);
    let p = 0;
    for (let i = 0; i < list.length; i++) {
      const docNo = list[i];
      while (p < prefixed.length && prefixed[p] < docNo) p++;
      const maybePrefix = p < prefixed.length && prefixed[p] === docNo;
      const kind = this.kinds[docNo];
      if (!wanted[kind] || !this.alive[docNo]) continue;
      const rows = best[kind];
      const updated = this.updated[docNo];
      const full = rows.length === perKind;
      if (
        full &&
        !better(maybePrefix ? 0 : 2, updated, rows[perKind - 1].tier, rows[perKind - 1].updated)
      )
        continue;
      if (!this.matches(docNo, verify)) continue;
      let tier = 2;
      if (maybePrefix) {
        const text = this.texts[docNo];
        tier = text.startsWith(first, 1) ? 0 : text.includes(fieldPrefix) ? 1 : 2;
        if (full && !better(tier, updated, rows[perKind - 1].tier, rows[perKind - 1].updated))
          continue;
      }
      let at = rows.length;
      while (at > 0 && better(tier, updated, rows[at - 1].tier, rows[at - 1].updated)) at--;
      rows.splice(at, 0, { docNo, tier, updated });
      if (rows.length > perKind) rows.pop();
    }
    const hits: IndexHit[] = [];
    for (const kind of SEARCH_KINDS) {
      for (const row of best[KIND_CODE[kind]])
        hits.push({
          kind,
          id: this.ids[row.docNo],
          tier: row.tier as IndexHit['tier'],
          updatedAt: row.updated,
        });
    }
    return hits;
  }

  /** Ids of every record of a kind matching the query, newer first (the text filter of a list). */
  matchIds(kind: SearchKind, query: string): string[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const { list, verify } = this.candidates(terms);
    const code = KIND_CODE[kind];
    const found: number[] = [];
    for (let i = 0; i < list.length; i++) {
      const docNo = list[i];
      if (this.kinds[docNo] === code && this.matches(docNo, verify)) found.push(docNo);
    }
    found.sort((a, b) => this.updated[b] - this.updated[a] || (this.ids[a] < this.ids[b] ? 1 : -1));
    return found.map((docNo) => this.ids[docNo]);
  }

  private accountDocNos(query: string): ArrayLike<number> & { filterVerify?: string[] } {
    if (!query.trim()) {
      const all: number[] = [];
      for (let docNo = 0; docNo < this.docCount; docNo++)
        if (this.alive[docNo] && this.kinds[docNo] === KIND_CODE.accounts) all.push(docNo);
      return all;
    }
    const { list, verify } = this.candidates(queryTerms(query));
    const out: number[] = [];
    for (let i = 0; i < list.length; i++) {
      const docNo = list[i];
      if (this.kinds[docNo] === KIND_CODE.accounts && this.matches(docNo, verify)) out.push(docNo);
    }
    return out;
  }

  private accountPredicate(filter: AccountListFilter): ((docNo: number) => boolean) | null {
    const checks: ((docNo: number) => boolean)[] = [];
    const impossible = () => false;
    if (filter.ownerId) {
      const code = this.dicts.owner.find(filter.ownerId);
      checks.push(code === undefined ? impossible : (d) => this.facetOwner[d] === code);
    }
    if (filter.industry) {
      if (filter.industry.length === 1) {
        const codes = new Set<number>();
        this.dicts.industry.values.forEach(
          (v, i) => v.startsWith(filter.industry ?? '') && v !== '' && codes.add(i),
        );
        checks.push((d) => codes.has(this.facetIndustry[d]));
      } else {
        const code = this.dicts.industry.find(filter.industry);
        checks.push(code === undefined ? impossible : (d) => this.facetIndustry[d] === code);
      }
    }
    if (filter.status) {
      const code = this.dicts.status.find(filter.status);
      checks.push(code === undefined ? impossible : (d) => this.facetStatus[d] === code);
    }
    if (filter.tier) {
      const code = this.dicts.tier.find(filter.tier);
      checks.push(code === undefined ? impossible : (d) => this.facetTier[d] === code);
    }
    if (filter.tag) {
      const code = this.dicts.tags.find(filter.tag);
      if (code === undefined) checks.push(impossible);
      else if (code < TAG_BITS) {
        const bit = (1 << code) >>> 0;
        checks.push((d) => (this.facetTags[d] & bit) !== 0);
      } else checks.push((d) => this.tagOverflow.get(d)?.includes(code) ?? false);
    }
    if (checks.length === 0) return null;
    return (d) => checks.every((check) => check(d));
  }

  /** Accounts matching a text query (may be empty) and list filters, in list order. */
  matchAccounts(query: string, filter: AccountListFilter, sort: AccountListSort): string[] {
    // Page 2, 3 … of the same list ask again: answer from the last result while nothing changed.
    const key = JSON.stringify([query, filter, sort]);
    if (this.listCache && this.listCache.key === key && this.listCache.version === this.version)
      return this.listCache.ids;
    const ids = this.computeAccounts(query, filter, sort);
    this.listCache = { key, version: this.version, ids };
    return ids;
  }

  /** Alive accounts in list order (newest first / by name), kept until an account changes. */
  private accountOrder(field: AccountListSort['field']): Uint32Array {
    const cached = this.orders[field];
    if (cached && cached.version === this.accountsVersion) return cached.docNos;
    const all: number[] = [];
    for (let docNo = 0; docNo < this.docCount; docNo++)
      if (this.alive[docNo] && this.kinds[docNo] === KIND_CODE.accounts) all.push(docNo);
    const docNos = Uint32Array.from(all);
    if (field === 'nameKey') {
      docNos.sort((a, b) => {
        const ka = this.nameKeys[a] ?? '';
        const kb = this.nameKeys[b] ?? '';
        return ka < kb ? -1 : ka > kb ? 1 : this.ids[a] < this.ids[b] ? -1 : 1;
      });
    } else {
      docNos.sort(
        (a, b) => this.updated[b] - this.updated[a] || (this.ids[a] < this.ids[b] ? 1 : -1),
      );
    }
    this.orders[field] = { version: this.accountsVersion, docNos };
    return docNos;
  }

  private computeAccounts(
    query: string,
    filter: AccountListFilter,
    sort: AccountListSort,
  ): string[] {
    const predicate = this.accountPredicate(filter);
    if (!query.trim()) {
      // No text: walk the cached list order and keep what passes, no sorting per request.
      const order = this.accountOrder(sort.field);
      const forward =
        sort.field === 'nameKey' ? sort.direction === 'asc' : sort.direction === 'desc';
      const out: string[] = [];
      for (let i = 0; i < order.length; i++) {
        const docNo = order[forward ? i : order.length - 1 - i];
        if (!predicate || predicate(docNo)) out.push(this.ids[docNo]);
      }
      return out;
    }
    const docNos = this.accountDocNos(query);
    const found: number[] = [];
    for (let i = 0; i < docNos.length; i++)
      if (!predicate || predicate(docNos[i])) found.push(docNos[i]);
    const dir = sort.direction === 'asc' ? 1 : -1;
    if (sort.field === 'nameKey') {
      found.sort((a, b) => {
        const ka = this.nameKeys[a] ?? '';
        const kb = this.nameKeys[b] ?? '';
        return (ka < kb ? -1 : ka > kb ? 1 : this.ids[a] < this.ids[b] ? -1 : 1) * dir;
      });
    } else {
      found.sort(
        (a, b) => (this.updated[a] - this.updated[b] || (this.ids[a] < this.ids[b] ? -1 : 1)) * dir,
      );
    }
    return found.map((docNo) => this.ids[docNo]);
  }

  /** How many accounts match a text query (may be empty) and list filters. */
  countAccounts(query: string, filter: AccountListFilter): number {
    const predicate = this.accountPredicate(filter);
    const docNos = this.accountDocNos(query);
    if (!predicate) return docNos.length;
    let n = 0;
    for (let i = 0; i < docNos.length; i++) if (predicate(docNos[i])) n++;
    return n;
  }

  stats(): IndexStats {
    let textChars = 0;
    for (let i = 0; i < this.docCount; i++) textChars += this.texts[i]?.length ?? 0;
    let deltaEntries = 0;
    for (const list of this.delta) deltaEntries += list?.length ?? 0;
    const approxBytes =
      this.kinds.length * (1 + 1 + 8 + 8 + 2 + 2 + 1 + 1 + 4) +
      this.baseBytes.length +
      deltaEntries * 4 +
      textChars * 2 +
      this.size * 2 * 48 +
      this.grams.length * 64;
    return {
      documents: this.size,
      deadDocuments: this.dead,
      grams: this.grams.length,
      postings: this.postingCount,
      approxBytes,
    };
  }

  /** A compacted copy: dead documents are dropped and documents renumbered; posting lists are remapped. */
  export(): IndexSnapshot {
    const remap = new Int32Array(this.docCount).fill(-1);
    let next = 0;
    for (let docNo = 0; docNo < this.docCount; docNo++)
      if (this.alive[docNo]) remap[docNo] = next++;
    const count = next;
    const kinds = new Uint8Array(count);
    const updated = new Float64Array(count);
    const lwts = new Float64Array(count);
    const facetOwner = new Uint16Array(count);
    const facetIndustry = new Uint16Array(count);
    const facetStatus = new Uint8Array(count);
    const facetTier = new Uint8Array(count);
    const facetTags = new Uint32Array(count);
    const ids: string[] = new Array<string>(count);
    const texts: string[] = new Array<string>(count);
    const nameKeys: string[] = new Array<string>(count);
    const tagOverflow: [number, number[]][] = [];
    for (let docNo = 0; docNo < this.docCount; docNo++) {
      const to = remap[docNo];
      if (to < 0) continue;
      kinds[to] = this.kinds[docNo];
      updated[to] = this.updated[docNo];
      lwts[to] = this.lwts[docNo];
      facetOwner[to] = this.facetOwner[docNo];
      facetIndustry[to] = this.facetIndustry[docNo];
      facetStatus[to] = this.facetStatus[docNo];
      facetTier[to] = this.facetTier[docNo];
      facetTags[to] = this.facetTags[docNo];
      ids[to] = this.ids[docNo];
      texts[to] = this.texts[docNo];
      nameKeys[to] = this.nameKeys[docNo] ?? '';
      const overflow = this.tagOverflow.get(docNo);
      if (overflow) tagOverflow.push([to, overflow]);
    }
    const grams: string[] = [];
    const byteOffsets: number[] = [0];
    const counts: number[] = [];
    let bytes = new Uint8Array(Math.max(1024, this.postingCount * 2));
    let at = 0;
    for (let gramNo = 0; gramNo < this.grams.length; gramNo++) {
      const list = this.postings(this.grams[gramNo]);
      const start = at;
      let previous = 0;
      let n = 0;
      for (let i = 0; i < list.length; i++) {
        const to = remap[list[i]];
        if (to < 0) continue;
        if (at + 5 > bytes.length) bytes = grow(bytes, at + 5);
        let gap = to - previous;
        previous = to;
        while (gap >= 0x80) {
          bytes[at++] = (gap & 0x7f) | 0x80;
          gap >>>= 7;
        }
        bytes[at++] = gap;
        n++;
      }
      if (n === 0) {
        at = start;
        continue;
      }
      grams.push(this.grams[gramNo]);
      byteOffsets.push(at);
      counts.push(n);
    }
    const removed: [number, string, number][] = [];
    this.removedAt.forEach((map, kind) => map.forEach((lwt, id) => removed.push([kind, id, lwt])));
    return {
      version: 1,
      docCount: count,
      kinds,
      updated,
      lwts,
      ids,
      texts,
      grams,
      postingBytes: bytes.slice(0, at),
      postingByteOffsets: Uint32Array.from(byteOffsets),
      postingCounts: Uint32Array.from(counts),
      facetOwner,
      facetIndustry,
      facetStatus,
      facetTier,
      facetTags,
      nameKeys,
      dicts: {
        owner: [...this.dicts.owner.values],
        industry: [...this.dicts.industry.values],
        status: [...this.dicts.status.values],
        tier: [...this.dicts.tier.values],
        tags: [...this.dicts.tags.values],
      },
      tagOverflow,
      removed,
    };
  }

  /** Rebuilds an index from export(); the snapshot's arrays are adopted, not copied. */
  static fromSnapshot(s: IndexSnapshot): NgramIndex {
    const index = new NgramIndex();
    index.docCount = s.docCount;
    index.kinds = s.kinds;
    index.alive = new Uint8Array(s.docCount).fill(1);
    index.updated = s.updated;
    index.lwts = s.lwts;
    index.ids = s.ids;
    index.texts = s.texts;
    for (let docNo = 0; docNo < s.docCount; docNo++)
      index.byId[s.kinds[docNo]].set(s.ids[docNo], docNo);
    index.grams = s.grams;
    s.grams.forEach((g, i) => index.gramIds.set(g, i));
    index.baseBytes = s.postingBytes;
    index.baseByteOffsets = s.postingByteOffsets;
    index.baseCounts = s.postingCounts;
    index.postingCount = s.postingCounts.reduce((a, b) => a + b, 0);
    index.facetOwner = s.facetOwner;
    index.facetIndustry = s.facetIndustry;
    index.facetStatus = s.facetStatus;
    index.facetTier = s.facetTier;
    index.facetTags = s.facetTags;
    index.nameKeys = s.nameKeys;
    index.tagOverflow = new Map(s.tagOverflow);
    index.dicts = {
      owner: new Dict(s.dicts.owner),
      industry: new Dict(s.dicts.industry),
      status: new Dict(s.dicts.status),
      tier: new Dict(s.dicts.tier),
      tags: new Dict(s.dicts.tags),
    };
    for (const [kind, id, lwt] of s.removed) index.removedAt[kind].set(id, lwt);
    return index;
  }
}
