import type { SurveyKind } from '@shared/sync';

/** The survey page's languages: Simplified Chinese first (the product's default), English second. */
export const SURVEY_PAGE_LANGUAGES = ['zh-CN', 'en'] as const;
export type SurveyPageLanguage = (typeof SURVEY_PAGE_LANGUAGES)[number];

/** What the customer reads on the survey page; the server renders it, so it cannot use the app's i18n. */
export interface SurveyPageText {
  title: Record<SurveyKind, string>;
  question: Record<SurveyKind, string>;
  /** What the lowest and the highest score mean. */
  scale: Record<SurveyKind, { low: string; high: string }>;
  comment: Record<SurveyKind, string>;
  submit: string;
  chooseScore: string;
  thanks: string;
  used: string;
  unknown: string;
  reopened: string;
  tooMany: string;
  failed: string;
  noScript: string;
}

export const SURVEY_PAGE_TEXT: Record<SurveyPageLanguage, SurveyPageText> = {
  'zh-CN': {
    title: { csat: '服务满意度调查', nps: '推荐意愿调查' },
    question: {
      csat: '您对这次服务的满意程度如何？',
      nps: '您有多大可能把我们推荐给朋友或同事？',
    },
    scale: {
      csat: { low: '1 = 非常不满意', high: '5 = 非常满意' },
      nps: { low: '0 = 完全不可能', high: '10 = 非常可能' },
    },
    comment: { csat: '您的评价（可选）', nps: '原因（可选）' },
    submit: '提交',
    chooseScore: '请先选择一个分数。',
    thanks: '感谢您的反馈！您的回答已记录。',
    used: '这个调查链接已经使用过或已失效，无需再次填写。',
    unknown: '这个调查链接无效或已被新的链接取代。请使用最新邮件中的链接。',
    reopened: '您的工单已重新打开，工单解决后可以再填写这份调查。',
    tooMany: '提交太频繁，请稍后再试。',
    failed: '提交没有成功，请检查网络后重试。',
    noScript: '提交调查需要启用浏览器的 JavaScript。',
  },
  en: {
    title: { csat: 'How did we do?', nps: 'Would you recommend us?' },
    question: {
      csat: 'How satisfied are you with the help you received?',
      nps: 'How likely are you to recommend us to a friend or colleague?',
    },
    scale: {
      csat: { low: '1 = very dissatisfied', high: '5 = very satisfied' },
      nps: { low: '0 = not at all likely', high: '10 = extremely likely' },
    },
    comment: { csat: 'Your comments (optional)', nps: 'Your reason (optional)' },
    submit: 'Send',
    chooseScore: 'Please choose a score first.',
    thanks: 'Thank you for your feedback! Your answer has been recorded.',
    used: 'This survey link was already used or has expired; there is nothing more to fill in.',
    unknown:
      'This survey link is not valid or was replaced by a newer one. Please use the link in our latest e-mail.',
    reopened: 'Your ticket was reopened; you can answer this survey once it is resolved again.',
    tooMany: 'Too many answers sent; please try again in a minute.',
    failed: 'Your answer could not be sent; please check your connection and try again.',
    noScript: 'Answering the survey needs JavaScript enabled in your browser.',
  },
};

/**
 * The page's language: an explicit `?lang=` (zh-CN, zh, en, en-GB …) first, then the browser's
 * Accept-Language by preference (q values), then Chinese.
 */
export function surveyPageLanguage(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): SurveyPageLanguage {
  const explicit = lang ? languageOf(lang) : null;
  if (explicit) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'zh-CN';
}

function languageOf(tag: string): SurveyPageLanguage | null {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}
