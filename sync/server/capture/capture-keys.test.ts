import { describe, expect, it } from 'vitest';
import { hashCaptureKey } from './capture-keys';

describe('hashCaptureKey', () => {
  it('is the SHA-256 hex of the key: stable, case-sensitive, never the key itself', () => {
    // printf 'crmcap_test' | sha256sum
    expect(hashCaptureKey('crmcap_test')).toBe(
      'e46f5a4cbe1ff9f643c7fa0a9b6d777b3d4524eab7a1981c224a98dfbc1a27dd',
    );
    expect(hashCaptureKey('crmcap_tesT')).not.toBe(hashCaptureKey('crmcap_test'));
  });
});
