import { protocol, type PGlite } from '@electric-sql/pglite';

/**
 * The one module that speaks PostgreSQL's wire protocol to PGlite (CONVENTIONS.md 14).
 *
 * Why it exists: PGlite 0.5 has no public prepared-statement API. Its `query` parses, describes and plans every
 * call in separate round trips into the WASM backend and copies its table of type parsers per result; on the
 * server's push path (several statements per transaction, many transactions per second at B9's load) that was
 * the node's largest cost (BENCHMARKS.md, B9). Parsing each statement once and running it as
 * Bind + Execute + Sync keeps the parse tree and, once PostgreSQL settles on a generic plan, the plan.
 *
 * Everything here uses PGlite's exported `protocol` serializers and its `execProtocolStream`; the transaction
 * lock is PGlite's own (`_runExclusiveTransaction`, the lock `PGlite.transaction` takes). pglite-prepared.test.ts
 * runs these against the installed PGlite: an upgrade that changes any of them fails there.
 */

/** A column of a prepared statement's result. */
export interface ResultField {
  name: string;
  dataTypeID: number;
}

/** What PostgreSQL answered when a statement was parsed and described. */
export interface StatementShape {
  /** Parameter types as the server inferred them. */
  paramTypes: number[];
  /** Result columns (empty for statements without rows). */
  fields: ResultField[];
}

/** Raw text values of one result row, in column order (null for SQL NULL). */
export type RawRow = (string | null)[];

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];
// The backend messages we read, by the `name` PGlite's parser gives them.
interface DataRow {
  name: 'dataRow';
  fields: RawRow;
}
interface RowDescription {
  name: 'rowDescription';
  fields: ResultField[];
}
interface ParameterDescription {
  name: 'parameterDescription';
  dataTypeIDs: number[];
}

/** The protocol operations the server's PGlite engine runs. */
export interface PgliteProtocol {
  /** Parses `text` into the backend as the named statement and describes its parameters and columns. */
  prepare(name: string, text: string): Promise<StatementShape>;
  /** Runs a prepared statement with values already serialized to text; returns its rows unparsed. */
  execute(name: string, values: (string | null)[]): Promise<RawRow[]>;
  /** Drops a prepared statement from the backend. */
  close(name: string): Promise<void>;
  /** Runs a statement (or script) without parameters in the simple query protocol. */
  simple(text: string): Promise<void>;
  /** Runs `fn` holding PGlite's transaction lock: nothing else runs its statements in between. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/** The wire-protocol adapter over one PGlite database. Database errors are thrown as PGlite throws them. */
export function pgliteProtocol(db: PGlite): PgliteProtocol {
  /** One batch of messages in one call into the backend (PGlite's query lock held). */
  const exchange = (messages: Uint8Array[]): Promise<BackendMessage[]> =>
    db.runExclusive(() => db.execProtocolStream(concat(messages), { syncToFs: false }));

  return {
    async prepare(name, text) {
      const replies = await exchange([
        protocol.serialize.parse({ name, text }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]);
      const shape: StatementShape = { paramTypes: [], fields: [] };
      for (const reply of replies) {
        if (reply.name === 'parameterDescription')
          shape.paramTypes = (reply as unknown as ParameterDescription).dataTypeIDs;
        else if (reply.name === 'rowDescription')
          shape.fields = (reply as unknown as RowDescription).fields.map((f) => ({
            name: f.name,
            dataTypeID: f.dataTypeID,
          }));
      }
      return shape;
    },
    async execute(name, values) {
      const replies = await exchange([
        protocol.serialize.bind({ statement: name, values }),
        protocol.serialize.execute(),
        protocol.serialize.sync(),
      ]);
      const rows: RawRow[] = [];
      for (const reply of replies)
        if (reply.name === 'dataRow') rows.push((reply as unknown as DataRow).fields);
      return rows;
    },
    async close(name) {
      await exchange([protocol.serialize.close({ type: 'S', name }), protocol.serialize.sync()]);
    },
    async simple(text) {
      await exchange([protocol.serialize.query(text)]);
    },
    exclusive: (fn) => db._runExclusiveTransaction(fn),
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
