import type { Bilingual } from './types';

/**
 * Texts of the import engine (issue 17): the reasons a row is rejected beyond the schema's own validation
 * messages (shared/import/validate-rows.ts `ImportMessage`), and the reject file's reason column.
 */
export const importTexts: Bilingual = {
  'zh-CN': {
    import: {
      valueUnknown: '“{{value}}”不是可选的值，请改为列表中的值或在导入时设置对应关系',
      ownerUnknown: '找不到负责人“{{value}}”，请填写成员的姓名或邮箱',
      ownerOutOfScope: '无权把记录分配给该负责人',
      accountUnknown: '找不到客户“{{value}}”，请先导入该客户或核对公司名称、信用代码',
      numberFormat: '“{{value}}”不是数字',
      dateFormat: '“{{value}}”不是日期，例如 2026-01-05 或 2026年1月5日',
      booleanFormat: '“{{value}}”应为“是”或“否”',
      invalid: '内容不正确',
      reasonColumn: '错误原因',
    },
  },
  en: {
    import: {
      valueUnknown:
        '"{{value}}" is not one of the allowed values: use a value from the list or map it in the import',
      ownerUnknown: 'No member named "{{value}}": write the name or e-mail of a member',
      ownerOutOfScope: 'You may not assign records to this owner',
      accountUnknown:
        'No account "{{value}}": import the account first or check its name or credit code',
      numberFormat: '"{{value}}" is not a number',
      dateFormat: '"{{value}}" is not a date, e.g. 2026-01-05',
      booleanFormat: '"{{value}}" should be Yes or No',
      invalid: 'This value is not valid',
      reasonColumn: 'Reason',
    },
  },
};
