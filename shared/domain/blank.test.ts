import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { blankFields } from './blank';
import { accountFields, activityFields, dealFields } from './entities';

describe('blankFields', () => {
  it('reads each field’s empty value from its schema', () => {
    expect(
      blankFields({
        name: z.string().min(1),
        amount: z.number(),
        done: z.boolean(),
        tags: z.array(z.string()),
        currency: z.literal('CNY'),
        status: z.enum(['open', 'won']),
        tier: z.union([z.literal(''), z.enum(['A', 'B'])]),
        doneAt: z.number().optional(),
      }),
    ).toEqual({
      name: '',
      amount: 0,
      done: false,
      tags: [],
      currency: 'CNY',
      status: 'open',
      tier: '',
    });
  });

  it('gives the entities’ blanks (the importer starts each row from them)', () => {
    expect(blankFields(accountFields)).toMatchObject({
      name: '',
      status: 'prospect',
      tier: '',
      tags: [],
    });
    expect(blankFields(dealFields)).toMatchObject({
      currency: 'CNY',
      status: 'open',
      lineItems: [],
    });
    expect(blankFields(activityFields)).not.toHaveProperty('doneAt');
  });
});
