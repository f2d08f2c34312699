import { useEffect, useState } from 'react';
import { Button, Card, Group, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain';
import { mayRecordCsat } from '@shared/rules/satisfaction';
import { formatDateTime } from '../../../components/format';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { SurveyLink } from '../../../components/survey-link';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { useRecordCsatMutation } from '../mutations';

/**
 * CSAT on a resolved ticket (issue 21): the agent records the customer's answer (1–5 and a comment), or makes a
 * one-time survey token for an e-mail (team workspaces: the server keeps its hash and records the answer once).
 */
export function CsatCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const access = useWriteAccess('tickets', ticket);
  const record = useRecordCsatMutation();
  const [score, setScore] = useState(ticket.csat ?? 0);
  const [comment, setComment] = useState(ticket.csatComment);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    setScore(ticket.csat ?? 0);
    setComment(ticket.csatComment);
  }, [ticket.csat, ticket.csatComment]);
  if (!mayRecordCsat(ticket)) return null;

  const handleSave = () => {
    setTried(true);
    if (score < 1) return;
    record.mutate(
      { id: ticket.id, score, comment },
      { onSuccess: () => notifySaved(t), onError: (error) => reportWriteError(error, t) },
    );
  };

  return (
    <Card withBorder padding="md" data-testid="ticket-csat-card">
      <Title order={4} mb="xs">
        {t('tickets.csat.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('tickets.csat.hint')}
      </Text>
      <Stack gap="xs">
        {ticket.csat !== undefined && ticket.csatAt > 0 && (
          <Text size="sm" data-testid="ticket-csat-recorded">
            {t('tickets.csat.recorded', {
              score: ticket.csat,
              time: formatDateTime(ticket.csatAt),
            })}
          </Text>
        )}
        <Rating
          value={score}
          onChange={setScore}
          readOnly={!access.canWrite}
          size="lg"
          data-testid="ticket-csat"
        />
        {tried && score < 1 && (
          <Text size="xs" c="red" role="alert" data-testid="ticket-csat-error">
            {t('tickets.csat.scoreRequired')}
          </Text>
        )}
        <Textarea
          label={t('tickets.csat.comment')}
          autosize
          minRows={2}
          maxLength={2000}
          value={comment}
          disabled={!access.canWrite}
          onChange={(e) => setComment(e.currentTarget.value)}
          data-testid="ticket-csat-comment"
        />
        {access.canWrite && (
          <Group>
            <Button
              size="xs"
              onClick={handleSave}
              loading={record.isPending}
              data-testid="ticket-csat-save"
            >
              {t('tickets.csat.save')}
            </Button>
          </Group>
        )}
        <SurveyLink kind="csat" recordId={ticket.id} />
      </Stack>
    </Card>
  );
}
