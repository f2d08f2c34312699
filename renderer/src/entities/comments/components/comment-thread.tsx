import { useState } from 'react';
import { ActionIcon, Anchor, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import type { Activity } from '@shared/domain';
import { commentPlainText } from '@shared/rules';
import type { CommentTarget } from '../../../data/repositories/activity-repository';
import { reportWriteError } from '../../../components/write-errors';
import { openDestructiveConfirm } from '../../../components/confirm-destructive';
import { formatDateTime } from '../../../components/format';
import { useWorkspace } from '../../../hooks/use-workspace';
import { useUserMap } from '../../members/queries';
import {
  useAddCommentMutation,
  useComments,
  useDeleteCommentMutation,
  useEditCommentMutation,
} from '../queries';
import { CommentBody } from './comment-body';
import { CommentComposer } from './comment-composer';

dayjs.extend(relativeTime);

/** "3 minutes ago" in the interface's language (the exact time in the tooltip). */
function useRelativeTime() {
  const { i18n } = useTranslation();
  const locale = i18n.language.startsWith('zh') ? 'zh-cn' : 'en';
  return (at: number) => dayjs(at).locale(locale).fromNow();
}

/**
 * A record's comment thread (issue 18): comments oldest first with their author, when, and "edited"; the
 * author edits or deletes their own (deleting asks first); anyone who sees the record answers. Writes go to the
 * local replica, so it works offline.
 */
export function CommentThread({ target }: { target: CommentTarget }) {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const { data: comments } = useComments(target.id);
  const add = useAddCommentMutation(target);
  const [replyTo, setReplyTo] = useState<Activity | null>(null);
  const byId = new Map((comments ?? []).map((c) => [c.id, c]));
  return (
    <Stack gap="sm" data-testid="comment-thread">
      <Title order={4}>{t('comments.title')}</Title>
      {(comments ?? []).length === 0 && (
        <Text size="sm" c="dimmed">
          {t('comments.empty')}
        </Text>
      )}
      <Stack gap="xs" role="list" aria-label={t('comments.title')}>
        {(comments ?? []).map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            parent={comment.replyToId ? byId.get(comment.replyToId) : undefined}
            mine={comment.ownerId === session.userId}
            onReply={() => setReplyTo(comment)}
          />
        ))}
      </Stack>
      {replyTo && (
        <Group gap="xs">
          <Text size="xs" c="dimmed" data-testid="comment-replying">
            {t('comments.replyingTo', { text: commentPlainText(replyTo.body).slice(0, 60) })}
          </Text>
          <Anchor size="xs" component="button" type="button" onClick={() => setReplyTo(null)}>
            {t('common.cancel')}
          </Anchor>
        </Group>
      )}
      <CommentComposer
        label={t('comments.write')}
        submitLabel={t('comments.send')}
        onSubmit={(body) =>
          add
            .mutateAsync({ body, replyToId: replyTo?.id })
            .then(() => setReplyTo(null))
            .catch((error: unknown) => reportWriteError(error, t))
        }
      />
    </Stack>
  );
}

function CommentItem({
  comment,
  parent,
  mine,
  onReply,
}: {
  comment: Activity;
  parent?: Activity;
  mine: boolean;
  onReply: () => void;
}) {
  const { t } = useTranslation();
  const users = useUserMap();
  const relative = useRelativeTime();
  const edit = useEditCommentMutation();
  const remove = useDeleteCommentMutation();
  const [editing, setEditing] = useState(false);
  const author = users.get(comment.ownerId)?.name ?? t('comments.unknownAuthor');
  const edited = comment.updatedAt > comment.createdAt;

  const confirmDelete = () =>
    openDestructiveConfirm({
      title: t('comments.deleteTitle'),
      children: <Text size="sm">{t('comments.deleteConfirm')}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { 'data-testid': 'confirm-delete-comment' } as Record<string, string>,
      onConfirm: () =>
        void remove.mutateAsync(comment.id).catch((error: unknown) => reportWriteError(error, t)),
    });

  return (
    <Paper withBorder p="xs" radius="sm" role="listitem" data-testid="comment-item">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {author}
          </Text>
          <Tooltip label={formatDateTime(comment.createdAt)}>
            <Text size="xs" c="dimmed">
              {relative(comment.createdAt)}
            </Text>
          </Tooltip>
          {edited && (
            <Text size="xs" c="dimmed" data-testid="comment-edited">
              {t('comments.edited')}
            </Text>
          )}
        </Group>
        <Group gap={2} wrap="nowrap">
          <Anchor size="xs" component="button" type="button" onClick={onReply}>
            {t('comments.reply')}
          </Anchor>
          {mine && !editing && (
            <>
              <Tooltip label={t('common.edit')}>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={t('comments.editLabel')}
                  onClick={() => setEditing(true)}
                  data-testid="comment-edit"
                >
                  <IconPencil size={14} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('common.delete')}>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  color="red"
                  aria-label={t('comments.deleteLabel')}
                  onClick={confirmDelete}
                  data-testid="comment-delete"
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </>
          )}
        </Group>
      </Group>
      {parent && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {t('comments.inReplyTo', { text: commentPlainText(parent.body) })}
        </Text>
      )}
      {editing ? (
        <CommentComposer
          label={t('comments.editLabel')}
          initialBody={comment.body}
          submitLabel={t('common.save')}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={(body) =>
            edit
              .mutateAsync({ id: comment.id, body })
              .then(() => setEditing(false))
              .catch((error: unknown) => reportWriteError(error, t))
          }
        />
      ) : (
        <CommentBody body={comment.body} />
      )}
    </Paper>
  );
}
