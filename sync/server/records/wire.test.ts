import { describe, expect, it } from 'vitest';
import { encodeStamp, serverMessageSchema } from '@shared/sync';
import { entityOf, pullResultMessageJson, toWire, wireJsonOf } from './wire';

describe('wireJsonOf', () => {
  it('adds _deleted to the stored JSON text as { ...data, _deleted } would', () => {
    const data = {
      id: 'a1',
      name: '上海 "quoted" \\ name',
      amount: 1.5,
      tags: ['x', 'y'],
      nested: { k: null },
    };
    for (const deleted of [true, false]) {
      // As Postgres prints jsonb (spaces after ':' and ','), and compact.
      for (const text of [
        JSON.stringify(data),
        JSON.stringify(data).replace(/,"/g, ', "').replace(/":/g, '": '),
        `${JSON.stringify(data)}  `,
      ]) {
        expect(JSON.parse(wireJsonOf(text, deleted))).toEqual({ ...data, _deleted: deleted });
      }
    }
    expect(JSON.parse(wireJsonOf('{}', true))).toEqual({ _deleted: true });
    expect(JSON.parse(wireJsonOf('{ }', false))).toEqual({ _deleted: false });
  });

  it('lets its _deleted win over a stray stored one', () => {
    expect(JSON.parse(wireJsonOf('{"id": "a", "_deleted": false}', true))).toEqual({
      id: 'a',
      _deleted: true,
    });
  });

  it('refuses data that is not a JSON object', () => {
    expect(() => wireJsonOf('[1]', false)).toThrow(/not a JSON object/);
    expect(() => wireJsonOf('null', false)).toThrow(/not a JSON object/);
  });
});

describe('pullResultMessageJson', () => {
  it('is the JSON of the pull-result message', () => {
    const documents = [
      { id: 'a', _deleted: false },
      { id: 'b', n: 2, _deleted: true },
    ];
    const text = pullResultMessageJson(9, {
      documentsJson: JSON.stringify(documents),
      count: 2,
      checkpoint: { seq: 41 },
      remaining: 3,
    });
    expect(JSON.parse(text)).toEqual({
      type: 'pull-result',
      id: 9,
      documents,
      checkpoint: { seq: 41 },
      remaining: 3,
    });
    expect(
      JSON.parse(
        pullResultMessageJson(1, { documentsJson: '[]', count: 0, checkpoint: null, remaining: 0 }),
      ),
    ).toEqual({ type: 'pull-result', id: 1, documents: [], checkpoint: null, remaining: 0 });
  });

  it('carries the server clock, and parses as the protocol says', () => {
    const clock = encodeStamp({ wall: 1_700_000_000_000, counter: 2, node: 'server:n1' });
    const text = pullResultMessageJson(
      3,
      { documentsJson: '[]', count: 0, checkpoint: null, remaining: 0 },
      clock,
    );
    expect(serverMessageSchema.parse(JSON.parse(text))).toMatchObject({ clock });
  });
});

describe('entityOf / toWire', () => {
  it('strips replication bookkeeping and puts _deleted back', () => {
    const doc = {
      id: 'a',
      teamId: '',
      _deleted: true,
      _rev: '1-x',
      _meta: { lwt: 1 },
      _attachments: {},
    };
    const entity = entityOf(doc);
    expect(entity).toEqual({ id: 'a', teamId: '' });
    expect(toWire(entity, true)).toEqual({ id: 'a', teamId: '', _deleted: true });
  });
});
