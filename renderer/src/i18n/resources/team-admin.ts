import type { Bilingual } from './types';

/** Team administration: teams, people, invites and devices of a team workspace. */
export const teamAdmin: Bilingual = {
  'zh-CN': {
    app: { nav: { team: '团队' } },
    teamAdmin: {
      title: '团队',
      localWorkspace: '本地工作区没有团队成员。连接团队服务器后，可以在这里管理团队、成员和设备。',
      offline: '团队管理需要连接服务器：联网后这里的信息会自动更新。',
      readOnly: '只有管理员可以修改团队、成员和设备；你可以查看。',
      teams: {
        title: '团队结构', new: '新建团队', name: '团队名称', parent: '上级团队', topLevel: '最上层（无上级团队）',
        empty: '还没有团队', members: '{{count}} 人',
      },
      users: { title: '成员', name: '姓名', email: '邮箱', role: '角色', teams: '所属团队', active: '启用', you: '你' },
      invite: {
        title: '邀请同事', role: '角色', team: '加入团队', defaultTeam: '最上层团队（默认）', create: '生成邀请码',
        share: '把这个邀请码发给同事：在“连接团队服务器 → 用邀请码加入”中填写。邀请码只能使用一次。',
        copy: '复制', copied: '已复制', expires: '有效期至 {{date}}',
      },
      devices: {
        title: '设备', name: '设备', user: '成员', createdAt: '首次登录', lastSeenAt: '最近连接', active: '正常', thisDevice: '本机',
        revoke: '注销', revokedAt: '已于 {{date}} 注销', revokeTitle: '注销设备“{{name}}”？',
        revokeWarning: '{{user}} 将在这台设备上被退出登录。设备下次连接服务器时会清除本机上的团队数据（包括尚未同步的修改），之后需要重新登录。',
        revokeOwn: '这是你正在使用的设备：注销后本机的团队数据会被清除。',
        revoked: '设备“{{name}}”已注销',
      },
      errors: {
        generic: '操作失败：{{reason}}', admin_only: '只有管理员可以这样做', unknown_team: '找不到这个团队，请刷新后重试',
        not_found: '找不到该成员或设备，请刷新后重试', unreachable: '无法连接服务器，请检查网络后重试', invalid_body: '请检查填写的内容',
      },
    },
  },
  en: {
    app: { nav: { team: 'Team' } },
    teamAdmin: {
      title: 'Team',
      localWorkspace: 'A local workspace has no team. Once connected to a team server, manage teams, people and devices here.',
      offline: 'Team administration needs the server: this page updates once you are back online.',
      readOnly: 'Only admins can change teams, people and devices; you can look.',
      teams: {
        title: 'Teams', new: 'New team', name: 'Team name', parent: 'Parent team', topLevel: 'Top level (no parent team)',
        empty: 'No teams yet', members: '{{count}} people',
      },
      users: { title: 'People', name: 'Name', email: 'E-mail', role: 'Role', teams: 'Teams', active: 'Active', you: 'You' },
      invite: {
        title: 'Invite a colleague', role: 'Role', team: 'Team', defaultTeam: 'Top team (default)', create: 'Create invite code',
        share: 'Send this code to your colleague: they enter it under "Connect to a team server → Join with invite". It works once.',
        copy: 'Copy', copied: 'Copied', expires: 'Valid until {{date}}',
      },
      devices: {
        title: 'Devices', name: 'Device', user: 'Person', createdAt: 'First sign-in', lastSeenAt: 'Last connected', active: 'Active', thisDevice: 'This device',
        revoke: 'Revoke', revokedAt: 'Revoked {{date}}', revokeTitle: 'Revoke the device "{{name}}"?',
        revokeWarning: '{{user}} will be signed out on this device. The next time it connects it wipes its local copy of the team\'s data (including changes not yet synced) and needs a new sign-in.',
        revokeOwn: 'This is the device you are using: revoking it wipes the team data on this computer.',
        revoked: 'Device "{{name}}" revoked',
      },
      errors: {
        generic: 'That did not work: {{reason}}', admin_only: 'Only an admin can do this', unknown_team: 'That team no longer exists: refresh and try again',
        not_found: 'That person or device no longer exists: refresh and try again', unreachable: 'The server cannot be reached: check the network and try again',
        invalid_body: 'Please check what you entered',
      },
    },
  },
};
