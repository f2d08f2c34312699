import { useState, type ReactNode } from 'react';
import { Badge, Button, Card, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import {
  IconCheck,
  IconCopy,
  IconEdit,
  IconGitCompare,
  IconPrinter,
  IconSend,
  IconShieldCheck,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Deal, Quote } from '@shared/domain';
import {
  discountThreshold,
  effectiveDiscountPercent,
  isQuoteFrozen,
  quoteTotals,
  type QuoteApprovalState,
} from '@shared/rules/quote-math';
import { openDestructiveConfirm } from '../../../components/confirm-destructive';
import { reportWriteError } from '../../../components/write-errors';
import { notifications } from '@mantine/notifications';
import type { QuoteWithApproval } from '../../../data/repositories';
import { useMyRole, useQuoteApprovalRulesQuery, useQuotesQuery } from '../queries';
import {
  useDeleteQuoteDraftMutation,
  useMarkQuoteSentMutation,
  useNewQuoteVersionMutation,
  useQuoteOutcomeMutation,
  useRequestQuoteApprovalMutation,
} from '../mutations';
import { formatFen } from './quote-format';
import { QuoteEditorModal } from './quote-editor-modal';
import { QuoteCompareModal } from './quote-compare-modal';

const STATUS_COLOR: Record<Quote['status'], string> = {
  draft: 'gray',
  pendingApproval: 'orange',
  approved: 'teal',
  sent: 'blue',
  accepted: 'green',
  rejected: 'red',
};
const APPROVAL_COLOR: Record<QuoteApprovalState, string> = {
  notNeeded: 'green',
  needed: 'orange',
  pending: 'yellow',
  approved: 'teal',
  rejected: 'red',
};

/**
 * The deal's quotes (报价, issue 20): every version with its status and totals, and what can be done with it.
 * `versionActions`: more actions on a version from the page (e.g. "create contract", which belongs to contracts).
 */
export function QuotesCard({
  deal,
  canWrite,
  versionActions,
}: {
  deal: Deal;
  canWrite: boolean;
  versionActions?: (quote: Quote) => ReactNode;
}) {
  const { t } = useTranslation();
  const quotes = useQuotesQuery(deal.id);
  const newVersion = useNewQuoteVersionMutation();
  const [editing, setEditing] = useState<Quote | null>(null);
  const [comparing, setComparing] = useState(false);
  const versions = quotes.data ?? [];

  const handleNew = () =>
    newVersion.mutate(deal.id, {
      onSuccess: (quote) => setEditing(quote),
      onError: (e) => reportWriteError(e, t),
    });

  return (
    <Card withBorder data-testid="deal-quotes">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('quotes.title')}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconGitCompare size={14} />}
            disabled={versions.length < 2}
            onClick={() => setComparing(true)}
            data-testid="quote-compare"
          >
            {t('quotes.compare')}
          </Button>
          {canWrite && (
            <Button
              size="xs"
              leftSection={<IconCopy size={14} />}
              onClick={handleNew}
              loading={newVersion.isPending}
              data-testid="quote-new-version"
            >
              {t('quotes.newVersion')}
            </Button>
          )}
        </Group>
      </Group>
      {versions.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="quotes-empty">
          {t('quotes.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {versions.map((v) => (
            <QuoteVersionRow
              key={v.quote.id}
              deal={deal}
              item={v}
              canWrite={canWrite}
              onEdit={() => setEditing(v.quote)}
              actions={versionActions?.(v.quote)}
            />
          ))}
        </Stack>
      )}
      {editing && (
        <QuoteEditorModal dealId={deal.id} quote={editing} onClose={() => setEditing(null)} />
      )}
      {comparing && versions.length >= 2 && (
        <QuoteCompareModal
          versions={versions.map((v) => v.quote)}
          onClose={() => setComparing(false)}
        />
      )}
    </Card>
  );
}

function QuoteVersionRow({
  deal,
  item,
  canWrite,
  onEdit,
  actions,
}: {
  deal: Deal;
  item: QuoteWithApproval;
  canWrite: boolean;
  onEdit: () => void;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const role = useMyRole();
  const rules = useQuoteApprovalRulesQuery();
  const request = useRequestQuoteApprovalMutation();
  const markSent = useMarkQuoteSentMutation();
  const outcome = useQuoteOutcomeMutation();
  const remove = useDeleteQuoteDraftMutation();
  const { quote, state, canMarkSent } = item;
  const frozen = isQuoteFrozen(quote);
  const ids = { dealId: deal.id, quoteId: quote.id };
  const onError = (e: unknown) => reportWriteError(e, t);
  const totals = quoteTotals(quote);

  const handleDelete = () =>
    openDestructiveConfirm({
      title: t('quotes.delete'),
      children: <Text size="sm">{t('quotes.deleteConfirm', { version: quote.version })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(ids, { onError }),
    });

  return (
    <Paper
      withBorder
      p="sm"
      data-testid={`quote-version-${quote.version}`}
      data-status={quote.status}
    >
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>{t('quotes.version', { version: quote.version })}</Text>
          <Badge color={STATUS_COLOR[quote.status]} variant="light" data-testid="quote-status">
            {t(`quotes.status.${quote.status}`)}
          </Badge>
          {!frozen && (
            <Badge
              color={APPROVAL_COLOR[state]}
              variant="outline"
              data-testid="quote-approval-state"
              data-state={state}
            >
              {t(`quotes.approval.${state}`)}
            </Badge>
          )}
        </Group>
        <Text fw={700} data-testid="quote-grand-total">
          {formatFen(totals.grandTotalFen, i18n.language)}
        </Text>
      </Group>
      <Group gap="md" mt={4}>
        <Text size="xs" c="dimmed">
          {rules.data
            ? t('quotes.discountInfo', {
                discount: effectiveDiscountPercent(quote),
                threshold: discountThreshold(role, rules.data),
              })
            : null}
        </Text>
        {quote.validUntil && (
          <Text size="xs" c="dimmed">
            {t('quotes.validUntil', { date: quote.validUntil })}
          </Text>
        )}
      </Group>
      <Group gap="xs" mt="xs">
        {canWrite && !frozen && (
          <>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEdit size={14} />}
              onClick={onEdit}
              data-testid="quote-edit"
            >
              {t('quotes.edit')}
            </Button>
            {(state === 'needed' || state === 'rejected') && (
              <Button
                size="xs"
                variant="light"
                color="orange"
                leftSection={<IconShieldCheck size={14} />}
                loading={request.isPending}
                onClick={() =>
                  request.mutate(ids, {
                    onSuccess: () =>
                      notifications.show({ color: 'blue', message: t('quotes.approvalRequested') }),
                    onError,
                  })
                }
                data-testid="quote-request-approval"
              >
                {t('quotes.requestApproval')}
              </Button>
            )}
            <Tooltip label={t('quotes.markSentHint')} disabled={canMarkSent}>
              <Button
                size="xs"
                leftSection={<IconSend size={14} />}
                disabled={!canMarkSent || quote.lines.length === 0}
                loading={markSent.isPending}
                onClick={() =>
                  markSent.mutate(ids, {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('quotes.sentDone') }),
                    onError,
                  })
                }
                data-testid="quote-mark-sent"
              >
                {t('quotes.markSent')}
              </Button>
            </Tooltip>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={handleDelete}
              data-testid="quote-delete"
            >
              {t('quotes.delete')}
            </Button>
          </>
        )}
        {canWrite && quote.status === 'sent' && (
          <>
            <Button
              size="xs"
              variant="light"
              color="green"
              leftSection={<IconCheck size={14} />}
              onClick={() => outcome.mutate({ ...ids, outcome: 'accepted' }, { onError })}
              data-testid="quote-accepted"
            >
              {t('quotes.accepted')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconX size={14} />}
              onClick={() => outcome.mutate({ ...ids, outcome: 'rejected' }, { onError })}
              data-testid="quote-rejected"
            >
              {t('quotes.rejected')}
            </Button>
          </>
        )}
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPrinter size={14} />}
          component={Link}
          to={`/deals/${deal.id}/quotes/${quote.id}/print`}
          data-testid="quote-print"
        >
          {t('quotes.print')}
        </Button>
        {actions}
      </Group>
    </Paper>
  );
}
