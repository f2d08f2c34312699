import { describe, expect, it } from 'vitest';
import { guessMapping } from '@shared/import/header-guess';
import { validateRows } from '@shared/import/validate-rows';
import { importLabels } from './import-labels';

describe('importLabels', () => {
  it("maps the app's own labels in both languages back to codes", () => {
    const labels = importLabels();
    expect(labels.region?.guangdong).toEqual(['广东', 'Guangdong']);
    const result = validateRows(
      [
        ['甲有限公司', '软件和信息技术服务业', '广东', '成交客户'],
        ['乙有限公司', 'Software and information technology services', 'Guangdong', 'Customer'],
      ],
      {
        kind: 'accounts',
        mapping: guessMapping('accounts', ['公司名称', '行业', '省份', '客户状态']),
        labels,
        members: [],
        accounts: [],
        actor: { userId: 'u1', workspaceId: 'w1', teamId: '' },
        now: 1,
        newId: () => crypto.randomUUID(),
      },
    );
    expect(result.issues).toEqual([]);
    for (const { record } of result.valid)
      expect(record).toMatchObject({ industry: 'I65', region: 'guangdong', status: 'customer' });
  });
});

describe('import reasons', () => {
  it('has a text for every import reason key in both languages', async () => {
    const { ImportMessage } = await import('@shared/import/validate-rows');
    const { importTexts } = await import('../../../i18n/resources/import');
    for (const language of ['zh-CN', 'en'] as const) {
      const tree = importTexts[language].import as Record<string, unknown>;
      for (const key of Object.values(ImportMessage))
        expect(typeof tree[key.replace(/^import\./, '')], `${language} ${key}`).toBe('string');
    }
  });
});
