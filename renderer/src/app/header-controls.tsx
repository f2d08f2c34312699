import { ActionIcon, Button, Group, Kbd, SegmentedControl, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconMoon, IconSearch, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { saveLanguage } from './preferences';
import { SyncStatus } from '../features/sync/sync-status';

/** Header tools; `withSync` shows the team sync status (inside a workspace only). */
export function HeaderControls({ withSync = false }: { withSync?: boolean }) {
  const { t, i18n } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

  const handleLanguage = (value: string) => {
    saveLanguage(value as Language);
    void i18n.changeLanguage(value);
  };

  return (
    <Group gap="xs" wrap="nowrap">
      {withSync && <SyncStatus />}
      <Button variant="default" leftSection={<IconSearch size={16} />} rightSection={<Kbd size="xs">{isMac ? '⌘K' : 'Ctrl+K'}</Kbd>} onClick={() => spotlight.open()} data-testid="open-search">
        {t('app.search.button')}
      </Button>
      <SegmentedControl
        size="xs"
        aria-label={t('app.language')}
        value={i18n.language}
        onChange={handleLanguage}
        data={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'EN' }]}
        data-testid="language-switch"
      />
      <Tooltip label={t('app.theme.toggle')}>
        <ActionIcon variant="default" size="lg" aria-label={t('app.theme.toggle')} onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')} data-testid="theme-toggle">
          {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
