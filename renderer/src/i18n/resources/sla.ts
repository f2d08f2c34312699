import type { Bilingual } from './types';

/** SLA settings (issue 21): the working calendar and the SLA policies. */
export const sla: Bilingual = {
  'zh-CN': {
    sla: {
      adminOnly: '只有管理员可以修改此设置。',
      saved: '已保存',
      calendar: {
        title: '工作日历',
        description:
          'SLA 只在工作时间内计时：按星期设置工作时段（午休为两个时段之间的空档），可使用国家法定节假日和调休安排，并添加公司自己的休息日和加班日。',
        weekday: {
          '0': '星期日',
          '1': '星期一',
          '2': '星期二',
          '3': '星期三',
          '4': '星期四',
          '5': '星期五',
          '6': '星期六',
        },
        closed: '休息',
        hoursHint:
          '格式：09:00-12:00, 13:00-18:00；留空表示当天休息。调休上班日按星期一的时段计时。',
        utcOffset: '时区（与 UTC 相差的分钟数）',
        utcOffsetHint: '中国标准时间为 480',
        statutory: '使用国家法定节假日和调休（数据截至 {{year}} 年）',
        daysOff: '公司休息日',
        extraDays: '额外工作日',
        dayHint: '输入日期（YYYY-MM-DD）后按回车',
      },
      policies: {
        title: 'SLA 策略',
        description:
          '按工单优先级设置首次响应和解决时限（工作分钟，例如 480 = 一个工作日）。可限定客户等级；指定了客户等级的策略优先。达到预警比例时提醒处理人，超时后升级给服务主管。',
        name: '策略名称',
        unnamed: '新策略',
        tiers: '适用客户等级',
        anyTier: '全部客户',
        warnAt: '预警比例',
        firstResponse: '首次响应（分钟）',
        resolution: '解决（分钟）',
        add: '添加策略',
        delete: '删除策略',
      },
    },
    validation: {
      calendar: {
        clockTime: '时间格式应为 HH:MM-HH:MM，例如 09:00-12:00',
        periodOrder: '结束时间应晚于开始时间',
        periodOverlap: '同一天的时段不能重叠，请按时间先后填写',
        utcOffset: '请输入 -720 到 840 之间的整数分钟',
        dayTwice: '同一天不能重复添加',
      },
      sla: {
        minutes: '请输入 1 到 600000 之间的整数分钟',
        warnPercent: '请输入 1 到 99 之间的整数',
      },
    },
  },
  en: {
    sla: {
      adminOnly: 'Only an admin can change this setting.',
      saved: 'Saved',
      calendar: {
        title: 'Working calendar',
        description:
          'SLA clocks run in working time only: working periods per weekday (a lunch break is the gap between two), the statutory holidays and make-up working days of mainland China, and your company days off and extra working days.',
        weekday: {
          '0': 'Sunday',
          '1': 'Monday',
          '2': 'Tuesday',
          '3': 'Wednesday',
          '4': 'Thursday',
          '5': 'Friday',
          '6': 'Saturday',
        },
        closed: 'Closed',
        hoursHint:
          "Format: 09:00-12:00, 13:00-18:00; empty means closed. A make-up working day uses Monday's periods.",
        utcOffset: 'Time zone (minutes from UTC)',
        utcOffsetHint: 'China Standard Time is 480',
        statutory: 'Use the statutory holidays and make-up days (data up to {{year}})',
        daysOff: 'Company days off',
        extraDays: 'Extra working days',
        dayHint: 'Type a date (YYYY-MM-DD) and press Enter',
      },
      policies: {
        title: 'SLA policies',
        description:
          'First-response and resolution targets per ticket priority, in business minutes (480 = one working day). A policy can be limited to customer tiers; one naming the tier wins. The assignee is warned at the warning threshold; a breach escalates to the service manager.',
        name: 'Policy name',
        unnamed: 'New policy',
        tiers: 'Customer tiers',
        anyTier: 'All customers',
        warnAt: 'Warn at',
        firstResponse: 'First response (min)',
        resolution: 'Resolution (min)',
        add: 'Add policy',
        delete: 'Delete policy',
      },
    },
    validation: {
      calendar: {
        clockTime: 'Use HH:MM-HH:MM, e.g. 09:00-12:00',
        periodOrder: 'The end must be after the start',
        periodOverlap: "A day's periods must not overlap; list them in order",
        utcOffset: 'Enter whole minutes from -720 to 840',
        dayTwice: 'This day is already in the list',
      },
      sla: {
        minutes: 'Enter whole minutes from 1 to 600000',
        warnPercent: 'Enter a whole number from 1 to 99',
      },
    },
  },
};
