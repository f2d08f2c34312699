import { describe, expect, it } from 'vitest';
import {
  findDeepLinkInArgv,
  MAX_DEEP_LINK_LENGTH,
  parseDeepLink,
  shouldRegisterProtocolClient,
} from './deep-link';

describe('parseDeepLink', () => {
  const opened: [string, string, string][] = [
    ['an account', 'crm://account/acc-1', '/accounts/acc-1'],
    ['a contact', 'crm://contact/con-2', '/contacts/con-2'],
    ['a lead', 'crm://lead/lead-3', '/leads/lead-3'],
    ['a deal', 'crm://deal/deal-4', '/deals/deal-4'],
    ['a contract', 'crm://contract/ctr-5', '/contracts/ctr-5'],
    ['a ticket', 'crm://ticket/tkt-6', '/tickets/tkt-6'],
    [
      'a UUID',
      'crm://account/3f0b8c7e-2a4d-4e7f-9a43-1b2c3d4e5f60',
      '/accounts/3f0b8c7e-2a4d-4e7f-9a43-1b2c3d4e5f60',
    ],
    ['a sample-data id', 'crm://deal/demo-deal-000042', '/deals/demo-deal-000042'],
    ['an upper-case scheme and kind', 'CRM://Account/acc-1', '/accounts/acc-1'],
    ['a trailing slash', 'crm://ticket/tkt-6/', '/tickets/tkt-6'],
  ];
  it.each(opened)('opens %s: %s → %s', (_name, link, route) => {
    expect(parseDeepLink(link)?.route).toBe(route);
  });

  it('returns the kind and id', () => {
    expect(parseDeepLink('crm://deal/d-1')).toEqual({
      kind: 'deal',
      id: 'd-1',
      route: '/deals/d-1',
    });
  });

  const refused: [string, unknown][] = [
    ['another scheme', 'https://account/acc-1'],
    ['a look-alike scheme', 'crmx://account/acc-1'],
    ['no slashes', 'crm:account/acc-1'],
    ['one slash', 'crm:/account/acc-1'],
    ['three slashes', 'crm:///account/acc-1'],
    ['an unknown kind', 'crm://user/u-1'],
    ['a plural kind', 'crm://accounts/acc-1'],
    ['no id', 'crm://account/'],
    ['no kind', 'crm://'],
    ['extra segments', 'crm://account/acc-1/edit'],
    ['two trailing slashes', 'crm://account/acc-1//'],
    ['a traversal id', 'crm://account/..'],
    ['a traversal path', 'crm://account/../settings'],
    ['a query', 'crm://account/acc-1?x=1'],
    ['a fragment', 'crm://account/acc-1#x'],
    ['credentials', 'crm://user@account/acc-1'],
    ['percent escapes', 'crm://account/acc%2F1'],
    ['backslashes', 'crm://account\\acc-1'],
    ['a space', 'crm://account/acc 1'],
    ['a newline', 'crm://account/acc-1\n'],
    ['leading whitespace', ' crm://account/acc-1'],
    ['a NUL', 'crm://account/acc-1\u0000'],
    ['a non-ASCII id', 'crm://account/客户1'],
    ['an id that is too long', `crm://account/${'a'.repeat(65)}`],
    ['an overlong link', `crm://account/${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`],
    ['javascript', 'javascript:alert(1)'],
    ['not a string', 42],
    ['undefined', undefined],
  ];
  it.each(refused)('refuses %s', (_name, link) => {
    expect(parseDeepLink(link)).toBeNull();
  });
});

describe('findDeepLinkInArgv', () => {
  it.each([
    [
      'Windows cold start',
      ['C:\\Program Files\\Field CRM\\Field CRM.exe', 'crm://account/acc-1'],
      '/accounts/acc-1',
    ],
    [
      'after Chromium switches',
      [
        '/opt/Field CRM/field-crm',
        '--no-sandbox',
        '--allow-file-access-from-files',
        'crm://deal/d-9',
      ],
      '/deals/d-9',
    ],
    [
      'development (electron . <link>)',
      ['/usr/bin/electron', '/work/main', 'crm://ticket/t-2/'],
      '/tickets/t-2',
    ],
    ['upper-case scheme', ['app.exe', 'CRM://contact/c-1'], '/contacts/c-1'],
  ])('%s', (_name, argv, route) => {
    expect(findDeepLinkInArgv(argv)?.route).toBe(route);
  });

  it.each([
    ['no link', ['app.exe', '--flag']],
    ['an empty argv', []],
    [
      'a malformed first link, even with a good one later',
      ['app.exe', 'crm://account/../x', 'crm://account/acc-1'],
    ],
    ['a link-looking switch value', ['app.exe', '--open=crm://account/acc-1']],
  ])('finds nothing for %s', (_name, argv) => {
    expect(findDeepLinkInArgv(argv)).toBeNull();
  });
});

describe('shouldRegisterProtocolClient', () => {
  it.each([
    [true, false, true],
    [true, true, false],
    [false, false, false],
    [false, true, false],
  ])('packaged=%s, underTest=%s → %s', (isPackaged, underTest, expected) => {
    expect(shouldRegisterProtocolClient({ isPackaged, underTest })).toBe(expected);
  });
});
