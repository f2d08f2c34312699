import type { Bilingual } from './types';

/** The "My day" start page: tasks by urgency and recent activities. */
export const myDay: Bilingual = {
  'zh-CN': {
    myDay: {
      title: '我的一天',
      today: '今天是 {{date}}',
      scope: { mine: '我的任务', all: '全部任务' },
      newTask: '新建任务',
      overdue: '已逾期',
      dueToday: '今天到期',
      upcoming: '未来 7 天',
      noOverdue: '没有逾期的任务',
      noToday: '今天没有到期的任务',
      noUpcoming: '未来 7 天没有任务',
      recent: '最近的跟进',
      noRecent: '还没有跟进记录：在客户、商机或工单上点“记录跟进”。',
    },
  },
  en: {
    myDay: {
      title: 'My day',
      today: 'Today is {{date}}',
      scope: { mine: 'My tasks', all: 'All tasks' },
      newTask: 'New task',
      overdue: 'Overdue',
      dueToday: 'Due today',
      upcoming: 'Next 7 days',
      noOverdue: 'No overdue tasks',
      noToday: 'Nothing due today',
      noUpcoming: 'No tasks in the next 7 days',
      recent: 'Recent activities',
      noRecent: 'No activities yet: use "Log activity" on an account, deal or ticket.',
    },
  },
};
