import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { BusinessRuleError, RecordValidationError } from '../data/errors';
import { ApiCallError } from '../data/team/auth-client';
import { errorMessage } from './error-messages';

const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');
const api = (status: number, code: string) =>
  new ApiCallError(status, { code, message: `technical ${code}` });

describe('errorMessage', () => {
  it.each([
    [api(0, 'unreachable'), 'errors.network'],
    [api(401, 'invalid_token'), 'errors.session'],
    [api(401, 'device_revoked'), 'errors.session'],
    [api(403, 'admin_only'), 'errors.forbidden'],
    [api(404, 'not_found'), 'errors.notFound'],
    [api(409, 'conflict'), 'errors.conflict'],
    [api(413, 'body_too_large'), 'errors.tooLarge'],
    [api(429, 'rate_limited'), 'errors.rateLimited'],
    [api(400, 'invalid_body'), 'errors.invalidInput'],
    [api(500, 'server_error'), 'errors.server'],
    [api(200, 'bad_response'), 'errors.badResponse'],
    [new TypeError('Failed to fetch'), 'errors.network'],
    [new Error('boom at line 3'), 'errors.unexpected'],
    ['a string', 'errors.unexpected'],
  ])('%s reads as %s, in both languages, without the technical text', (error, key) => {
    expect(errorMessage(error, en)).toBe(en(key));
    expect(errorMessage(error, zh)).toBe(zh(key));
    expect(en(key)).not.toBe(key);
    expect(errorMessage(error, en)).not.toMatch(/technical|boom|fetch/);
  });

  it("prefers the screen's own text for a server code", () => {
    expect(errorMessage(api(401, 'invalid_credentials'), en, 'connect')).toBe(
      en('connect.errors.invalid_credentials'),
    );
    expect(errorMessage(api(403, 'admin_only'), zh, 'teamAdmin')).toBe(
      zh('teamAdmin.errors.admin_only'),
    );
    // A code the screen has no text for falls back to the general one.
    expect(errorMessage(api(503, 'server_error'), en, 'connect')).toBe(en('errors.server'));
  });

  it('says what a rule refused, with its values translated', () => {
    const error = new BusinessRuleError('tickets.errors.transition', { from: 'new', to: 'open' });
    const text = errorMessage(error, en);
    expect(text).toContain(en('lists.ticketStatus.new'));
    expect(text).toContain(en('lists.ticketStatus.open'));
  });

  it('lists the field issues of a rejected write', () => {
    const error = new RecordValidationError([{ path: 'name', message: 'validation.required' }]);
    expect(errorMessage(error, en)).toBe(en('validation.required'));
  });
});
