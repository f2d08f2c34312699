import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@shared/domain';
import { npsCategory, npsSummary, type NpsCategory } from '@shared/rules/satisfaction';
import { formatDateTime } from '../../../components/format';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { useRepositories } from '../../../hooks/use-workspace';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { activityKeys } from '../queries';
import { SurveyLink } from '../../../components/survey-link';

const CATEGORY_COLOR: Record<NpsCategory, string> = {
  promoter: 'green',
  passive: 'yellow',
  detractor: 'red',
};

/** A contact's NPS category as a badge (promoter / passive / detractor; shared/rules/satisfaction.ts). */
export function NpsBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const category = npsCategory(score);
  return (
    <Badge color={CATEGORY_COLOR[category]} variant="light" data-testid="nps-category">
      {t(`contacts.nps.category.${category}`)}
    </Badge>
  );
}

/**
 * NPS on a contact (issue 21): the answers so far with their category, a form to enter the contact's answer
 * (0–10 and the reason), and a one-time survey token for an e-mail (team workspaces).
 */
export function NpsPanel({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const repos = useRepositories();
  const queryClient = useQueryClient();
  const access = useWriteAccess('activities', null);
  const key = [...activityKeys.related(contact.id), 'nps'] as const;
  const answers = useQuery({ queryKey: key, queryFn: () => repos.activities.npsOf(contact.id) });
  const [score, setScore] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const record = useMutation({
    mutationFn: (answer: { score: number; reason: string }) =>
      repos.activities.recordNps(contact, answer),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });
  const summary = npsSummary((answers.data ?? []).map((a) => a.npsScore ?? -1));

  const handleSave = () => {
    setTried(true);
    if (score === null) return;
    record.mutate(
      { score, reason },
      {
        onSuccess: () => {
          notifySaved(t);
          setScore(null);
          setReason('');
          setTried(false);
        },
        onError: (error) => reportWriteError(error, t),
      },
    );
  };

  return (
    <Stack gap="xs" data-testid="nps-panel">
      <Group justify="space-between">
        <Title order={5}>{t('contacts.nps.title')}</Title>
        {summary.score !== null && (
          <Text size="sm" data-testid="nps-summary">
            {t('contacts.nps.summary', { score: summary.score, count: summary.responses })}
          </Text>
        )}
      </Group>
      {(answers.data ?? []).map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap" data-testid="nps-answer">
          <Text size="sm" fw={600} w={24}>
            {a.npsScore}
          </Text>
          {a.npsScore !== undefined && <NpsBadge score={a.npsScore} />}
          <Text size="xs" c="dimmed">
            {formatDateTime(a.occurredAt)}
          </Text>
          <Text size="sm" lineClamp={2}>
            {a.body}
          </Text>
        </Group>
      ))}
      {answers.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('contacts.nps.none')}
        </Text>
      )}
      {access.canWrite && (
        <Stack gap={6}>
          <Text size="sm">{t('contacts.nps.question')}</Text>
          <Group gap={4} data-testid="nps-score">
            {Array.from({ length: 11 }, (_, n) => (
              <Button
                key={n}
                size="compact-sm"
                variant={score === n ? 'filled' : 'default'}
                color={score === n ? CATEGORY_COLOR[npsCategory(n)] : undefined}
                onClick={() => setScore(n)}
                aria-pressed={score === n}
                data-testid={`nps-score-${n}`}
              >
                {n}
              </Button>
            ))}
          </Group>
          {score !== null && (
            <Group gap="xs">
              <NpsBadge score={score} />
            </Group>
          )}
          {tried && score === null && (
            <Text size="xs" c="red" role="alert" data-testid="nps-score-error">
              {t('contacts.nps.scoreRequired')}
            </Text>
          )}
          <Textarea
            label={t('contacts.nps.reason')}
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="nps-reason"
          />
          <Group>
            <Button
              size="xs"
              onClick={handleSave}
              loading={record.isPending}
              data-testid="nps-save"
            >
              {t('contacts.nps.save')}
            </Button>
          </Group>
        </Stack>
      )}
      <SurveyLink kind="nps" recordId={contact.id} />
    </Stack>
  );
}
