import { Drawer, Modal, Notification, type MantineThemeOverride } from '@mantine/core';
import type { TFunction } from 'i18next';

/**
 * What every dialog shares, as theme defaults so no screen has to remember it (issue 16): the close button
 * is named in the UI language (axe `button-name`; Mantine's is an unnamed icon). Focus trapping and returning
 * focus to the trigger are Mantine's defaults (`trapFocus`, `returnFocus`); the trigger is only known when the
 * Modal sees `opened` change from false to true, so a dialog is kept mounted and opened/closed through its
 * `opened` prop rather than mounted already open. A form dialog marks its first field `data-autofocus`, so it
 * opens with the cursor there instead of on the close button.
 *
 * app.tsx merges this with the app theme (app/theme.ts) through `mergeThemeOverrides`, again when the
 * language changes.
 */
export function dialogDefaults(t: TFunction): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': t('shell.closeDialog') };
  return {
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      // Toasts (@mantine/notifications draws them with Notification) have the same unnamed close icon.
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': t('shell.closeNotification') } },
      }),
    },
  };
}
