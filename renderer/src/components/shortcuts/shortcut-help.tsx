import { Fragment, useState, useSyncExternalStore } from 'react';
import { Kbd, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS, type ShortcutGroup } from './catalog';
import { displayKeys, isMacPlatform, parseKeys } from './key-match';
import { activeShortcuts, useShortcut } from './use-shortcut';

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  'general',
  'go',
  'record',
  'list',
  'board',
  'inbox',
];

// Whether the overlay is open, outside React: the header button, `?` and the search palette all open it.
let open = false;
const listeners = new Set<() => void>();
function setOpen(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Opens the keyboard shortcut overlay (from a button, the search palette …). */
export function openShortcutHelp(): void {
  setOpen(true);
}

/** One alternative of a shortcut: 'mod+k' → [Ctrl] + [K]; 'g d' → [G] then [D]. */
function KeySpec({ spec, isMac }: { spec: string; isMac: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {parseKeys(spec).map((stroke, s) => (
        <Fragment key={s}>
          {s > 0 && <Text span size="sm" c="dimmed">{` ${t('shortcuts.overlay.then')} `}</Text>}
          {displayKeys(stroke, isMac).map((key, k) => (
            <Fragment key={k}>
              {k > 0 && ' + '}
              <Kbd>{key}</Kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}

/**
 * The list of every shortcut in the catalog, by group (the `?` overlay). A global shortcut no screen handles
 * right now is marked as not available here. `isMac` is read from the platform (a prop for tests).
 */
export function ShortcutList({ isMac = isMacPlatform() }: { isMac?: boolean }) {
  const { t } = useTranslation();
  // Read once when the list mounts (the overlay opens over the current screen).
  const [active] = useState(activeShortcuts);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" data-testid="shortcut-list">
      {SHORTCUT_GROUPS.map((group) => (
        <Stack key={group} gap={4} data-testid={`shortcut-group-${group}`}>
          <Title order={3} size="h5">
            {t(`shortcuts.overlay.groups.${group}`)}
          </Title>
          <Table verticalSpacing={4} withRowBorders={false}>
            <Table.Tbody>
              {SHORTCUTS.filter((s) => s.group === group).map((shortcut) => {
                const unavailable =
                  shortcut.dispatch === 'global' &&
                  shortcut.id !== 'help' &&
                  !active.has(shortcut.id);
                return (
                  <Table.Tr key={shortcut.id} data-testid={`shortcut-${shortcut.id}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {shortcut.keys.map((spec, i) => (
                        <Fragment key={spec}>
                          {i > 0 && (
                            <Text
                              span
                              size="sm"
                              c="dimmed"
                            >{` ${t('shortcuts.overlay.or')} `}</Text>
                          )}
                          <KeySpec spec={spec} isMac={isMac} />
                        </Fragment>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`shortcuts.${shortcut.id}`)}</Text>
                      {unavailable && (
                        <Text size="xs" c="dimmed">
                          {t('shortcuts.overlay.notHere')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/**
 * The keyboard shortcut overlay: `?` anywhere a screen listens (components/shortcuts/use-shortcut.ts), the
 * header's keyboard button, or the search palette. Mounted once, by the header controls. Mantine's Modal
 * traps focus and gives it back to where it was when it closes.
 */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const opened = useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  );
  useShortcut('help', () => setOpen(true));
  return (
    <Modal
      opened={opened}
      onClose={() => setOpen(false)}
      title={t('shortcuts.overlay.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="shortcut-help"
    >
      {opened && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('shortcuts.overlay.hint')}
          </Text>
          <ShortcutList />
        </Stack>
      )}
    </Modal>
  );
}
