import type { Bilingual } from './types';

export const connect: Bilingual = {
  'zh-CN': {
    connect: {
      signIn: '登录', join: '用邀请码加入', create: '创建团队工作区',
      submit: { signIn: '登录并同步', join: '加入并同步', create: '创建并同步' },
      workspaceName: '团队工作区名称', inviteCode: '邀请码', email: '邮箱', password: '密码', passwordTooShort: '密码至少 8 位',
      uploadLocal: '把本机工作区的数据上传到团队工作区',
      uploading: '正在上传本机数据：已复制 {{count}} 条', uploaded: '已把 {{count}} 条本机记录加入团队工作区，正在同步到服务器',
      revoked: '管理员已注销这台设备，本机的团队数据已清除。',
      errors: {
        unreachable: '无法连接服务器，请检查地址和网络', invalid_credentials: '邮箱或密码不正确', invalid_invite: '邀请码无效（已使用、已过期或输入有误）',
        email_taken: '该邮箱已注册，请直接登录', user_inactive: '该账号已被管理员停用', invalid_body: '请检查填写的内容',
        vault_unavailable: '这台电脑没有可用的系统钥匙串，无法安全保存登录凭据；请启用钥匙串后重试',
      },
    },
    sync: {
      online: '已同步', offline: '离线', connecting: '正在连接', pending: '{{count}} 条修改待同步', lastSynced: '上次同步 {{time}}', never: '尚未同步',
      downloading: '首次下载：{{done}} / {{total}}', signedOut: '登录已失效，请重新登录以继续同步', signOut: '退出登录',
      signOutWarning: '退出登录会清除本机上这个团队工作区的数据。', signOutPending: '还有 {{count}} 条修改没有同步到服务器，退出后将丢失。',
    },
  },
  en: {
    connect: {
      signIn: 'Sign in', join: 'Join with invite', create: 'Create team workspace',
      submit: { signIn: 'Sign in and sync', join: 'Join and sync', create: 'Create and sync' },
      workspaceName: 'Team workspace name', inviteCode: 'Invite code', email: 'E-mail', password: 'Password', passwordTooShort: 'At least 8 characters',
      uploadLocal: 'Upload the data of my local workspace into the team workspace',
      uploading: 'Uploading local data: {{count}} copied', uploaded: 'Added {{count}} local records to the team workspace; syncing them to the server',
      revoked: 'An admin signed this device out; the team data on this computer was removed.',
      errors: {
        unreachable: 'The server cannot be reached: check the address and the network', invalid_credentials: 'E-mail or password is wrong',
        invalid_invite: 'This invite code is not valid (used, expired or mistyped)', email_taken: 'This e-mail already has an account: sign in instead',
        user_inactive: 'An admin deactivated this account', invalid_body: 'Please check what you entered',
        vault_unavailable: 'This computer has no system keychain to keep your sign-in safe; enable one and try again',
      },
    },
    sync: {
      online: 'Synced', offline: 'Offline', connecting: 'Connecting', pending: '{{count}} changes waiting', lastSynced: 'Last synced {{time}}', never: 'Not synced yet',
      downloading: 'First download: {{done}} / {{total}}', signedOut: 'Your sign-in expired: sign in again to keep syncing', signOut: 'Sign out',
      signOutWarning: 'Signing out removes this team workspace\'s data from this computer.', signOutPending: '{{count}} changes have not reached the server yet and will be lost.',
    },
  },
};
