import { openDestructiveConfirm } from '../../components/confirm-destructive';
import { CommentThread } from '../../entities/comments/components/comment-thread';
import { useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowLeft,
  IconArrowRight,
  IconEdit,
  IconEye,
  IconFileText,
  IconSquareCheck,
  IconThumbDown,
  IconTrash,
  IconTrophy,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Deal, PipelineStage, PipelineValue } from '@shared/domain';
import { PendingMark } from '../../entities/sync/components/pending-mark';
import { HiddenValue } from '../../components/hidden-value';
import { useFieldHider, useHiddenFields } from '../../entities/settings/field-policy';
import { lineItemTotal, lineItemsTotal } from '@shared/rules/deal-math';
import { dealWeightedFen } from '@shared/rules/forecast';
import { formatDateTime, formatMoney } from '../../components/format';
import { notifySaved, reportWriteError } from '../../components/write-errors';
import { BusinessRuleError } from '../../data/errors';
import { useAccountQuery } from '../../entities/accounts/queries';
import { useUserMap } from '../../entities/members/queries';
import { useContractsByAccount } from '../../entities/contracts/queries';
import { RecordHistory } from '../../entities/history/components/record-history';
import { RecordNotes } from '../../entities/plans/components/record-plan';
import { ContractFormModal } from '../../entities/contracts/components/contract-form-modal';
import { useDealQuery, usePipelineQuery, usePipelinesQuery } from '../../entities/deals/queries';
import { useContactsByAccount } from '../../entities/contacts/queries';
import {
  useDeleteDealMutation,
  useMoveDealMutation,
  useUpdateDealMutation,
} from '../../entities/deals/mutations';
import { useStageLabel } from '../../entities/deals/stage-label';
import { DealFormModal } from '../../entities/deals/components/deal-form-modal';
import { StageGateDialog, type RefusedMove } from './components/stage-gate-dialog';
import { ReadOnlyMarker } from '../../components/read-only-marker';
import { useWriteAccess } from '../../hooks/use-write-access';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { RecordSequenceNav } from '../../components/record-sequence';
import { QuotesCard } from '../../entities/quotes/components/quotes-card';
import { ContractFromQuoteButton } from '../../entities/contracts/components/contract-from-quote-button';

const STATUS_COLOR: Record<Deal['status'], string> = { open: 'indigo', won: 'green', lost: 'red' };

/** One deal (商机): facts, quote lines, where it stands in the pipeline and the buttons to move it on. */
export function DealDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const deal = useDealQuery(id);
  const pipeline = usePipelineQuery(deal.data?.pipelineId);
  const remove = useDeleteDealMutation();
  const [editOpened, edit] = useDisclosure(false);
  const [contractOpened, contract] = useDisclosure(false);
  const access = useWriteAccess('deals', deal.data ?? null);
  useShortcut('edit', access.canWrite && deal.data ? edit.open : null);

  if (deal.isLoading || pipeline.isLoading) return null;
  if (!deal.data || deal.data.deleted) {
    return (
      <Alert color="gray" title={t('deals.detail.notFound')} data-testid="deal-not-found">
        <Anchor component={Link} to="/deals">
          {t('common.back')}
        </Anchor>
      </Alert>
    );
  }
  const d = deal.data;

  const handleDelete = () =>
    openDestructiveConfirm({
      title: t('common.delete'),
      children: <Text size="sm">{t('deals.detail.deleteConfirm', { name: d.name })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete-deal' } as Record<
        string,
        string
      >,
      onConfirm: () =>
        void remove
          .mutateAsync(d.id)
          .then(() => navigate('/deals'))
          .catch((e: unknown) => reportWriteError(e, t)),
    });

  return (
    <Stack data-testid="deal-detail">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Button
            variant="subtle"
            component={Link}
            to="/deals"
            leftSection={<IconArrowLeft size={16} />}
          >
            {t('deals.title')}
          </Button>
          <RecordSequenceNav kind="deals" id={d.id} />
          <Title order={2} data-testid="deal-title">
            {d.name}
          </Title>
          <Badge variant="light" color={STATUS_COLOR[d.status]} data-testid="deal-status">
            {t(`lists.dealStatus.${d.status}`)}
          </Badge>
          <ReadOnlyMarker access={access} />
          <PendingMark collection="deals" id={d.id} />
        </Group>
        {!access.canWrite && access.known && (
          <Button
            variant="default"
            leftSection={<IconEye size={16} />}
            onClick={edit.open}
            data-testid="view-deal"
          >
            {t('common.view')}
          </Button>
        )}
        {access.canWrite && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileText size={16} />}
              onClick={contract.open}
              data-testid="deal-new-contract"
            >
              {t('deals.detail.newContract')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconEdit size={16} />}
              onClick={edit.open}
              data-testid="edit-deal"
            >
              {t('common.edit')}
            </Button>
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={handleDelete}
              data-testid="delete-deal"
            >
              {t('common.delete')}
            </Button>
          </Group>
        )}
      </Group>
      {pipeline.data && (
        <StageProgress deal={d} pipeline={pipeline.data} canWrite={access.canWrite} />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <DealFacts deal={d} />
            <LineItemsCard deal={d} />
            <QuotesCard
              deal={d}
              canWrite={access.canWrite}
              versionActions={(quote) => <ContractFromQuoteButton deal={d} quote={quote} />}
            />
            <Card withBorder data-testid="deal-notes">
              <Title order={4} mb="sm">
                {t('plans.dealNotes')}
              </Title>
              <RecordNotes
                kind="deal-notes"
                recordId={d.id}
                title={`${d.name} · ${t('plans.dealNotes')}`}
              />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <DealContracts deal={d} onNew={contract.open} />
            <Card withBorder>
              <CommentThread
                target={{ collection: 'deals', id: d.id, teamId: d.teamId, accountId: d.accountId }}
              />
            </Card>
            <Card withBorder data-testid="deal-history">
              <Title order={4} mb="sm">
                {t('history.title')}
              </Title>
              <RecordHistory collection="deals" id={d.id} record={d} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <DealFormModal opened={editOpened} onClose={edit.close} deal={d} />
      <ContractFormModal
        opened={contractOpened}
        onClose={contract.close}
        accountId={d.accountId}
        dealId={d.id}
        onSaved={(c) => void navigate(`/contracts/${c.id}`)}
      />
    </Stack>
  );
}

/**
 * The pipeline as a stepper with the deal's stage highlighted, and buttons to move it on. Every move goes
 * through DealRepository.moveToStage, so the stage gate applies exactly as on the board.
 */
/** `canWrite`: the deal may be changed (otherwise the stages are shown without the buttons that move it). */
function StageProgress({
  deal,
  pipeline,
  canWrite,
}: {
  deal: Deal;
  pipeline: PipelineValue;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const label = useStageLabel();
  const move = useMoveDealMutation();
  const update = useUpdateDealMutation();
  const [refused, setRefused] = useState<RefusedMove | null>(null);
  const [formStage, setFormStage] = useState<string | null>(null);
  // A decision maker chosen in the gate dialog from the decision chain, filled into the form.
  const [formDecisionMaker, setFormDecisionMaker] = useState<string | undefined>(undefined);

  const openStages = useMemo(() => pipeline.stages.filter((s) => s.outcome === 'open'), [pipeline]);
  const wonStage = pipeline.stages.find((s) => s.outcome === 'won');
  const lostStage = pipeline.stages.find((s) => s.outcome === 'lost');
  const currentOpenIndex = openStages.findIndex((s) => s.id === deal.stage);
  const nextStage =
    deal.status === 'open' && currentOpenIndex >= 0 ? openStages[currentOpenIndex + 1] : undefined;
  // Closed deals have passed every open stage; the last step shows how they ended.
  const active = deal.status === 'open' ? Math.max(0, currentOpenIndex) : openStages.length + 1;
  const closedStage =
    deal.status === 'won' ? wonStage : deal.status === 'lost' ? lostStage : undefined;

  const handleMove = (stage: PipelineStage | undefined, current: Deal = deal) => {
    if (!stage || stage.id === current.stage) return;
    move.mutate(
      { id: current.id, stageId: stage.id, pipeline },
      {
        onSuccess: () => notifySaved(t),
        onError: (error) => {
          reportWriteError(error, t);
          if (error instanceof BusinessRuleError && error.messageKey === 'deals.errors.stageGate')
            setRefused({ deal: current, stage });
        },
      },
    );
  };

  return (
    <Card withBorder data-testid="deal-stage-stepper">
      <Stepper
        active={active}
        onStepClick={canWrite ? (index) => handleMove(openStages[index]) : undefined}
        allowNextStepsSelect={canWrite}
        size="sm"
        color={deal.status === 'lost' ? 'red' : deal.status === 'won' ? 'green' : undefined}
      >
        {openStages.map((stage) => (
          <Stepper.Step
            key={stage.id}
            label={label(stage)}
            description={t('deals.board.probability', { value: stage.probability })}
            data-stage={stage.id}
            data-current={stage.id === deal.stage ? 'true' : undefined}
            aria-current={stage.id === deal.stage ? 'step' : undefined}
            loading={move.isPending && move.variables?.stageId === stage.id}
          />
        ))}
        <Stepper.Step
          label={closedStage ? label(closedStage) : t('deals.detail.closed')}
          description={closedStage ? t(`lists.dealStatus.${deal.status}`) : undefined}
          allowStepSelect={false}
          data-stage={closedStage?.id ?? 'closed'}
          data-current={closedStage ? 'true' : undefined}
          color={deal.status === 'lost' ? 'red' : undefined}
          icon={deal.status === 'lost' ? <IconThumbDown size={16} /> : <IconTrophy size={16} />}
          completedIcon={
            deal.status === 'lost' ? <IconThumbDown size={16} /> : <IconTrophy size={16} />
          }
        />
      </Stepper>
      {canWrite && (
        <Group mt="md" gap="xs">
          {nextStage && (
            <Button
              rightSection={<IconArrowRight size={16} />}
              onClick={() => handleMove(nextStage)}
              loading={move.isPending && move.variables?.stageId === nextStage.id}
              data-testid="deal-advance"
            >
              {t('deals.detail.advanceTo', { stage: label(nextStage) })}
            </Button>
          )}
          {deal.status === 'open' && wonStage && (
            <Button
              color="green"
              variant="light"
              leftSection={<IconTrophy size={16} />}
              onClick={() => handleMove(wonStage)}
              data-testid="deal-mark-won"
            >
              {t('deals.detail.markWon')}
            </Button>
          )}
          {deal.status === 'open' && lostStage && (
            <Button
              color="red"
              variant="light"
              leftSection={<IconThumbDown size={16} />}
              onClick={() => handleMove(lostStage)}
              data-testid="deal-mark-lost"
            >
              {t('deals.detail.markLost')}
            </Button>
          )}
          {deal.status !== 'open' && openStages.length > 0 && (
            <Button
              variant="default"
              onClick={() => handleMove(openStages[openStages.length - 1])}
              data-testid="deal-reopen"
            >
              {t('deals.detail.reopen')}
            </Button>
          )}
        </Group>
      )}
      {deal.status === 'open' && <ExitCriteria deal={deal} pipeline={pipeline} />}
      <StageGateDialog
        refused={refused}
        onClose={() => setRefused(null)}
        onFill={({ stage }, decisionMakerId) => {
          setRefused(null);
          setFormDecisionMaker(decisionMakerId);
          setFormStage(stage.id);
        }}
        onDecisionMaker={({ stage }, contactId) => {
          setRefused(null);
          update.mutate(
            { id: deal.id, patch: { decisionMakerId: contactId } },
            {
              onSuccess: (saved) => handleMove(stage, saved),
              onError: (error) => reportWriteError(error, t),
            },
          );
        }}
      />
      <DealFormModal
        opened={!!formStage}
        onClose={() => setFormStage(null)}
        deal={formDecisionMaker ? { ...deal, decisionMakerId: formDecisionMaker } : deal}
        stageId={formStage ?? undefined}
      />
    </Card>
  );
}

/**
 * The current stage's exit criteria (issue 20): the checklist the admin wrote for the stage in Settings
 * (pipelines-card.tsx), read before moving the deal on. A stage deleted from the pipeline is said so.
 */
function ExitCriteria({ deal, pipeline }: { deal: Deal; pipeline: PipelineValue }) {
  const { t } = useTranslation();
  const label = useStageLabel();
  const stage = pipeline.stages.find((s) => s.id === deal.stage);
  if (!stage)
    return (
      <Alert color="orange" mt="md" data-testid="deal-stage-missing">
        {t('deals.exitCriteria.stageMissing')}
      </Alert>
    );
  const criteria = stage.exitCriteria ?? [];
  return (
    <Stack gap={4} mt="md" data-testid="deal-exit-criteria">
      <Text size="sm" fw={600}>
        {t('deals.exitCriteria.title', { stage: label(stage) })}
      </Text>
      {criteria.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deals.exitCriteria.none')}
        </Text>
      ) : (
        <List size="sm" icon={<IconSquareCheck size={16} />} spacing={2}>
          {criteria.map((item, index) => (
            <List.Item key={`${index}-${item}`} data-testid="deal-exit-criterion">
              {item}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Fact({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} component="div">
        {children || '—'}
      </Text>
    </div>
  );
}

function DealFacts({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation();
  const account = useAccountQuery(deal.accountId || undefined);
  const contacts = useContactsByAccount(deal.accountId || undefined);
  const users = useUserMap();
  const money = (amount: number) => formatMoney(amount, i18n.language);
  const contactName = (id: string) => contacts.data?.find((c) => c.id === id)?.name ?? '';
  // Fields the field policy hides from this person hold neutral values in the replica: say so.
  const hidden = useHiddenFields('deals', deal);
  const pipelines = usePipelinesQuery().data;
  const pipelinesById = useMemo(
    () => new Map(pipelines?.map((p) => [p.id, p.value]) ?? []),
    [pipelines],
  );

  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('common.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        <Fact label={t('fields.accountId')}>
          {deal.accountId && account.data ? (
            <Anchor
              component={Link}
              to={`/accounts/${deal.accountId}`}
              data-testid="deal-account-link"
            >
              {account.data.name}
            </Anchor>
          ) : null}
        </Fact>
        <Fact label={t('fields.contactId')} testId="deal-contact-name">
          {contactName(deal.contactId)}
        </Fact>
        <Fact label={t('fields.ownerId')}>{users.get(deal.ownerId)?.name ?? ''}</Fact>
        <Fact label={t('fields.amount')} testId="deal-amount-value">
          {hidden.has('amount') ? <HiddenValue testId="deal-amount-hidden" /> : money(deal.amount)}
        </Fact>
        <Fact label={t('fields.probability')}>{`${deal.probability}%`}</Fact>
        <Fact label={t('deals.detail.weighted')} testId="deal-weighted">
          {hidden.has('amount') ? (
            <HiddenValue />
          ) : pipelines ? (
            money(dealWeightedFen(deal, pipelinesById) / 100)
          ) : null}
        </Fact>
        <Fact label={t('fields.closeDate')}>{deal.closeDate}</Fact>
        {deal.status === 'open' && (
          <Fact label={t('fields.forecastCategory')} testId="deal-forecast-category-value">
            {deal.forecastCategory
              ? t(`lists.forecastCategory.${deal.forecastCategory}`)
              : t('forecast.categoryUnset')}
          </Fact>
        )}
        <Fact label={t('fields.budget')}>
          {hidden.has('budget') ? <HiddenValue testId="deal-budget-hidden" /> : deal.budget}
        </Fact>
        <Fact label={t('fields.decisionMakerId')}>{contactName(deal.decisionMakerId)}</Fact>
        <Fact label={t('fields.competitor')}>{deal.competitor}</Fact>
        <Fact label={t('fields.source')}>
          {deal.source ? t(`lists.source.${deal.source}`) : ''}
        </Fact>
        <Fact label={t('fields.campaign')}>{deal.campaign}</Fact>
        {deal.lostReason && <Fact label={t('fields.lostReason')}>{deal.lostReason}</Fact>}
        <Fact label={t('common.createdAt')}>{formatDateTime(deal.createdAt)}</Fact>
        <Fact label={t('common.updatedAt')}>{formatDateTime(deal.updatedAt)}</Fact>
      </SimpleGrid>
      {deal.notes && (
        <>
          <Text size="xs" c="dimmed" mt="md">
            {t('fields.notes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {deal.notes}
          </Text>
        </>
      )}
    </Card>
  );
}

function LineItemsCard({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, i18n.language);
  const hidden = useHiddenFields('deals', deal);
  return (
    <Card withBorder data-testid="deal-line-items">
      <Title order={4} mb="sm">
        {t('fields.lineItems')}
      </Title>
      {hidden.has('lineItems') ? (
        <HiddenValue testId="deal-line-items-hidden" />
      ) : deal.lineItems.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deals.lineItems.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deals.lineItems.product')}</Table.Th>
              <Table.Th ta="right">{t('deals.lineItems.quantity')}</Table.Th>
              <Table.Th ta="right">{t('deals.lineItems.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('deals.lineItems.discount')}</Table.Th>
              <Table.Th ta="right">{t('deals.lineItems.lineTotal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deal.lineItems.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.product}</Table.Td>
                <Table.Td ta="right">{item.quantity}</Table.Td>
                <Table.Td ta="right">{money(item.unitPrice)}</Table.Td>
                <Table.Td ta="right">{item.discount ? `${item.discount}%` : ''}</Table.Td>
                <Table.Td ta="right">{money(lineItemTotal(item))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Td colSpan={4} ta="right" fw={600}>
                {t('deals.lineItems.grandTotal')}
              </Table.Td>
              <Table.Td ta="right" fw={600} data-testid="deal-line-items-total">
                {money(lineItemsTotal(deal.lineItems))}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Card>
  );
}

function DealContracts({ deal, onNew }: { deal: Deal; onNew: () => void }) {
  const { t, i18n } = useTranslation();
  const contracts = useContractsByAccount(deal.accountId || undefined);
  const mine = (contracts.data ?? []).filter((c) => c.dealId === deal.id);
  const hides = useFieldHider('contracts');
  return (
    <Card withBorder data-testid="deal-contracts">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('deals.detail.contracts')}</Title>
        <Button size="xs" variant="light" onClick={onNew}>
          {t('deals.detail.newContract')}
        </Button>
      </Group>
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deals.detail.noContracts')}
        </Text>
      ) : (
        <Stack gap="xs">
          {mine.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/contracts/${c.id}`} size="sm" truncate>
                {c.number} · {c.title}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                {hides(c, 'amount') ? (
                  <HiddenValue />
                ) : (
                  <Text size="sm">{formatMoney(c.amount, i18n.language)}</Text>
                )}
                <Badge size="sm" variant="light">
                  {t(`lists.contractStatus.${c.status}`)}
                </Badge>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
