import type { Bilingual } from './types';

/** The app frame (issue 16): skip link, landmarks, dialogs' common controls and the not-found page. */
export const shell: Bilingual = {
  'zh-CN': {
    shell: {
      skipToMain: '跳到主要内容',
      navigation: '主导航',
      closeDialog: '关闭对话框',
      closeNotification: '关闭通知',
      notFound: {
        title: '找不到这个页面',
        description: '地址“{{path}}”没有对应的页面，可能输错了，或者链接已过期。',
        back: '回到我的一天',
      },
    },
  },
  en: {
    shell: {
      skipToMain: 'Skip to main content',
      navigation: 'Main navigation',
      closeDialog: 'Close dialog',
      closeNotification: 'Close notification',
      notFound: {
        title: 'Page not found',
        description:
          'There is no page at “{{path}}”: the address may be mistyped or the link out of date.',
        back: 'Back to My day',
      },
    },
  },
};
