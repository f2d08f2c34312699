import { describe, expect, it } from 'vitest';
import * as domainLists from '@shared/domain/lists';
import { DEFAULT_PIPELINE } from '@shared/domain/defaults';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '@shared/domain/industry';
import { ValidationMessage } from '@shared/validation/messages';
import { i18n, LANGUAGES } from './index';
import type { Bilingual, Messages } from './resources/types';

/** Every resource module (resources/*.ts except the types), so a new area is checked without editing this test. */
const modules = import.meta.glob<Record<string, unknown>>(
  ['./resources/*.ts', '!./resources/types.ts'],
  { eager: true },
);

function isMessages(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBilingual(value: unknown): value is Bilingual {
  return isMessages(value) && isMessages(value['zh-CN']) && isMessages(value.en);
}

/** Leaf paths of a message tree with their values, e.g. ['validation.required', '此项为必填项']. */
function leaves(tree: Messages, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

/** All keys of a tree (inner nodes too), used to check that no key contains a separator. */
function keys(tree: Messages): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [key] : [key, ...keys(value)],
  );
}

const areas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isBilingual(value))
    .map(([name, value]) => ({ file, name, bilingual: value as Bilingual })),
);

/** The controlled lists of shared/domain/lists.ts by their label key (lists.<listName>). */
const CONTROLLED_LISTS: Record<string, readonly string[]> = {
  source: domainLists.LEAD_SOURCES,
  sizeBand: domainLists.SIZE_BANDS,
  tier: domainLists.ACCOUNT_TIERS,
  accountStatus: domainLists.ACCOUNT_STATUSES,
  lifecycleTag: domainLists.LIFECYCLE_TAGS,
  decisionRole: domainLists.DECISION_ROLES,
  decisionPower: domainLists.DECISION_POWERS,
  leadStatus: domainLists.LEAD_STATUSES,
  dealStatus: domainLists.DEAL_STATUSES,
  contractStatus: domainLists.CONTRACT_STATUSES,
  paymentMethod: domainLists.PAYMENT_METHODS,
  ticketType: domainLists.TICKET_TYPES,
  ticketPriority: domainLists.TICKET_PRIORITIES,
  ticketStatus: domainLists.TICKET_STATUSES,
  activityType: domainLists.ACTIVITY_TYPES,
  relatedType: domainLists.RELATED_TYPES,
  approvalKind: domainLists.APPROVAL_KINDS,
  approvalStatus: domainLists.APPROVAL_STATUSES,
  memberRole: domainLists.MEMBER_ROLES,
  region: domainLists.REGIONS,
  stage: DEFAULT_PIPELINE.stages.map((stage) => stage.id),
};

function expectLabel(key: string): void {
  for (const lng of LANGUAGES) {
    expect(i18n.exists(key, { lng }), `${key} (${lng})`).toBe(true);
    const text = i18n.t(key, { lng });
    expect(text, `${key} (${lng})`).not.toBe(key);
    expect(text.trim(), `${key} (${lng})`).not.toBe('');
  }
}

describe('i18n resource modules', () => {
  it('finds the resource modules', () => {
    expect(areas.map((area) => area.name)).toEqual(expect.arrayContaining(['validation', 'lists']));
  });

  describe.each(areas)('$file ($name)', ({ bilingual }) => {
    it('has identical key trees in zh-CN and en', () => {
      const zh = leaves(bilingual['zh-CN'])
        .map(([key]) => key)
        .sort();
      const en = leaves(bilingual.en)
        .map(([key]) => key)
        .sort();
      expect(en).toEqual(zh);
      expect(zh.length).toBeGreaterThan(0);
    });

    it('has no empty texts', () => {
      for (const lng of LANGUAGES) {
        for (const [key, value] of leaves(bilingual[lng]))
          expect(value.trim(), `${key} (${lng})`).not.toBe('');
      }
    });

    it('has no key containing the i18next separators "." or ":"', () => {
      for (const lng of LANGUAGES) {
        for (const key of keys(bilingual[lng])) expect(key, `${key} (${lng})`).not.toMatch(/[.:]/);
      }
    });

    it('is registered in i18n (every text resolves in both languages)', () => {
      for (const lng of LANGUAGES) {
        // getResource, not t(): a text with {{placeholders}} must match verbatim, not interpolated.
        for (const [key, value] of leaves(bilingual[lng]))
          expect(i18n.getResource(lng, 'translation', key), `${key} (${lng})`).toBe(value);
      }
    });
  });
});

describe('labels for shared domain codes', () => {
  it.each(Object.entries(CONTROLLED_LISTS))(
    'labels every value of lists.%s',
    (listName, values) => {
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expectLabel(`lists.${listName}.${value}`);
    },
  );

  it('labels every GB/T 4754-2017 section and division', () => {
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    for (const code of [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS])
      expectLabel(`industry.${code}`);
  });

  it('uses the official Chinese names', () => {
    expect(i18n.t('industry.I', { lng: 'zh-CN' })).toBe('信息传输、软件和信息技术服务业');
    expect(i18n.t('industry.I65', { lng: 'zh-CN' })).toBe('软件和信息技术服务业');
    expect(i18n.t('industry.C39', { lng: 'zh-CN' })).toBe('计算机、通信和其他电子设备制造业');
    expect(i18n.t('lists.region.guangdong', { lng: 'zh-CN' })).toBe('广东');
    expect(i18n.t('lists.stage.quote', { lng: 'zh-CN' })).toBe('报价');
    expect(i18n.t('lists.sizeBand.5000+', { lng: 'en' })).toBe('5,000+ employees');
  });

  it.each(Object.entries(ValidationMessage))('resolves ValidationMessage.%s', (_name, key) => {
    expectLabel(key);
  });
});
