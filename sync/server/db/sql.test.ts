import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import type { Sql } from './sql';
import { createPostgresTestDatabase } from '../../../test/integration/support/database';

/**
 * The Sql contract, on embedded PGlite (statements prepared once, run as Bind/Execute) and on PostgreSQL when
 * TEST_DATABASE_URL is set: callers must not be able to tell the engines apart.
 */
const engines: { name: string; open: () => Promise<{ sql: Sql; drop: () => Promise<void> }> }[] = [
  {
    name: 'PGlite',
    open: async () => ({ sql: await openDatabase({}), drop: () => Promise.resolve() }),
  },
];
if (process.env.TEST_DATABASE_URL) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  engines.push({
    name: 'PostgreSQL',
    open: async () => {
      const database = await createPostgresTestDatabase(adminUrl);
      return {
        sql: await openDatabase({ databaseUrl: database.databaseUrl }),
        drop: () => database.drop(),
      };
    },
  });
}

describe.each(engines)('Sql on $name', ({ open }) => {
  let sql: Sql;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ sql, drop } = await open());
    await sql.transaction((tx) =>
      tx.exec(
        'CREATE TABLE t (id text PRIMARY KEY, n bigint NOT NULL, data jsonb, tags text[], ok boolean, note text); CREATE SEQUENCE s;',
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await sql.close();
    await drop();
  });

  it('round-trips values and types, and runs one statement text many times', async () => {
    for (let i = 0; i < 12; i++) {
      await sql.query(
        'INSERT INTO t (id, n, data, tags, ok, note) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          `r${i}`,
          i,
          JSON.stringify({ i, nested: { a: [1, 'x'] } }),
          ['a', `t${i}`],
          i % 2 === 0,
          i === 3 ? null : `note ${i}`,
        ],
      );
    }
    const rows = await sql.query<{
      id: string;
      n: number;
      data: unknown;
      tags: string[];
      ok: boolean;
      note: string | null;
    }>('SELECT id, n, data, tags, ok, note FROM t WHERE id = ANY($1::text[]) ORDER BY n', [
      ['r2', 'r3'],
    ]);
    expect(rows).toEqual([
      {
        id: 'r2',
        n: 2,
        data: { i: 2, nested: { a: [1, 'x'] } },
        tags: ['a', 't2'],
        ok: true,
        note: 'note 2',
      },
      {
        id: 'r3',
        n: 3,
        data: { i: 3, nested: { a: [1, 'x'] } },
        tags: ['a', 't3'],
        ok: false,
        note: null,
      },
    ]);
    const [count] = await sql.query<{ c: number }>('SELECT count(*)::int AS c FROM t');
    expect(count).toEqual({ c: 12 });
    expect(await sql.query('UPDATE t SET note = $2 WHERE id = $1', ['r0', 'x'])).toEqual([]);
  });

  it('commits a transaction, and rolls it back whole when its function throws', async () => {
    const value = await sql.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id, n) VALUES ($1, $2)', ['tx-ok', 100]);
      const [row] = await tx.query<{ n: number }>("SELECT nextval('s')::float8 AS n");
      return row.n;
    });
    expect(value).toBe(1);
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, n) VALUES ($1, $2)', ['tx-undone', 101]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await sql.query('SELECT id FROM t WHERE id LIKE $1 ORDER BY id', ['tx-%'])).toEqual([
      { id: 'tx-ok' },
    ]);
  });

  it('rejects a failing statement with the database error, and keeps working afterwards', async () => {
    await expect(sql.query('INSERT INTO t (id, n) VALUES ($1, $2)', ['r1', 1])).rejects.toThrow(
      /duplicate key/,
    );
    await expect(sql.query('SELEC nonsense')).rejects.toThrow(/syntax error/);
    // A failure inside a transaction undoes its earlier statements.
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, n) VALUES ($1, $2)', ['tx-partial', 102]);
        await tx.query('INSERT INTO t (id, n) VALUES ($1, $2)', ['r1', 1]);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await sql.query('SELECT id FROM t WHERE id = $1', ['tx-partial'])).toEqual([]);
    expect(await sql.query<{ n: number }>('SELECT n FROM t WHERE id = $1', ['r1'])).toEqual([
      { n: 1 },
    ]);
  });

  it('runs a statement again after a table it reads changed shape', async () => {
    await sql.query('CREATE TABLE shape (id int PRIMARY KEY)');
    await sql.query('INSERT INTO shape (id) VALUES ($1)', [1]);
    expect(await sql.query('SELECT * FROM shape WHERE id = $1', [1])).toEqual([{ id: 1 }]);
    await sql.query('ALTER TABLE shape ADD COLUMN label text');
    expect(await sql.query('SELECT * FROM shape WHERE id = $1', [1])).toEqual([
      { id: 1, label: null },
    ]);
  });

  it('keeps concurrent callers apart: statements outside a transaction never run inside it', async () => {
    let inside = 0;
    const tx = sql.transaction(async (t) => {
      await t.query('INSERT INTO t (id, n) VALUES ($1, $2)', ['iso', 200]);
      inside = (
        await t.query<{ c: number }>('SELECT count(*)::int AS c FROM t WHERE id = $1', ['iso'])
      )[0].c;
      throw new Error('roll back');
    });
    const outside = sql.query<{ c: number }>('SELECT count(*)::int AS c FROM t WHERE id = $1', [
      'iso',
    ]);
    await expect(tx).rejects.toThrow('roll back');
    expect(inside).toBe(1);
    expect((await outside)[0].c).toBe(0);
    const parallel = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sql.query<{ v: number }>('SELECT $1::int * 2 AS v', [i]),
      ),
    );
    expect(parallel.map(([r]) => r.v)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });
});
