import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteProtocol, type PgliteProtocol } from './pglite-prepared';

// Contract test of the wire-protocol adapter against the installed PGlite: the server's engine relies on
// each of these answers (pglite.ts), so a PGlite upgrade that changes one fails here first.

const INT4 = 23;
const TEXT = 25;

let db: PGlite;
let wire: PgliteProtocol;
beforeAll(async () => {
  db = await PGlite.create();
  wire = pgliteProtocol(db);
  await wire.simple(
    'CREATE TABLE notes (id int4 PRIMARY KEY, body text); INSERT INTO notes VALUES (1, $$a$$)',
  );
}, 60_000);
afterAll(async () => {
  await db.close();
});

describe('pgliteProtocol (PGlite wire protocol adapter)', () => {
  it('describes a prepared statement: parameter types as inferred, result columns with types', async () => {
    const shape = await wire.prepare('s_describe', 'SELECT $1::int4 + 1 AS n, $2::text AS t');
    expect(shape).toEqual({
      paramTypes: [INT4, TEXT],
      fields: [
        { name: 'n', dataTypeID: INT4 },
        { name: 't', dataTypeID: TEXT },
      ],
    });
  });

  it('runs a prepared statement many times and returns the rows as raw text', async () => {
    await wire.prepare('s_run', 'SELECT $1::int4 + 1 AS n, $2::text AS t, NULL::text AS z');
    expect(await wire.execute('s_run', ['1', 'x'])).toEqual([['2', 'x', null]]);
    expect(await wire.execute('s_run', ['41', null])).toEqual([['42', null, null]]);
  });

  it('describes a statement without rows with no columns, and runs it', async () => {
    const shape = await wire.prepare('s_insert', 'INSERT INTO notes VALUES ($1, $2)');
    expect(shape).toEqual({ paramTypes: [INT4, TEXT], fields: [] });
    expect(await wire.execute('s_insert', ['2', 'b'])).toEqual([]);
    expect((await db.query('SELECT body FROM notes WHERE id = 2')).rows).toEqual([{ body: 'b' }]);
  });

  it('throws database errors with their SQLSTATE code', async () => {
    await expect(wire.prepare('s_bad', 'SELEC 1')).rejects.toMatchObject({ code: '42601' });
    await wire.prepare('s_dup', 'INSERT INTO notes VALUES ($1, $2)');
    await expect(wire.execute('s_dup', ['1', 'again'])).rejects.toMatchObject({ code: '23505' });
  });

  it('reports a statement whose table changed shape with 0A000 (the engine prepares it again)', async () => {
    await wire.prepare('s_star', 'SELECT * FROM notes WHERE id = $1');
    expect(await wire.execute('s_star', ['1'])).toEqual([['1', 'a']]);
    await wire.simple('ALTER TABLE notes ADD COLUMN extra text');
    await expect(wire.execute('s_star', ['1'])).rejects.toMatchObject({ code: '0A000' });
  });

  it('closes a statement: running it afterwards fails', async () => {
    await wire.prepare('s_close', 'SELECT 1 AS one');
    await wire.close('s_close');
    await expect(wire.execute('s_close', [])).rejects.toMatchObject({ code: '26000' });
  });

  it('holds the lock PGlite.query takes while an exclusive section runs', async () => {
    const order: string[] = [];
    let query: Promise<void> = Promise.resolve();
    await wire.exclusive(async () => {
      query = db.query('SELECT 1').then(() => void order.push('query'));
      await wire.simple('SELECT 1');
      await wire.prepare('s_lock', 'SELECT 2 AS two');
      order.push('exclusive done');
    });
    await query;
    expect(order).toEqual(['exclusive done', 'query']);
  });
});
