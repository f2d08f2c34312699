import { modals } from '@mantine/modals';

type ConfirmOptions = Parameters<typeof modals.openConfirmModal>[0];

/**
 * A confirm dialog for something that cannot be undone (delete, revoke, leave): the confirm button is red and
 * focus starts on Cancel, so Enter pressed out of habit keeps the data (Mantine would focus the close button).
 */
export function openDestructiveConfirm(options: ConfirmOptions): string {
  return modals.openConfirmModal({
    ...options,
    confirmProps: { color: 'red', ...options.confirmProps },
    cancelProps: {
      'data-autofocus': true,
      ...options.cancelProps,
    } as ConfirmOptions['cancelProps'],
  });
}
