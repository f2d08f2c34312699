import { describe, expect, it } from 'vitest';
import { wireDocSchema } from '@shared/sync';
import { parseServerMessage, wireDocProblem } from './parse-server-message';

const pullResult = (documents: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'pull-result',
  id: 7,
  documents,
  checkpoint: { seq: 12 },
  remaining: 0,
  ...extra,
});

describe('parseServerMessage', () => {
  it('accepts a pull-result and hands back the documents as they arrived', () => {
    const docs = [
      { id: 'a1', name: '上海', _deleted: false },
      { id: 'a2', name: 'x', nested: { k: 1 } },
    ];
    const parsed = parseServerMessage(pullResult(docs));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.message.type !== 'pull-result')
      throw new Error('expected a pull-result');
    expect(parsed.message.documents).toEqual(docs);
    expect(parsed.message.documents[0]).toBe(docs[0]);
    expect(parsed.message.checkpoint).toEqual({ seq: 12 });
  });

  it.each([
    ['a document that is not an object', ['x'], 'documents.0.expected an object'],
    ['an array as a document', [[]], 'documents.0.expected an object'],
    ['a missing id', [{ id: 'ok' }, { name: 'no id' }], 'documents.1.id: expected a string'],
    ['an empty id', [{ id: '' }], 'documents.0.id: expected 1–64 characters'],
    [
      'an id over 64 characters',
      [{ id: 'x'.repeat(65) }],
      'documents.0.id: expected 1–64 characters',
    ],
    [
      'a _deleted that is not a boolean',
      [{ id: 'a', _deleted: 'yes' }],
      'documents.0._deleted: expected a boolean',
    ],
  ])('rejects %s with the reason and the request id', (_name, documents, reason) => {
    const parsed = parseServerMessage(pullResult(documents));
    expect(parsed).toEqual({
      ok: false,
      id: 7,
      error: `invalid pull-result from the server: ${reason}`,
    });
  });

  it('validates the pull-result envelope strictly', () => {
    const cases = [
      pullResult([], { checkpoint: { seq: -1 } }),
      pullResult([], { remaining: 1.5 }),
      pullResult([], { documents: 'nope' }),
      { ...pullResult([]), id: 'x' },
    ];
    for (const raw of cases) {
      const parsed = parseServerMessage(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^invalid pull-result from the server: /);
    }
  });

  it('parses every other message with the protocol schema', () => {
    expect(parseServerMessage({ type: 'pong', id: 3 })).toEqual({
      ok: true,
      message: { type: 'pong', id: 3 },
    });
    const bad = parseServerMessage({ type: 'push-result', id: 4, conflicts: [{}], rejected: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad).toMatchObject({
        id: 4,
        error: expect.stringMatching(
          /^invalid message from the server: conflicts\.0\.id/,
        ) as unknown,
      });
    expect(parseServerMessage(null)).toMatchObject({ ok: false, id: undefined });
  });

  it('wireDocProblem agrees with wireDocSchema', () => {
    const samples: unknown[] = [
      { id: 'a' },
      { id: 'a', _deleted: true },
      { id: 'a', _deleted: undefined },
      { id: 'é'.repeat(64) },
      { id: 'x'.repeat(64), extra: [1] },
      { id: '' },
      { id: 'x'.repeat(65) },
      { id: 5 },
      { id: 'a', _deleted: 0 },
      { id: 'a', _deleted: null },
      null,
      'a',
      3,
      [],
      [{ id: 'a' }],
    ];
    for (const sample of samples)
      expect(wireDocProblem(sample) === null, JSON.stringify(sample)).toBe(
        wireDocSchema.safeParse(sample).success,
      );
  });
});
