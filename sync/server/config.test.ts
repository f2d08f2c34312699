import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTH_RATE_LIMIT,
  DEFAULT_WEB_ORIGINS,
  parseOrigins,
  parseProxies,
  readConfig,
} from './config';

describe('server config', () => {
  it('opens workspace creation on first start only, unless told admin or open (flag over environment)', () => {
    expect(readConfig([], {}).workspaceCreation).toBe('first');
    expect(readConfig([], { CRM_WORKSPACE_CREATION: 'open' }).workspaceCreation).toBe('open');
    expect(
      readConfig(['--workspace-creation', 'admin'], { CRM_WORKSPACE_CREATION: 'open' })
        .workspaceCreation,
    ).toBe('admin');
    expect(() => readConfig(['--workspace-creation', 'anyone'], {})).toThrow(
      /workspace creation mode: anyone/,
    );
  });

  it('allows the default web origins and limits sign-in when nothing is said', () => {
    const config = readConfig([], {});
    expect(config.corsOrigins).toEqual(DEFAULT_WEB_ORIGINS);
    expect(config.authRateLimit).toBe(DEFAULT_AUTH_RATE_LIMIT);
  });

  it('takes web origins and the sign-in limit from flags over the environment', () => {
    const env = { CRM_CORS_ORIGINS: 'https://crm.example.com', CRM_AUTH_RATE_LIMIT: '5' };
    expect(readConfig([], env)).toMatchObject({
      corsOrigins: ['https://crm.example.com'],
      authRateLimit: 5,
    });
    expect(
      readConfig(
        ['--cors-origins', 'http://127.0.0.1:4180/, https://a.example', '--auth-rate-limit', '0'],
        env,
      ),
    ).toMatchObject({
      corsOrigins: ['http://127.0.0.1:4180', 'https://a.example'],
      authRateLimit: 0,
    });
  });

  it('refuses origins that can never match and limits that are not counts', () => {
    expect(() => parseOrigins('ftp://files.example.com')).toThrow(/invalid CORS origin/);
    expect(() => parseOrigins('not a url')).toThrow();
    expect(() => readConfig(['--auth-rate-limit=-1'], {})).toThrow(/rate limit/);
    expect(() => readConfig(['--auth-rate-limit', 'many'], {})).toThrow(/rate limit/);
  });

  it('believes X-Forwarded-For from no one unless proxies are named, as addresses or ranges', () => {
    expect(readConfig([], {}).trustProxy).toEqual([]);
    expect(readConfig([], { CRM_TRUST_PROXY: '10.0.0.5' }).trustProxy).toEqual(['10.0.0.5']);
    expect(
      readConfig(['--trust-proxy', '10.0.0.0/8, ::1, fd00::/8'], { CRM_TRUST_PROXY: '1.2.3.4' })
        .trustProxy,
    ).toEqual(['10.0.0.0/8', '::1', 'fd00::/8']);
    expect(() => parseProxies('true')).toThrow(/invalid trusted proxy/);
    expect(() => parseProxies('10.0.0.0/33')).toThrow(/invalid trusted proxy/);
    expect(() => parseProxies('proxy.example.com')).toThrow(/invalid trusted proxy/);
  });

  it('bounds clock skew at 60 s unless told otherwise (flag over environment), refusing non-counts', () => {
    expect(readConfig([], {}).maxClockSkewMs).toBe(60_000);
    expect(readConfig([], { CRM_MAX_CLOCK_SKEW_MS: '5000' }).maxClockSkewMs).toBe(5_000);
    expect(
      readConfig(['--max-clock-skew-ms', '0'], { CRM_MAX_CLOCK_SKEW_MS: '5000' }).maxClockSkewMs,
    ).toBe(0);
    expect(() => readConfig(['--max-clock-skew-ms=-1'], {})).toThrow(/invalid max clock skew/);
    expect(() => readConfig([], { CRM_MAX_CLOCK_SKEW_MS: '1.5' })).toThrow(
      /invalid max clock skew/,
    );
  });

  it('limits leads per capture key as told (flag over environment), the server default otherwise', () => {
    expect(readConfig([], {}).captureRateLimit).toBeUndefined();
    expect(readConfig([], { CRM_CAPTURE_RATE_LIMIT: '600' }).captureRateLimit).toBe(600);
    expect(
      readConfig(['--capture-rate-limit', '0'], { CRM_CAPTURE_RATE_LIMIT: '600' }).captureRateLimit,
    ).toBe(0);
    expect(() => readConfig(['--capture-rate-limit=-1'], {})).toThrow(/invalid capture rate limit/);
    expect(() => readConfig([], { CRM_CAPTURE_RATE_LIMIT: 'many' })).toThrow(
      /invalid capture rate limit/,
    );
  });

  it('sweeps due leads as often as told (flag over environment); 0 = only at start-up', () => {
    expect(readConfig([], {}).leadAssignmentSweepMs).toBeUndefined();
    expect(readConfig([], { CRM_LEAD_ASSIGNMENT_SWEEP_MS: '5000' }).leadAssignmentSweepMs).toBe(
      5000,
    );
    expect(
      readConfig(['--lead-assignment-sweep-ms', '0'], { CRM_LEAD_ASSIGNMENT_SWEEP_MS: '5000' })
        .leadAssignmentSweepMs,
    ).toBe(0);
    expect(() => readConfig(['--lead-assignment-sweep-ms=soon'], {})).toThrow(
      /invalid lead assignment sweep interval/,
    );
  });
});
