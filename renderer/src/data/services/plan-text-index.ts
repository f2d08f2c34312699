import Dexie, { type Table } from 'dexie';
import { parseDocName, type DocKind } from '@shared/sync';

export interface PlanTextEntry {
  /** Document name, e.g. account-plan:<accountId>. */
  name: string;
  kind: DocKind;
  recordId: string;
  text: string;
  updatedAt: number;
}

export interface PlanTextHit {
  name: string;
  kind: DocKind;
  recordId: string;
  /** A few words around the first match. */
  snippet: string;
}

/** Longest text kept per document: plans are a few pages; a pasted novel is not searched past this. */
const MAX_TEXT = 200_000;

/**
 * The plain text of collaborative documents (account plans, deal and meeting notes), kept on this device so
 * global search finds plans by what they say. Filled by the document engine whenever a document opened or
 * flushed here changes (renderer/src/data/documents/documents.ts). Not part of the RxDB replica: Yjs documents are not
 * records, and RxDB's collection budget is spent on records (docs/architecture.md).
 */
export class PlanTextIndex {
  private readonly db: Dexie & { texts: Table<PlanTextEntry, string> };

  constructor(readonly databaseName: string) {
    this.db = new Dexie(databaseName) as Dexie & { texts: Table<PlanTextEntry, string> };
    this.db.version(1).stores({ texts: 'name, updatedAt' });
  }

  async put(name: string, text: string): Promise<void> {
    const ref = parseDocName(name);
    if (!ref) return;
    await this.db.texts.put({
      name,
      kind: ref.kind,
      recordId: ref.recordId,
      text: text.slice(0, MAX_TEXT),
      updatedAt: Date.now(),
    });
  }

  async get(name: string): Promise<PlanTextEntry | undefined> {
    return this.db.texts.get(name);
  }

  /** Documents whose text contains every word of the query (case-insensitive), most recently changed first. */
  async search(query: string, limit = 5): Promise<PlanTextHit[]> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const hits: PlanTextHit[] = [];
    await this.db.texts
      .orderBy('updatedAt')
      .reverse()
      .until(() => hits.length >= limit)
      .each((entry) => {
        const lower = entry.text.toLowerCase();
        if (!words.every((w) => lower.includes(w))) return;
        hits.push({
          name: entry.name,
          kind: entry.kind,
          recordId: entry.recordId,
          snippet: snippetOf(entry.text, lower.indexOf(words[0]), words[0].length),
        });
      });
    return hits;
  }

  close(): void {
    this.db.close();
  }

  /** Deletes the whole index (sign-out wipe). */
  async wipe(): Promise<void> {
    this.db.close();
    await Dexie.delete(this.databaseName);
  }
}

/** The match with up to 30 characters either side, on one line. */
export function snippetOf(text: string, at: number, length: number): string {
  const start = Math.max(0, at - 30);
  const end = Math.min(text.length, at + length + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}
