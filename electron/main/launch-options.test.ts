import { describe, expect, it } from 'vitest';
import { resolveLaunchOptions } from './launch-options';

describe('resolveLaunchOptions', () => {
  it.each([
    ['a normal start', false, {}, { underTest: false, userDataDir: null }],
    [
      'the e2e suite with its own data folder',
      false,
      { CRM_E2E: '1', CRM_USER_DATA_DIR: '/tmp/crm-e2e-1' },
      { underTest: true, userDataDir: '/tmp/crm-e2e-1' },
    ],
    ['NODE_ENV=test', false, { NODE_ENV: 'test' }, { underTest: true, userDataDir: null }],
    ['CRM_E2E=0', false, { CRM_E2E: '0' }, { underTest: false, userDataDir: null }],
    [
      'a relative data folder is ignored',
      false,
      { CRM_USER_DATA_DIR: 'data' },
      { underTest: false, userDataDir: null },
    ],
    [
      'a data folder with a newline is ignored',
      false,
      { CRM_USER_DATA_DIR: '/tmp/x\n' },
      { underTest: false, userDataDir: null },
    ],
    [
      'an installed app ignores the data folder',
      true,
      { CRM_USER_DATA_DIR: '/tmp/elsewhere' },
      { underTest: false, userDataDir: null },
    ],
  ] as const)('%s', (_name, isPackaged, env, expected) => {
    expect(resolveLaunchOptions({ isPackaged, env })).toEqual(expected);
  });
});
