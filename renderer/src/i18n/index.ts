import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Bilingual, Messages } from './resources/types';
import { lists } from './resources/lists';
import { app } from './resources/app';
import { accounts } from './resources/accounts';
import { contacts } from './resources/contacts';
import { settings } from './resources/settings';
import { connect } from './resources/connect';
import { validation } from './resources/validation';
import { activities } from './resources/activities';
import { tickets } from './resources/tickets';
import { leads } from './resources/leads';
import { myDay } from './resources/my-day';
import { deals } from './resources/deals';
import { contracts } from './resources/contracts';
import { desktop } from './resources/desktop';
import { inbox } from './resources/inbox';
import { inboxItems } from './resources/inbox-items';
import { history } from './resources/history';
import { teamAdmin } from './resources/team-admin';
import { leadCapture } from './resources/lead-capture';
import { plans } from './resources/plans';
import { errors } from './resources/errors';
import { fieldPolicy } from './resources/field-policy';
import { followUpRules } from './resources/follow-up-rules';
import { leadAssignment } from './resources/lead-assignment';
import { serviceDesk } from './resources/service-desk';
import { sla } from './resources/sla';
import { pending } from './resources/pending';
import { shortcuts } from './resources/shortcuts';
import { recordSequence } from './resources/record-sequence';
import { shell } from './resources/shell';
import { dataExport } from './resources/data-export';
import { importTexts } from './resources/import';
import { comments } from './resources/comments';
import { campaigns } from './resources/campaigns';
import { approvals } from './resources/approvals';
import { handover } from './resources/handover';
import { merge as mergeTexts } from './resources/merge';
import { health } from './resources/health';
import { quotes } from './resources/quotes';
import { forecast } from './resources/forecast';
import { contractsToCash } from './resources/contracts-to-cash';
import { dashboards } from './resources/dashboards';
import { dashboardsService } from './resources/dashboards-service';
import { dashboardsSales } from './resources/dashboards-sales';

/**
 * UI texts, zh-CN first (CONVENTIONS.md 11). Each area keeps its texts in resources/<area>.ts in both
 * languages; they are merged into one namespace here so keys read `accounts.title`, `validation.required`.
 */
const areas: Bilingual[] = [
  app,
  accounts,
  contacts,
  settings,
  connect,
  validation,
  lists,
  activities,
  tickets,
  leads,
  myDay,
  deals,
  contracts,
  desktop,
  inbox,
  inboxItems,
  history,
  teamAdmin,
  leadCapture,
  plans,
  errors,
  fieldPolicy,
  followUpRules,
  leadAssignment,
  serviceDesk,
  sla,
  pending,
  shortcuts,
  recordSequence,
  shell,
  dataExport,
  importTexts,
  comments,
  campaigns,
  approvals,
  handover,
  mergeTexts,
  health,
  quotes,
  forecast,
  contractsToCash,
  dashboards,
  dashboardsService,
  dashboardsSales,
];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function merge(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value);
    else target[key] = typeof value === 'object' ? merge({}, value) : value;
  }
  return target;
}

export function buildResources(list: Bilingual[]): Record<Language, Messages> {
  const zh: Messages = {};
  const en: Messages = {};
  for (const area of list) {
    merge(zh, area['zh-CN']);
    merge(en, area.en);
  }
  return { 'zh-CN': zh, en };
}

const resources = buildResources(areas);

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

// <html lang> follows the UI language (screen readers, CJK line breaking; boot-look.js sets it before the first paint).
i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});
