import { createHash } from 'node:crypto';
import { CSAT_SURVEY_PATH, NPS_SURVEY_PATH, type SurveyKind } from '@shared/sync';
import { SURVEY_PAGE_TEXT, type SurveyPageLanguage } from './survey-page-text';

/** Where a survey link stands when the page is opened (SurveyService.linkState). */
export type SurveyLinkState = 'open' | 'used' | 'unknown';

/**
 * The page's one script: posts the chosen score to the public survey endpoint as JSON and shows the outcome the
 * server rendered (hidden) for the answer's status. Static text, so the CSP can allow exactly it by its hash.
 */
const SCRIPT = `
const form = document.getElementById('survey');
const show = (name) => {
  for (const el of document.querySelectorAll('[data-outcome]')) el.hidden = el.dataset.outcome !== name;
};
const outcomes = { 201: 'thanks', 404: 'unknown', 409: 'reopened', 410: 'used', 429: 'tooMany' };
form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const picked = form.querySelector('input[name="score"]:checked');
  if (!picked) return show('chooseScore');
  const button = form.querySelector('button');
  button.disabled = true;
  const body = { token: form.dataset.token, score: Number(picked.value) };
  const text = form.querySelector('textarea').value.trim();
  if (text) body[form.dataset.textField] = text;
  let status = 0;
  try {
    const response = await fetch(form.dataset.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    status = response.status;
  } catch {
    status = 0;
  }
  const outcome = outcomes[status] ?? 'failed';
  const done = outcome === 'thanks' || outcome === 'used' || outcome === 'unknown';
  form.hidden = done;
  button.disabled = done;
  show(outcome);
});
`;

const STYLE = `
body { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0;
  background: #f4f6f8; color: #1f2933; }
main { max-width: 36rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.08); }
h1 { font-size: 1.4rem; margin-top: 0; }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
legend { font-weight: 600; margin-bottom: 0.75rem; }
.scores { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.scores label { position: relative; display: inline-flex; align-items: center; justify-content: center; min-width: 2.4rem;
  height: 2.4rem; border: 1px solid #c5ccd3; border-radius: 6px; cursor: pointer; }
.scores input { position: absolute; opacity: 0; }
.scores input:checked + span { font-weight: 700; }
.scores label:has(input:checked) { background: #1c7ed6; border-color: #1c7ed6; color: #fff; }
.scores label:has(input:focus-visible) { outline: 2px solid #1c7ed6; outline-offset: 2px; }
.scale { display: flex; justify-content: space-between; font-size: 0.85rem; color: #52606d; margin-top: 0.4rem; }
label.comment { display: block; font-weight: 600; margin-bottom: 0.4rem; }
textarea { width: 100%; box-sizing: border-box; min-height: 6rem; font: inherit; padding: 0.5rem; }
button { margin-top: 1rem; padding: 0.6rem 1.6rem; font: inherit; border: 0; border-radius: 6px;
  background: #1c7ed6; color: #fff; cursor: pointer; }
button:disabled { opacity: 0.6; cursor: default; }
.outcome { padding: 0.8rem 1rem; border-radius: 6px; background: #e7f5ff; }
.outcome.problem { background: #fff4e6; }
`;

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page's Content-Security-Policy: nothing but its own inline script and style (by hash), calls to this origin
 * only, no frames, forms, plugins or base URL.
 */
export const SURVEY_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${cspHash(SCRIPT)}`,
  `style-src ${cspHash(STYLE)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const SCORES: Record<SurveyKind, number[]> = {
  csat: [1, 2, 3, 4, 5],
  nps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};

/**
 * The customer-facing survey page (issue 21): plain HTML with a small form when the link can still be answered,
 * otherwise only what happened to the link. Every outcome of posting is rendered here, hidden; the script shows
 * the one the server answers.
 */
export function renderSurveyPage({
  kind,
  language,
  token,
  state,
}: {
  kind: SurveyKind;
  language: SurveyPageLanguage;
  token: string;
  state: SurveyLinkState;
}): string {
  const text = SURVEY_PAGE_TEXT[language];
  const outcome = (name: keyof typeof text, problem: boolean, visible = false) =>
    `<p class="outcome${problem ? ' problem' : ''}" data-outcome="${name}" data-testid="survey-${name}" role="${problem ? 'alert' : 'status'}"${visible ? '' : ' hidden'}>${escapeHtml(text[name] as string)}</p>`;
  const scores = SCORES[kind]
    .map(
      (score) =>
        `<label><input type="radio" name="score" value="${score}" data-testid="survey-score-${score}"><span>${score}</span></label>`,
    )
    .join('');
  const form =
    state === 'open'
      ? `<form id="survey" data-testid="survey-form" data-token="${escapeHtml(token)}" data-endpoint="${kind === 'csat' ? CSAT_SURVEY_PATH : NPS_SURVEY_PATH}" data-text-field="${kind === 'csat' ? 'comment' : 'reason'}" novalidate>
<fieldset>
<legend>${escapeHtml(text.question[kind])}</legend>
<div class="scores">${scores}</div>
<div class="scale"><span>${escapeHtml(text.scale[kind].low)}</span><span>${escapeHtml(text.scale[kind].high)}</span></div>
</fieldset>
<label class="comment" for="survey-text">${escapeHtml(text.comment[kind])}</label>
<textarea id="survey-text" maxlength="2000" data-testid="survey-text"></textarea>
<button type="submit" data-testid="survey-submit">${escapeHtml(text.submit)}</button>
</form>
<noscript><p class="outcome problem">${escapeHtml(text.noScript)}</p></noscript>`
      : '';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(text.title[kind])}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(text.title[kind])}</h1>
${form}
${outcome('chooseScore', true)}
${outcome('thanks', false)}
${outcome('used', true, state === 'used')}
${outcome('unknown', true, state === 'unknown')}
${outcome('reopened', true)}
${outcome('tooMany', true)}
${outcome('failed', true)}
</main>
${state === 'open' ? `<script>${SCRIPT}</script>` : ''}
</body>
</html>
`;
}
