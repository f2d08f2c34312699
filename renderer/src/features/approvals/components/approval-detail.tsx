import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Approval, Member, Quote } from '@shared/domain';
import type { ApprovalDecision } from '@shared/rules';
import { quoteLineCostFen, quoteLineMarginFen, quoteMargin } from '@shared/rules/quote-math';
import { formatDateTime, formatMoney } from '../../../components/format';
import { reportWriteError } from '../../../components/write-errors';
import { useMayDecide } from '../../../entities/approvals/queries';
import { useDecideApprovalMutation } from '../../../entities/approvals/mutations';
import { useDealQuery } from '../../../entities/deals/queries';
import { useContractQuery } from '../../../entities/contracts/queries';
import { useStageLabel } from '../../../entities/deals/stage-label';
import { ApprovalStatusBadge, stepApprovers } from './approval-parts';
import { formatFen } from '../../../entities/quotes/components/quote-format';

/** An approval with its context (the deal's quote, the contract), the decision and its history (issue 20). */
export function ApprovalDetail({
  approval,
  users,
  viewerId,
}: {
  approval: Approval;
  users: ReadonlyMap<string, Member>;
  viewerId: string;
}) {
  const { t, i18n } = useTranslation();
  const name = (id: string) => users.get(id)?.name ?? id;
  const money = (yuan: number) => formatMoney(yuan, i18n.language);
  return (
    <Stack gap="md" data-testid="approval-detail">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {t(`lists.approvalKind.${approval.kind}`)}
          </Text>
          <Title order={3} data-testid="approval-detail-title">
            {approval.title}
          </Title>
        </div>
        <ApprovalStatusBadge status={approval.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('approvals.detail.requester')} value={name(approval.requesterId)} />
        <Field label={t('approvals.detail.amount')} value={money(approval.amount)} />
        <Field
          label={t('approvals.detail.requestedAt')}
          value={formatDateTime(approval.createdAt)}
        />
      </SimpleGrid>
      {approval.requestNote && (
        <Field label={t('approvals.detail.note')} value={approval.requestNote} />
      )}
      {approval.subjectType === 'deal' && approval.subjectId && (
        <DealContext dealId={approval.subjectId} quoteId={approval.subjectKey} />
      )}
      {approval.subjectType === 'contract' && approval.subjectId && (
        <ContractContext contractId={approval.subjectId} />
      )}
      <DecisionArea approval={approval} viewerId={viewerId} />
      <History approval={approval} users={users} />
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>
    </div>
  );
}

/** A discount's context: the deal, the quote version it is about (`subjectKey`) and its margin (from line costs). */
function DealContext({ dealId, quoteId }: { dealId: string; quoteId: string }) {
  const { t, i18n } = useTranslation();
  const deal = useDealQuery(dealId);
  const stageLabel = useStageLabel();
  if (!deal.data) return null;
  const quote = quoteId ? deal.data.quotes.find((q) => q.id === quoteId) : undefined;
  const fen = (amount: number) => formatMoney(amount / 100, i18n.language);
  return (
    <Card withBorder data-testid="approval-deal">
      <Group justify="space-between">
        <Anchor component={Link} to={`/deals/${deal.data.id}`} fw={600}>
          {t('approvals.deal.title')}: {deal.data.name}
        </Anchor>
        <Text size="sm">
          {t('approvals.deal.stage')}: {stageLabel(deal.data.stage)} · {t('approvals.deal.amount')}:{' '}
          {formatMoney(deal.data.amount, i18n.language)}
        </Text>
      </Group>
      {quoteId && !quote && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('approvals.quote.missing')}
        </Text>
      )}
      {quote && (
        <Stack gap={4} mt="sm" data-testid="approval-quote">
          <Text fw={600}>{t('approvals.quote.title', { version: quote.version })}</Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('approvals.quote.product')}</Table.Th>
                <Table.Th>{t('approvals.quote.quantity')}</Table.Th>
                <Table.Th>{t('approvals.quote.unitPrice')}</Table.Th>
                <Table.Th>{t('approvals.quote.lineDiscount')}</Table.Th>
                <Table.Th>{t('approvals.quote.unitCost')}</Table.Th>
                <Table.Th>{t('approvals.quote.lineMargin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quote.lines.map((line) => {
                const margin = quoteLineMarginFen(line);
                return (
                  <Table.Tr key={line.id} data-testid="approval-quote-line">
                    <Table.Td>{line.product}</Table.Td>
                    <Table.Td>
                      {line.quantity} {line.unit}
                    </Table.Td>
                    <Table.Td>{fen(line.unitPriceFen)}</Table.Td>
                    <Table.Td>{line.discountPercent}%</Table.Td>
                    <Table.Td>
                      {quoteLineCostFen(line) === null
                        ? t('approvals.quote.costUnknown')
                        : fen(line.unitCostFen ?? 0)}
                    </Table.Td>
                    <Table.Td data-testid="approval-line-margin">
                      {margin === null
                        ? t('approvals.quote.costUnknown')
                        : formatFen(margin, i18n.language)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Text size="sm">
            {t('approvals.quote.overallDiscount')}: {quote.discountPercent}% ·{' '}
            {t('approvals.quote.tax')}: {quote.taxRatePercent}%
            {quote.validUntil ? ` · ${t('approvals.quote.validUntil')}: ${quote.validUntil}` : ''}
          </Text>
          <QuoteMarginLine quote={quote} />
        </Stack>
      )}
    </Card>
  );
}

/** The quote's margin after every discount (before tax), or why it is unknown: a line without a cost. */
function QuoteMarginLine({ quote }: { quote: Quote }) {
  const { t, i18n } = useTranslation();
  const margin = quoteMargin(quote);
  const amount = margin.marginFen === null ? '' : formatFen(margin.marginFen, i18n.language);
  const text =
    margin.marginFen === null
      ? t('approvals.quote.marginUnknown', { count: margin.linesWithoutCost })
      : margin.marginPercent === null
        ? t('approvals.quote.marginNoPercent', { amount })
        : t('approvals.quote.margin', { amount, percent: margin.marginPercent });
  return (
    <Text
      size="sm"
      fw={600}
      c={margin.marginFen !== null && margin.marginFen < 0 ? 'red' : undefined}
      data-testid="approval-quote-margin"
      data-known={margin.marginFen !== null}
    >
      {text}
    </Text>
  );
}

function ContractContext({ contractId }: { contractId: string }) {
  const { t, i18n } = useTranslation();
  const contract = useContractQuery(contractId);
  if (!contract.data) return null;
  return (
    <Card withBorder data-testid="approval-contract">
      <Anchor component={Link} to={`/contracts/${contract.data.id}`} fw={600}>
        {t('approvals.contract.title')}: {contract.data.title}
      </Anchor>
      <Text size="sm" mt={4}>
        {t('approvals.contract.number')}: {contract.data.number} · {t('approvals.contract.amount')}:{' '}
        {formatMoney(contract.data.amount, i18n.language)}
        {contract.data.signedDate
          ? ` · ${t('approvals.contract.signedOn')}: ${contract.data.signedDate}`
          : ''}
      </Text>
    </Card>
  );
}

/** Approve or reject with a comment, when the shared rule says the person may decide now. */
function DecisionArea({ approval, viewerId }: { approval: Approval; viewerId: string }) {
  const { t } = useTranslation();
  const mayDecide = useMayDecide(approval);
  const decideMutation = useDecideApprovalMutation();
  const [comment, setComment] = useState('');
  if (approval.status !== 'pending') return null;
  if (approval.requesterId === viewerId)
    return <Alert color="gray">{t('approvals.detail.ownRequest')}</Alert>;
  if (!mayDecide.data) return <Alert color="gray">{t('approvals.detail.cannotDecide')}</Alert>;
  const handle = (decision: ApprovalDecision) =>
    decideMutation.mutate(
      { id: approval.id, decision, comment },
      {
        onSuccess: () =>
          notifications.show({
            color: decision === 'approved' ? 'green' : 'orange',
            message: t('approvals.decidedToast', {
              decision: t(`approvals.detail.${decision}`),
            }),
          }),
        onError: (error) => reportWriteError(error, t),
      },
    );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Textarea
          label={t('approvals.detail.decision')}
          placeholder={t('approvals.detail.commentPlaceholder')}
          value={comment}
          autosize
          minRows={2}
          maxLength={2000}
          onChange={(e) => setComment(e.currentTarget.value)}
          data-testid="approval-comment"
        />
        <Group>
          <Button
            color="green"
            onClick={() => handle('approved')}
            loading={decideMutation.isPending}
            data-testid="approval-approve"
          >
            {t('approvals.detail.approve')}
          </Button>
          <Button
            color="red"
            variant="light"
            onClick={() => handle('rejected')}
            loading={decideMutation.isPending}
            data-testid="approval-reject"
          >
            {t('approvals.detail.reject')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The request, then each step: who decides it, or who decided, when, and their comment. */
function History({ approval, users }: { approval: Approval; users: ReadonlyMap<string, Member> }) {
  const { t, i18n } = useTranslation();
  const name = (id: string) => users.get(id)?.name ?? id;
  // An approval made before routes (issue 18) is one implicit step: its final decision.
  const steps =
    approval.steps.length > 0
      ? approval.steps
      : [
          {
            approverKind: 'role' as const,
            role: approval.approverRole,
            memberIds: [],
            status: approval.status,
            decidedBy: approval.decidedBy,
            decidedAt: approval.decidedAt ?? 0,
            comment: approval.comment,
          },
        ];
  const reached = steps.filter((s) => s.status !== 'pending').length;
  return (
    <div>
      <Title order={5} mb="xs">
        {t('approvals.detail.history')}
      </Title>
      <Timeline active={reached} bulletSize={16} lineWidth={2} data-testid="approval-history">
        <Timeline.Item
          title={t('approvals.detail.requested', { name: name(approval.requesterId) })}
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(approval.createdAt)}
          </Text>
        </Timeline.Item>
        {steps.map((step, index) => (
          <Timeline.Item
            key={index}
            color={step.status === 'rejected' ? 'red' : undefined}
            title={
              step.status === 'pending'
                ? `${t('approvals.detail.stepPending', {
                    who: stepApprovers(t, i18n.language, step, users),
                  })}`
                : t('approvals.detail.stepDecided', {
                    name: name(step.decidedBy),
                    decision: t(`approvals.detail.${step.status}`),
                  })
            }
            data-testid={`approval-step-${index}`}
          >
            {steps.length > 1 && (
              <Text size="xs" c="dimmed">
                {t('approvals.stepOf', { n: index + 1, total: steps.length })}
              </Text>
            )}
            {step.status !== 'pending' && (
              <>
                <Text size="xs" c="dimmed">
                  {step.decidedAt ? formatDateTime(step.decidedAt) : ''}
                </Text>
                <Text size="sm" data-testid={`approval-step-${index}-comment`}>
                  {step.comment || t('approvals.detail.noComment')}
                </Text>
              </>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </div>
  );
}
