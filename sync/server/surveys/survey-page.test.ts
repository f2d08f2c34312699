import { describe, expect, it } from 'vitest';
import { renderSurveyPage, SURVEY_PAGE_CSP } from './survey-page';
import { surveyPageLanguage } from './survey-page-text';

describe('surveyPageLanguage', () => {
  it('takes ?lang= first, then the browser languages by preference, then Chinese', () => {
    expect(surveyPageLanguage('en', 'zh-CN,zh')).toBe('en');
    expect(surveyPageLanguage('zh', 'en-US')).toBe('zh-CN');
    expect(surveyPageLanguage('fr', 'en-US,en;q=0.9')).toBe('en');
    expect(surveyPageLanguage(undefined, 'fr-FR, zh-TW;q=0.8, en;q=0.9')).toBe('en');
    expect(surveyPageLanguage(undefined, 'en;q=0, zh-Hans;q=0.5')).toBe('zh-CN');
    expect(surveyPageLanguage(undefined, 'de-DE')).toBe('zh-CN');
    expect(surveyPageLanguage(undefined, undefined)).toBe('zh-CN');
  });
});

describe('renderSurveyPage', () => {
  it('has the form and script only while the link can be answered', () => {
    const open = renderSurveyPage({ kind: 'nps', language: 'en', token: 'crmsv_x', state: 'open' });
    expect(open).toContain('data-token="crmsv_x"');
    expect(open).toContain('<script>');
    const used = renderSurveyPage({ kind: 'nps', language: 'en', token: 'crmsv_x', state: 'used' });
    expect(used).not.toContain('<form');
    expect(used).not.toContain('<script>');
    expect(used).toMatch(/data-outcome="used" data-testid="survey-used" role="alert">/);
  });

  it('escapes the token it puts in the page', () => {
    const html = renderSurveyPage({
      kind: 'csat',
      language: 'zh-CN',
      token: '"><img src=x>',
      state: 'open',
    });
    expect(html).toContain('data-token="&quot;&gt;&lt;img src=x&gt;"');
    expect(html).not.toContain('<img');
  });

  it('allows no other script or style source than its own hashes', () => {
    expect(SURVEY_PAGE_CSP).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-/);
    expect(SURVEY_PAGE_CSP).not.toContain('unsafe');
  });
});
