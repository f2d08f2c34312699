import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CSAT_SURVEY_PATH,
  createSurveyLinkBody,
  csatSurveyBody,
  NPS_SURVEY_PATH,
  npsSurveyBody,
  surveyAnswerResponse,
  surveyLinkResponse,
  SURVEY_KINDS,
  SURVEY_PAGE_PATHS,
  surveyPageQuery,
} from '@shared/sync';
import { renderSurveyPage, SURVEY_PAGE_CSP } from '../surveys/survey-page';
import { surveyPageLanguage } from '../surveys/survey-page-text';
import { errorResponses } from './error-replies';
import { rateLimited } from './rate-limit';
import { principalOf, PUBLIC, SIGNED_IN, type HttpApiDeps } from './route-kit';

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});

/**
 * Satisfaction surveys (issue 21; surveys/survey-service.ts): an agent makes a one-time link for a resolved
 * ticket or a contact; the customer's CSAT or NPS answer is posted with its token, publicly, and recorded once.
 */
export const surveyRoutes: FastifyPluginAsyncZod<{ deps: HttpApiDeps; perMinute: number }> = (
  app,
  { deps, perMinute },
) => {
  const { auth, surveys } = deps;
  const principal = principalOf.bind(null, auth);
  // Per address, before the service's own per-address budget: strangers call these without a session.
  const limited = rateLimited(perMinute * 2);

  app.post('/api/surveys/links', {
    schema: {
      operationId: 'createSurveyLink',
      summary:
        'Make a one-time survey token for a resolved ticket (csat) or a contact (nps); the token is shown only here, and an earlier unused token of the record stops working',
      tags: ['surveys'],
      security: SIGNED_IN,
      body: createSurveyLinkBody,
      response: {
        201: json('The new token', surveyLinkResponse),
        ...errorResponses([400, 401, 403, 404, 409, 413, 415]),
      },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await surveys.createLink(await principal(req), req.body)),
  });
  app.post(CSAT_SURVEY_PATH, {
    config: limited,
    schema: {
      operationId: 'answerCsatSurvey',
      summary:
        "Record a customer's CSAT answer (1–5 and a comment) on the ticket of a one-time token; a token already used answers 410",
      tags: ['surveys'],
      security: PUBLIC,
      body: csatSurveyBody,
      response: {
        201: json('The answer was recorded', surveyAnswerResponse),
        ...errorResponses([400, 404, 409, 410, 413, 415, 422, 429]),
      },
    },
    handler: async (req, reply) => reply.code(201).send(await surveys.answerCsat(req.body, req.ip)),
  });
  app.post(NPS_SURVEY_PATH, {
    config: limited,
    schema: {
      operationId: 'answerNpsSurvey',
      summary:
        "Record a contact's NPS answer (0–10 and a reason) as an nps activity on the contact of a one-time token; a token already used answers 410",
      tags: ['surveys'],
      security: PUBLIC,
      body: npsSurveyBody,
      response: {
        201: json('The answer was recorded', surveyAnswerResponse),
        ...errorResponses([400, 404, 410, 413, 415, 422, 429]),
      },
    },
    handler: async (req, reply) => reply.code(201).send(await surveys.answerNps(req.body, req.ip)),
  });
  // The pages a customer opens from the survey e-mail: server-rendered, no app bundle; their form posts to the
  // public answer routes above.
  for (const kind of SURVEY_KINDS)
    app.get(SURVEY_PAGE_PATHS[kind], {
      config: limited,
      schema: {
        operationId: kind === 'csat' ? 'showCsatSurveyPage' : 'showNpsSurveyPage',
        summary: `The customer's ${kind === 'csat' ? 'CSAT' : 'NPS'} survey page (HTML, zh-CN or en by ?lang= or Accept-Language) for a one-time token; its form posts to ${kind === 'csat' ? CSAT_SURVEY_PATH : NPS_SURVEY_PATH}`,
        tags: ['surveys'],
        security: PUBLIC,
        querystring: surveyPageQuery,
        response: {
          ...errorResponses([400, 429]),
          200: html('The survey form: the token can still be answered'),
          404: html('A page saying the link is not valid (unknown, mangled or replaced token)'),
          410: html('A page saying the link was already used'),
        },
      },
      handler: async (req, reply) => {
        const token = req.query.token?.trim() ?? '';
        const state = token === '' ? 'unknown' : await surveys.linkState(token, kind);
        const page = renderSurveyPage({
          kind,
          language: surveyPageLanguage(req.query.lang, req.headers['accept-language']),
          token,
          state,
        });
        return reply
          .code(state === 'open' ? 200 : state === 'used' ? 410 : 404)
          .header('content-type', 'text/html; charset=utf-8')
          .header('content-security-policy', SURVEY_PAGE_CSP)
          .header('cache-control', 'no-store')
          .header('vary', 'accept-language')
          .send(page);
      },
    });
  return Promise.resolve();
};
