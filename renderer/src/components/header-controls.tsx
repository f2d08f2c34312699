import {
  ActionIcon,
  Button,
  Group,
  Kbd,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconKeyboard, IconMoon, IconSearch, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { saveLanguage } from '../platform/preferences';
import { SyncStatus } from './sync-status';
import { AfterFirstContent } from './after-first-content';
import { openShortcutHelp, ShortcutHelp } from './shortcuts/shortcut-help';

const LANGUAGE_CHOICES: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'EN' },
];

/** Header tools; `withSync` shows the team sync status (inside a workspace only). */
export function HeaderControls({ withSync = false }: { withSync?: boolean }) {
  const { t, i18n } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

  const handleLanguage = (value: Language) => {
    saveLanguage(value);
    void i18n.changeLanguage(value);
  };

  const themeToggle = (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={t('app.theme.toggle')}
      onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
      data-testid="theme-toggle"
    >
      {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
    </ActionIcon>
  );

  return (
    <Group gap="xs" wrap="nowrap">
      {withSync && <SyncStatus />}
      <Button
        variant="default"
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">{isMac ? '⌘K' : 'Ctrl+K'}</Kbd>}
        onClick={() => spotlight.open()}
        data-testid="open-search"
      >
        {t('app.search.button')}
      </Button>
      {/* Two buttons rather than a SegmentedControl: its sliding indicator measures itself after mounting, which
          forces a layout and a second render while the first screen commits (cold start, B6). */}
      <Button.Group aria-label={t('app.language')} data-testid="language-switch">
        {LANGUAGE_CHOICES.map((choice) => (
          <Button
            key={choice.value}
            size="xs"
            variant={i18n.language === choice.value ? 'filled' : 'default'}
            aria-pressed={i18n.language === choice.value}
            onClick={() => handleLanguage(choice.value)}
          >
            {choice.label}
          </Button>
        ))}
      </Button.Group>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('shortcuts.overlay.open')}
        title={t('shortcuts.overlay.open')}
        onClick={openShortcutHelp}
        data-testid="open-shortcuts"
      >
        <IconKeyboard size={18} />
      </ActionIcon>
      <ShortcutHelp />
      {/* The tooltip mounts after the first screen's content (it keeps its anchor in state: a second render). */}
      <AfterFirstContent placeholder={themeToggle}>
        <Tooltip label={t('app.theme.toggle')}>{themeToggle}</Tooltip>
      </AfterFirstContent>
    </Group>
  );
}
