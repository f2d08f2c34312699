import type { Bilingual } from './types';

/**
 * What went wrong, in words for people (components/error-messages.ts picks the key). Written to stand alone
 * and to follow a colon ("Not saved: …"); the technical detail goes to the log, never into these texts.
 */
export const errors: Bilingual = {
  'zh-CN': {
    errors: {
      unexpected: '出现了意外错误，请重试；如果一再出现，请重启应用（详情已写入日志）',
      network: '无法连接服务器，请检查网络后重试',
      session: '登录已失效，请重新登录',
      forbidden: '你没有权限这样做',
      notFound: '找不到要操作的内容，请刷新后重试',
      conflict: '内容已被其他人修改，请刷新后重试',
      tooLarge: '内容太大，服务器不接受',
      rateLimited: '尝试次数过多，请稍后再试',
      invalidInput: '请检查填写的内容',
      server: '服务器出错了，请稍后重试',
      badResponse: '服务器的回答无法识别，请确认地址指向团队服务器',
    },
  },
  en: {
    errors: {
      unexpected:
        'An unexpected error occurred. Try again; if it keeps happening, restart the app (details are in the log)',
      network: 'The server cannot be reached. Check the network and try again',
      session: 'Your sign-in has expired. Please sign in again',
      forbidden: 'You are not allowed to do that',
      notFound: 'What you are working on cannot be found. Refresh and try again',
      conflict: 'Someone else changed this meanwhile. Refresh and try again',
      tooLarge: 'This is too large for the server to accept',
      rateLimited: 'Too many attempts. Please wait a moment and try again',
      invalidInput: 'Please check what you entered',
      server: 'The server ran into an error. Please try again later',
      badResponse:
        'The server answered in a way the app does not understand. Check that the address is the team server',
    },
  },
};
