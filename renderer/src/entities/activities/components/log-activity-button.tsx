import { useState } from 'react';
import { Button, Menu, type ButtonProps } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '@shared/domain';
import { ActivityFormModal, type ActivityRelated } from './activity-form-modal';
import { ACTIVITY_COLORS, ACTIVITY_ICONS, LOGGABLE_TYPES } from './activity-kinds';
import { useShortcut } from '../../../components/shortcuts/use-shortcut';

export interface LogActivityButtonProps {
  related: ActivityRelated;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  /** `a` (components/shortcuts) opens the dialog as a call: set on a record page's own button, not in dialogs. */
  withShortcut?: boolean;
}

/**
 * "记录跟进" on any record: pick Call / Visit / … and the dialog opens prefilled, so logging a call or a
 * visit is two clicks and Save (跟进记录).
 */
export function LogActivityButton({
  related,
  size = 'sm',
  variant = 'light',
  withShortcut = false,
}: LogActivityButtonProps) {
  const { t } = useTranslation();
  const [type, setType] = useState<ActivityType | null>(null);
  useShortcut('logActivity', withShortcut ? () => setType('call') : null);
  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <Button
            size={size}
            variant={variant}
            leftSection={<IconPlus size={16} />}
            rightSection={<IconChevronDown size={14} />}
            data-testid="log-activity"
          >
            {t('activities.log')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {LOGGABLE_TYPES.map((kind) => {
            const Icon = ACTIVITY_ICONS[kind];
            return (
              <Menu.Item
                key={kind}
                leftSection={
                  <Icon size={16} color={`var(--mantine-color-${ACTIVITY_COLORS[kind]}-6)`} />
                }
                onClick={() => setType(kind)}
                data-testid={`log-activity-${kind}`}
              >
                {t(`activities.logType.${kind}`)}
              </Menu.Item>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      <ActivityFormModal
        opened={type !== null}
        onClose={() => setType(null)}
        type={type ?? undefined}
        related={related}
      />
    </>
  );
}
