import { useRef } from 'react';
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { recordSequenceFor, stepRecordSequence } from './list-position';
import { useShortcut } from './shortcuts/use-shortcut';

/**
 * Next/previous record and back to the list (issue 16): `j`/`k` move to the next/previous row of the list the
 * record was opened from (loading its next page when needed; a quiet notice at either end), `u` goes back to
 * that list, where the row of the record shown last has the focus. A record opened any other way (search, a
 * link) has no sequence: `j`/`k` do nothing and `u` goes to the list of its kind.
 *
 * The step replaces the history entry, so the browser's back button returns to the list too.
 */
export function useRecordSequence(kind: string, id: string) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sequence = recordSequenceFor(kind, id);
  const stepping = useRef(false);

  const step = async (direction: 1 | -1) => {
    if (!sequence || stepping.current) return;
    stepping.current = true;
    try {
      const entry = await stepRecordSequence(sequence, id, direction);
      if (entry) void navigate(entry.href, { replace: true });
      else
        notifications.show({
          id: 'record-sequence-end',
          message: t(direction === 1 ? 'recordSequence.last' : 'recordSequence.first'),
          autoClose: 2500,
        });
    } finally {
      stepping.current = false;
    }
  };
  const next = sequence ? () => void step(1) : null;
  const previous = sequence ? () => void step(-1) : null;
  const back = () => void navigate(sequence?.listPath ?? `/${kind}`);

  useShortcut('nextRecord', next);
  useShortcut('previousRecord', previous);
  useShortcut('backToList', back);

  const index = sequence ? sequence.entries.findIndex((e) => e.key === id) : -1;
  return { next, previous, back, index, loaded: sequence?.entries.length ?? 0 };
}

/** The record page's previous/next buttons (and its j/k/u shortcuts); the buttons only when there is a list. */
export function RecordSequenceNav({ kind, id }: { kind: string; id: string }) {
  const { t } = useTranslation();
  const { next, previous } = useRecordSequence(kind, id);
  if (!next || !previous) return null;
  return (
    <Group gap={4} data-testid="record-sequence">
      <Tooltip label={t('recordSequence.previousHint')}>
        <ActionIcon
          variant="default"
          onClick={previous}
          aria-label={t('recordSequence.previous')}
          aria-keyshortcuts="k"
          data-testid="previous-record"
        >
          <IconChevronUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('recordSequence.nextHint')}>
        <ActionIcon
          variant="default"
          onClick={next}
          aria-label={t('recordSequence.next')}
          aria-keyshortcuts="j"
          data-testid="next-record"
        >
          <IconChevronDown size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
