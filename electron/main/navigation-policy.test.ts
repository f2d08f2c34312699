import { describe, expect, it } from 'vitest';
import { decideWindowOpen } from './navigation-policy';

describe('decideWindowOpen', () => {
  it.each([
    ['https link opens externally', 'https://example.com', 'https://example.com/'],
    ['mailto opens externally', 'mailto:a@example.com', 'mailto:a@example.com'],
    ['file URL is dropped', 'file:///etc/passwd', null],
    ['javascript is dropped', 'javascript:alert(1)', null],
    ['about:blank is dropped', 'about:blank', null],
  ])('%s', (_name, url, external) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: external });
  });
});
