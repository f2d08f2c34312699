import { z } from 'zod';
import { activityFields, ticketFields } from '../domain';

/**
 * Satisfaction surveys (issue 21, "Satisfaction"): an agent makes a one-time link for a resolved ticket (CSAT) or
 * a contact (NPS) over the signed-in routes; the customer's answer is posted with its token to the public routes
 * (`POST /api/surveys/csat`, `POST /api/surveys/nps`), recorded once. REST bodies shared by the server (which
 * validates them) and the app (which sends them).
 */

export const CSAT_SURVEY_PATH = '/api/surveys/csat';
export const NPS_SURVEY_PATH = '/api/surveys/nps';
export const SURVEY_KINDS = ['csat', 'nps'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
/** The customer-facing pages a survey e-mail links to (`?token=…`, optional `&lang=zh-CN|en`), served by the server. */
export const SURVEY_PAGE_PATHS = { csat: '/survey/csat', nps: '/survey/nps' } as const;
/** Survey tokens start with this, so a leaked one is recognisable. */
export const SURVEY_TOKEN_PREFIX = 'crmsv_';
/** Author (history `userId`) of what a survey post writes: the customer answered, no member did. */
export const SURVEY_AUTHOR_ID = 'survey';

const token = z.string().trim().min(10).max(200);

export const csatSurveyBody = z.object({
  token,
  score: z.number().int().min(1).max(5),
  comment: ticketFields.csatComment.optional(),
});
export type CsatSurveyBody = z.output<typeof csatSurveyBody>;

export const npsSurveyBody = z.object({
  token,
  score: z.number().int().min(0).max(10),
  reason: activityFields.body.optional(),
});
export type NpsSurveyBody = z.output<typeof npsSurveyBody>;

/** What a recorded answer answers (201). */
export const surveyAnswerResponse = z.object({
  kind: z.enum(SURVEY_KINDS),
  /** The ticket (CSAT) or the new `nps` activity (NPS). */
  recordId: z.string(),
  score: z.number().int(),
});
export type SurveyAnswerResponse = z.infer<typeof surveyAnswerResponse>;

export const createSurveyLinkBody = z.object({
  kind: z.enum(SURVEY_KINDS),
  /** The ticket (csat; it must be resolved or closed) or the contact (nps). */
  recordId: z.string().trim().min(1).max(100),
});
export type CreateSurveyLinkBody = z.output<typeof createSurveyLinkBody>;

/** The new token (shown only here: the server keeps its hash); an earlier unused token of the record stops working. */
export const surveyLinkResponse = z.object({
  kind: z.enum(SURVEY_KINDS),
  recordId: z.string(),
  token: z.string(),
  createdAt: z.number(),
});
export type SurveyLinkResponse = z.infer<typeof surveyLinkResponse>;

/** The page a customer opens from the survey e-mail: the server's page for the kind, with the token. */
export function surveyPageUrl(serverUrl: string, kind: SurveyKind, token: string): string {
  const url = new URL(SURVEY_PAGE_PATHS[kind], serverUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * The survey page's query. Lenient on purpose: a customer with a mangled link gets a page that says so, not a
 * JSON error; an unknown `lang` falls back to the browser's languages.
 */
export const surveyPageQuery = z.object({
  token: z.string().max(500).optional(),
  lang: z.string().max(35).optional(),
});
export type SurveyPageQuery = z.output<typeof surveyPageQuery>;
