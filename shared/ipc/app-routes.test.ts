import { describe, expect, it } from 'vitest';
import { isAppRoute, isRecordId, RECORD_KINDS, recordRoute } from './app-routes';

describe('recordRoute', () => {
  it.each([
    ['account', 'acc-1', '/accounts/acc-1'],
    ['contact', 'demo-con-000001', '/contacts/demo-con-000001'],
    ['lead', 'lead_7', '/leads/lead_7'],
    ['deal', '3f0b8c7e-2a4d-4e7f-9a43-1b2c3d4e5f60', '/deals/3f0b8c7e-2a4d-4e7f-9a43-1b2c3d4e5f60'],
    ['contract', 'ctr-9', '/contracts/ctr-9'],
    ['ticket', 'TKT-1', '/tickets/TKT-1'],
  ] as const)('%s %s → %s', (kind, id, route) => {
    expect(recordRoute(kind, id)).toBe(route);
    expect(isAppRoute(route)).toBe(true);
  });

  it('gives every record kind a route', () => {
    for (const kind of RECORD_KINDS) expect(recordRoute(kind, 'x1')).toMatch(/^\/[a-z]+\/x1$/);
  });

  it.each([
    '',
    '../settings',
    'a/b',
    'a%2Fb',
    'a b',
    'a.b',
    '-leading-dash',
    'x'.repeat(65),
    'a?x=1',
    'a#b',
    '账户',
  ])('refuses the id %j', (id) => {
    expect(isRecordId(id)).toBe(false);
    expect(recordRoute('account', id)).toBeNull();
  });
});

describe('isAppRoute', () => {
  it.each([
    '/',
    '/accounts',
    '/contacts',
    '/leads',
    '/deals',
    '/contracts',
    '/tickets',
    '/settings',
    '/accounts/acc-1',
  ])('accepts %s', (route) => {
    expect(isAppRoute(route)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['relative', 'accounts'],
    ['unknown section', '/admin'],
    ['unknown record kind', '/users/u1'],
    ['settings with an id', '/settings/x'],
    ['trailing slash', '/accounts/'],
    ['double slash', '//accounts/acc-1'],
    ['dot segments', '/accounts/../settings'],
    ['query', '/accounts/acc-1?x=1'],
    ['fragment', '/accounts#x'],
    ['three segments', '/accounts/acc-1/edit'],
    ['absolute URL', 'https://example.com/accounts/1'],
    ['protocol-relative', '//example.com'],
    ['too long', `/accounts/${'a'.repeat(200)}`],
    ['not a string', 42],
    ['null', null],
  ])('refuses %s', (_name, route) => {
    expect(isAppRoute(route)).toBe(false);
  });
});
