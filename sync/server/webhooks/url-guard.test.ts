import { describe, expect, it } from 'vitest';
import { isPrivateAddress, refuseWebhookUrl } from './url-guard';

describe('isPrivateAddress', () => {
  it('refuses loopback, private, link-local (cloud metadata) and mapped addresses; allows public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'not an address',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '172.32.0.1', '203.0.113.9', '2001:4860:4860::8888'])
      expect(isPrivateAddress(address), address).toBe(false);
  });
});

describe('refuseWebhookUrl', () => {
  const resolve = (addresses: string[]) => () => Promise.resolve(addresses);

  it('only http and https, without credentials in the URL', async () => {
    const options = { allowPrivate: true };
    expect(await refuseWebhookUrl('ftp://example.com/x', options)).toBe('scheme');
    expect(await refuseWebhookUrl('file:///etc/passwd', options)).toBe('scheme');
    expect(await refuseWebhookUrl('javascript:alert(1)', options)).toBe('scheme');
    expect(await refuseWebhookUrl('https://user:pw@example.com/', options)).toBe('credentials');
    expect(await refuseWebhookUrl('http://127.0.0.1:9/hook', options)).toBeNull();
  });

  it('refuses hosts that are or resolve to a private address unless allowed', async () => {
    const strict = { allowPrivate: false, resolve: resolve(['93.184.216.34']) };
    expect(await refuseWebhookUrl('https://hooks.example.com/in', strict)).toBeNull();
    expect(await refuseWebhookUrl('http://127.0.0.1:8080/', strict)).toBe('private');
    expect(await refuseWebhookUrl('http://[::1]/', strict)).toBe('private');
    expect(
      await refuseWebhookUrl('https://sneaky.example.com/', {
        allowPrivate: false,
        resolve: resolve(['93.184.216.34', '10.0.0.5']),
      }),
    ).toBe('private');
    expect(
      await refuseWebhookUrl('https://nowhere.invalid/', {
        allowPrivate: false,
        resolve: () => Promise.reject(new Error('ENOTFOUND')),
      }),
    ).toBe('unresolved');
  });
});
