import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './csp';

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('buildContentSecurityPolicy (production)', () => {
  const policy = parse(buildContentSecurityPolicy({ dev: false, delivery: 'header' }));

  it('only runs the app own scripts', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('allows inline styles for Mantine', () => {
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('lets the renderer reach a user-configured sync server', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:', 'http:', 'https:']);
  });

  it.each([
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('locks down %s', (name, sources) => {
    expect(policy.get(name)).toEqual(sources);
  });

  it('never allows eval or inline scripts, nor wildcards', () => {
    const text = buildContentSecurityPolicy({ dev: false, delivery: 'header' });
    expect(text).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(text).not.toMatch(/(^|\s)\*(\s|;|$)/);
  });
});

describe('buildContentSecurityPolicy variants', () => {
  it('relaxes scripts only in dev', () => {
    const dev = parse(buildContentSecurityPolicy({ dev: true, delivery: 'header' }));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'", "'unsafe-eval'"]);
  });

  it('leaves frame-ancestors out of the meta tag (browsers ignore it there)', () => {
    const meta = parse(buildContentSecurityPolicy({ dev: false, delivery: 'meta' }));
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('script-src')).toEqual(["'self'"]);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces an existing policy whatever its case and keeps other headers', () => {
    const headers = withContentSecurityPolicy(
      {
        'content-security-policy': ['default-src *'],
        'Content-Type': 'text/html',
        'X-Other': ['a', 'b'],
      },
      "default-src 'self'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'X-Other': ['a', 'b'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });

  it('works without headers', () => {
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
