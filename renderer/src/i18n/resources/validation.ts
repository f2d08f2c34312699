import type { Bilingual } from './types';

/** Texts for shared/validation/messages.ts keys (client and server errors read the same). */
export const validation: Bilingual = {
  'zh-CN': {
    validation: {
      required: '此项为必填项',
      tooLong: '内容过长',
      text: { unstorable: '内容含有无法保存的字符（空字符或不完整的 Unicode 字符），请删除后重试' },
      creditCode: {
        format: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）',
        checksum: '统一社会信用代码校验位不正确，请核对营业执照',
      },
      mobile: { format: '请输入 11 位中国大陆手机号，例如 138 0013 8000' },
      email: { format: '邮箱格式不正确，例如 name@example.com' },
      companyName: {
        short: '公司名称过短',
        notFull: '请填写营业执照上的公司全称（如“……有限公司”）',
      },
      industry: { unknown: '请选择行业分类中的行业' },
      notInList: '请从列表中选择',
      amount: { negative: '金额不能为负数' },
      probability: { range: '赢率应在 0 到 100 之间' },
      date: { format: '日期格式应为 YYYY-MM-DD', order: '结束日期不能早于开始日期' },
      percent: { range: '百分比应在 0 到 100 之间' },
      followUp: {
        hours: '请输入 1 到 2160 之间的整数小时',
        days: '请输入 1 到 365 之间的整数天数',
        leadDays: '请输入 0 到 60 之间的整数天数',
        stageTwice: '同一阶段只能设置一次',
        windowTwice: '提醒天数不能重复',
      },
      scoring: {
        points: '请输入 0 到 100 之间的整数分',
        threshold: '请输入 1 到 100 之间的整数分',
        thresholdOrder: 'SQL 分数线必须高于 MQL 分数线',
      },
      health: {
        thresholdOrder: '关注线必须高于流失风险线',
        dayOrder: '“全部扣分”的天数必须大于“开始扣分”的天数',
        count: '请输入 1 到 100 之间的整数',
      },
      leadAssignment: {
        capacity: '请输入 0 到 100000 之间的整数（0 表示不限）',
        ruleTwice: '规则编号不能重复',
      },
      ticketRouting: {
        capacity: '请输入 0 到 100000 之间的整数（0 表示不限）',
        agentTwice: '同一处理人只能添加一次',
      },
      pipeline: {
        stageTwice: '阶段编号重复，每个阶段的编号必须唯一',
        needsClosing: '销售流程至少需要一个“赢单”阶段和一个“输单”阶段',
        taskDueDays: '请输入 0 到 365 之间的整数天数',
      },
    },
  },
  en: {
    validation: {
      required: 'This field is required',
      tooLong: 'This text is too long',
      text: {
        unstorable:
          'This text holds a character that cannot be saved (a NUL or a broken Unicode character); remove it and try again',
      },
      creditCode: {
        format:
          'A unified social credit code has 18 digits or capital letters (no I, O, Z, S or V)',
        checksum:
          'The check character of this credit code is wrong; please compare with the business licence',
      },
      mobile: { format: 'Enter an 11-digit mainland China mobile number, e.g. 138 0013 8000' },
      email: { format: 'This e-mail address is not valid, e.g. name@example.com' },
      companyName: {
        short: 'The company name is too short',
        notFull: 'Use the full registered name (e.g. "… Co., Ltd.")',
      },
      industry: { unknown: 'Choose an industry from the classification' },
      notInList: 'Choose a value from the list',
      amount: { negative: 'The amount cannot be negative' },
      probability: { range: 'Probability must be between 0 and 100' },
      date: {
        format: 'Dates are written YYYY-MM-DD',
        order: 'The end date cannot be before the start date',
      },
      percent: { range: 'Percent must be between 0 and 100' },
      followUp: {
        hours: 'Enter whole hours from 1 to 2160',
        days: 'Enter whole days from 1 to 365',
        leadDays: 'Enter whole days from 0 to 60',
        stageTwice: 'Each stage can be set once only',
        windowTwice: 'Reminder days must not repeat',
      },
      scoring: {
        points: 'Enter whole points from 0 to 100',
        threshold: 'Enter a whole score from 1 to 100',
        thresholdOrder: 'The SQL threshold must be above the MQL threshold',
      },
      health: {
        thresholdOrder: 'The watch threshold must be above the churn-risk threshold',
        dayOrder: 'The days for the full deduction must be more than the days before any deduction',
        count: 'Enter a whole number from 1 to 100',
      },
      leadAssignment: {
        capacity: 'Enter a whole number from 0 to 100000 (0 = no cap)',
        ruleTwice: 'Each rule id can be used once only',
      },
      ticketRouting: {
        capacity: 'Enter a whole number from 0 to 100000 (0 = no cap)',
        agentTwice: 'Each agent can be added once only',
      },
      pipeline: {
        stageTwice: 'Two stages have the same id; each stage id must be unique',
        needsClosing: 'A pipeline needs at least one won stage and one lost stage',
        taskDueDays: 'Enter whole days from 0 to 365',
      },
    },
  },
};
