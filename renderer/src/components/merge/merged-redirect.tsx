import { useEffect } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MergeKind } from '@shared/rules/merge-plan';
import { recordHref } from './merge-href';

/**
 * A page open on a merge's loser (issue 19) — a link, a bookmark, or the page that was open when the loser's
 * tombstone synced in — opens the survivor instead, and says so.
 */
export function MergedRedirect({ kind, survivorId }: { kind: MergeKind; survivorId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    notifications.show({ id: `merged-${survivorId}`, message: t('merge.mergedInto') });
    void navigate(recordHref(kind, survivorId), { replace: true });
  }, [kind, survivorId, navigate, t]);
  return null;
}
