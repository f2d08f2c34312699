import { Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommentTarget } from '../../../data/repositories/activity-repository';
import { CommentThread } from './comment-thread';

/**
 * The comment thread of a record that has no detail page of its own (a lead, a contact without an account):
 * it opens beside the list, so the list keeps its scroll and filter.
 */
export function CommentsDrawer({
  target,
  name,
  onClose,
}: {
  target: CommentTarget | null;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={t('comments.drawerTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="comments-drawer"
    >
      {target && <CommentThread target={target} />}
    </Drawer>
  );
}
