import { openDestructiveConfirm } from '../../components/confirm-destructive';
import { CommentThread } from '../../entities/comments/components/comment-thread';
import { useEffect, useMemo, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconCash, IconEdit, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PAYMENT_METHODS, type Contract, type Payment } from '@shared/domain';
import {
  outstanding,
  paymentPlanTotal,
  planDifference,
  planDiffersFromAmount,
  receivedTotal,
} from '@shared/rules/contract-math';
import { PendingMark } from '../../entities/sync/components/pending-mark';
import { formatDateTime, formatMoney, todayString } from '../../components/format';
import { useListOptions } from '../../components/list-options';
import { notifySaved, reportWriteError } from '../../components/write-errors';
import { useAccountQuery } from '../../entities/accounts/queries';
import { useDealQuery } from '../../entities/deals/queries';
import { useUserMap } from '../../entities/members/queries';
import { useContractQuery } from '../../entities/contracts/queries';
import {
  useAddPaymentMutation,
  useDeleteContractMutation,
  useRemovePaymentMutation,
} from '../../entities/contracts/mutations';
import {
  CONTRACT_STATUS_COLOR,
  overdueAmount,
  planItemStates,
  type PlanItemStatus,
} from '../../entities/contracts/plan-status';
import { ContractFormModal } from '../../entities/contracts/components/contract-form-modal';
import { useHiddenFields } from '../../entities/settings/field-policy';
import { HiddenValue } from '../../components/hidden-value';
import { RecordHistory } from '../../entities/history/components/record-history';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { useWriteAccess } from '../../hooks/use-write-access';
import { RecordSequenceNav } from '../../components/record-sequence';
import { ContractApprovalCard } from './components/contract-approval-card';

const PLAN_STATUS_COLOR: Record<PlanItemStatus, string> = {
  paid: 'green',
  partly: 'yellow',
  overdue: 'red',
  upcoming: 'gray',
};

/** One contract: its facts, the payment plan with the state of each instalment, payments received (回款). */
export function ContractDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const contract = useContractQuery(id);
  const remove = useDeleteContractMutation();
  const [editOpened, edit] = useDisclosure(false);
  const access = useWriteAccess('contracts', contract.data ?? null);
  useShortcut('edit', access.canWrite && contract.data ? edit.open : null);
  // Amount, plan and payments the field policy hides from this person: shown as hidden, not editable here.
  const hidden = useHiddenFields('contracts', contract.data);

  if (contract.isLoading) return null;
  if (!contract.data || contract.data.deleted) {
    return (
      <Alert color="gray" title={t('contracts.detail.notFound')} data-testid="contract-not-found">
        <Anchor component={Link} to="/contracts">
          {t('common.back')}
        </Anchor>
      </Alert>
    );
  }
  const c = contract.data;

  const handleDelete = () =>
    openDestructiveConfirm({
      title: t('common.delete'),
      children: <Text size="sm">{t('contracts.detail.deleteConfirm', { name: c.title })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void remove
          .mutateAsync(c.id)
          .then(() => navigate('/contracts'))
          .catch((e: unknown) => reportWriteError(e, t)),
    });

  return (
    <Stack data-testid="contract-detail">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Button
            variant="subtle"
            component={Link}
            to="/contracts"
            leftSection={<IconArrowLeft size={16} />}
          >
            {t('contracts.title')}
          </Button>
          <RecordSequenceNav kind="contracts" id={c.id} />
          <Title order={2} data-testid="contract-title-heading">
            {c.title}
          </Title>
          <Text c="dimmed" ff="monospace">
            {c.number}
          </Text>
          <Badge
            variant="light"
            color={CONTRACT_STATUS_COLOR[c.status]}
            data-testid="contract-status-badge"
          >
            {t(`lists.contractStatus.${c.status}`)}
          </Badge>
          <PendingMark collection="contracts" id={c.id} />
        </Group>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconEdit size={16} />}
            onClick={edit.open}
            data-testid="edit-contract"
          >
            {t('common.edit')}
          </Button>
          <Button
            variant="default"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={handleDelete}
            data-testid="delete-contract"
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      <ContractTotals contract={c} hidden={hidden} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <ContractFacts contract={c} />
            <PaymentPlanCard contract={c} hidden={hidden.has('paymentPlan')} />
            <PaymentsCard contract={c} hidden={hidden.has('payments')} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <ContractApprovalCard contract={c} />
            {/* Recording a payment changes `payments`, which this person may not see. */}
            {!hidden.has('payments') && <RecordPaymentCard contract={c} />}
            <Card withBorder>
              <CommentThread
                target={{
                  collection: 'contracts',
                  id: c.id,
                  teamId: c.teamId,
                  accountId: c.accountId,
                }}
              />
            </Card>
            <Card withBorder data-testid="contract-history">
              <Title order={4} mb="sm">
                {t('history.title')}
              </Title>
              <RecordHistory collection="contracts" id={c.id} record={c} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <ContractFormModal opened={editOpened} onClose={edit.close} contract={c} />
    </Stack>
  );
}

function Stat({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: ReactNode;
  color?: string;
  testId: string;
}) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={600} c={color} data-testid={testId} component="div">
        {value}
      </Text>
    </Card>
  );
}

function ContractTotals({ contract, hidden }: { contract: Contract; hidden: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation();
  // Totals derived from hidden payments or plan would show the neutral values as real ones.
  const money = (amount: number, field: string): ReactNode =>
    hidden.has(field) ? <HiddenValue /> : formatMoney(amount, i18n.language);
  const overdue = overdueAmount(contract, todayString());
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="contract-totals">
      <Stat
        label={t('fields.amount')}
        value={money(contract.amount, 'amount')}
        testId="contract-amount-value"
      />
      <Stat
        label={t('contracts.received')}
        value={money(receivedTotal(contract), 'payments')}
        color="green"
        testId="contract-received"
      />
      <Stat
        label={t('contracts.outstanding')}
        value={money(outstanding(contract), 'payments')}
        testId="contract-outstanding"
      />
      <Stat
        label={t('contracts.overdue')}
        value={money(overdue, 'paymentPlan')}
        color={overdue > 0 && !hidden.has('paymentPlan') ? 'red' : undefined}
        testId="contract-overdue"
      />
    </SimpleGrid>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </div>
  );
}

function ContractFacts({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const account = useAccountQuery(contract.accountId || undefined);
  const deal = useDealQuery(contract.dealId || undefined);
  const users = useUserMap();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('common.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        <Fact label={t('fields.accountId')}>
          {account.data ? (
            <Anchor
              component={Link}
              to={`/accounts/${contract.accountId}`}
              data-testid="contract-account-link"
            >
              {account.data.name}
            </Anchor>
          ) : null}
        </Fact>
        <Fact label={t('fields.dealId')}>
          {deal.data ? (
            <Anchor
              component={Link}
              to={`/deals/${contract.dealId}`}
              data-testid="contract-deal-link"
            >
              {deal.data.name}
            </Anchor>
          ) : null}
        </Fact>
        <Fact label={t('fields.ownerId')}>{users.get(contract.ownerId)?.name ?? ''}</Fact>
        <Fact label={t('fields.signedDate')}>{contract.signedDate}</Fact>
        <Fact label={t('fields.startDate')}>{contract.startDate}</Fact>
        <Fact label={t('fields.endDate')}>{contract.endDate}</Fact>
        <Fact label={t('common.createdAt')}>{formatDateTime(contract.createdAt)}</Fact>
        <Fact label={t('common.updatedAt')}>{formatDateTime(contract.updatedAt)}</Fact>
      </SimpleGrid>
      {contract.notes && (
        <>
          <Text size="xs" c="dimmed" mt="md">
            {t('fields.notes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {contract.notes}
          </Text>
        </>
      )}
    </Card>
  );
}

function PaymentPlanCard({ contract, hidden }: { contract: Contract; hidden: boolean }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, i18n.language);
  const states = useMemo(() => planItemStates(contract, todayString()), [contract]);
  const differs = planDiffersFromAmount(contract.amount, contract.paymentPlan);
  return (
    <Card withBorder data-testid="payment-plan">
      <Title order={4} mb="sm">
        {t('fields.paymentPlan')}
      </Title>
      {hidden ? (
        <HiddenValue testId="payment-plan-hidden" />
      ) : states.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contracts.plan.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.plan.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('contracts.plan.amount')}</Table.Th>
              <Table.Th ta="right">{t('contracts.plan.paid')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('contracts.plan.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {states.map(({ item, paid, unpaid, status }) => (
              <Table.Tr key={item.id} data-testid="plan-item" data-status={status}>
                <Table.Td>{item.dueDate}</Table.Td>
                <Table.Td ta="right">{money(item.amount)}</Table.Td>
                <Table.Td ta="right">{money(paid)}</Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    color={PLAN_STATUS_COLOR[status]}
                    data-testid="plan-item-status"
                  >
                    {t(`contracts.planStatus.${status}`)}
                  </Badge>
                  {status === 'overdue' && (
                    <Text span size="xs" c="red" ml={6}>
                      {t('contracts.plan.unpaid', { amount: money(unpaid) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{item.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Td fw={600}>{t('contracts.plan.totalLabel')}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {money(paymentPlanTotal(contract.paymentPlan))}
              </Table.Td>
              <Table.Td colSpan={3} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
      {differs && !hidden && (
        <Text size="xs" c="orange" mt="xs" data-testid="plan-sum-warning">
          {t('contracts.plan.sumMismatch', {
            plan: money(paymentPlanTotal(contract.paymentPlan)),
            amount: money(contract.amount),
            difference: money(Math.abs(planDifference(contract.amount, contract.paymentPlan))),
          })}
        </Text>
      )}
    </Card>
  );
}

function PaymentsCard({ contract, hidden }: { contract: Contract; hidden: boolean }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, i18n.language);
  const removePayment = useRemovePaymentMutation();
  const payments = useMemo(
    () => [...contract.payments].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    [contract.payments],
  );
  const planLabel = (planItemId: string) => {
    const item = contract.paymentPlan.find((p) => p.id === planItemId);
    return item ? `${item.dueDate} · ${money(item.amount)}` : '';
  };

  const handleRemove = (payment: Payment) =>
    openDestructiveConfirm({
      title: t('contracts.payments.remove'),
      children: (
        <Text size="sm">
          {t('contracts.payments.removeConfirm', {
            amount: money(payment.amount),
            date: payment.date,
          })}
        </Text>
      ),
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void removePayment
          .mutateAsync({ contractId: contract.id, paymentId: payment.id })
          .then(() => notifySaved(t))
          .catch((e: unknown) => reportWriteError(e, t)),
    });

  return (
    <Card withBorder data-testid="payments">
      <Title order={4} mb="sm">
        {t('fields.payments')}
      </Title>
      {hidden ? (
        <HiddenValue testId="payments-hidden" />
      ) : payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contracts.payments.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.payments.date')}</Table.Th>
              <Table.Th ta="right">{t('contracts.payments.amount')}</Table.Th>
              <Table.Th>{t('contracts.payments.method')}</Table.Th>
              <Table.Th>{t('contracts.payments.planItem')}</Table.Th>
              <Table.Th>{t('contracts.payments.note')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {payments.map((payment) => (
              <Table.Tr key={payment.id} data-testid="payment-row">
                <Table.Td>{payment.date}</Table.Td>
                <Table.Td ta="right">{money(payment.amount)}</Table.Td>
                <Table.Td>{t(`lists.paymentMethod.${payment.method}`)}</Table.Td>
                <Table.Td>{planLabel(payment.planItemId)}</Table.Td>
                <Table.Td>{payment.note}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => handleRemove(payment)}
                    aria-label={t('contracts.payments.remove')}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

interface PaymentFormValues {
  date: string;
  amount: number | string;
  method: Payment['method'];
  planItemId: string;
  note: string;
}

/** The next payment to expect: the unpaid part of the oldest open instalment (or the whole outstanding amount). */
function suggestPayment(contract: Contract): PaymentFormValues {
  const firstUnpaid = planItemStates(contract, todayString()).find((s) => s.status !== 'paid');
  return {
    date: todayString(),
    amount: firstUnpaid ? firstUnpaid.unpaid : outstanding(contract),
    method: 'bankTransfer',
    planItemId: firstUnpaid?.item.id ?? '',
    note: '',
  };
}

/** 登记回款: a payment received, optionally booked against an instalment of the plan. */
function RecordPaymentCard({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, i18n.language);
  const addPayment = useAddPaymentMutation();
  const methodOptions = useListOptions('paymentMethod', PAYMENT_METHODS);
  const states = useMemo(() => planItemStates(contract, todayString()), [contract]);
  const form = useForm<PaymentFormValues>({
    mode: 'controlled',
    initialValues: suggestPayment(contract),
    validate: {
      date: (value) => (value ? null : t('validation.required')),
      amount: (value) =>
        typeof value === 'number' && value > 0 ? null : t('contracts.payments.amountPositive'),
    },
  });

  // When the contract changes (a payment was recorded), propose the next instalment, unless the person is typing.
  useEffect(() => {
    if (!form.isDirty()) {
      const next = suggestPayment(contract);
      form.setInitialValues(next);
      form.setValues(next);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contract.updatedAt]);

  const planOptions = useMemo(
    () =>
      states.map(({ item, status }) => ({
        value: item.id,
        label: `${item.dueDate} · ${money(item.amount)} · ${t(`contracts.planStatus.${status}`)}`,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [states, t, i18n.language],
  );

  const handleSubmit = async (values: PaymentFormValues) => {
    try {
      const saved = await addPayment.mutateAsync({
        contractId: contract.id,
        payment: {
          date: values.date,
          amount: typeof values.amount === 'number' ? values.amount : Number(values.amount),
          method: values.method,
          planItemId: values.planItemId,
          note: values.note,
        },
      });
      notifySaved(t);
      const next = suggestPayment(saved);
      form.setInitialValues(next);
      form.setValues(next);
    } catch (error) {
      reportWriteError(error, t, form);
    }
  };

  return (
    <Card withBorder data-testid="payment-form">
      <Title order={4} mb="sm">
        {t('contracts.payments.record')}
      </Title>
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <DateInput
              label={t('contracts.payments.date')}
              valueFormat="YYYY-MM-DD"
              withAsterisk
              {...form.getInputProps('date')}
              value={form.values.date || null}
              onChange={(v: string | null) => form.setFieldValue('date', v ?? '')}
              data-testid="payment-date"
            />
            <NumberInput
              label={t('contracts.payments.amount')}
              min={0}
              decimalScale={2}
              thousandSeparator=","
              prefix="¥"
              withAsterisk
              {...form.getInputProps('amount')}
              data-testid="payment-amount"
            />
          </SimpleGrid>
          <Select
            label={t('contracts.payments.method')}
            data={methodOptions}
            allowDeselect={false}
            {...form.getInputProps('method')}
            data-testid="payment-method"
          />
          <Select
            label={t('contracts.payments.planItem')}
            data={planOptions}
            clearable
            placeholder={t('contracts.payments.noPlanItem')}
            {...form.getInputProps('planItemId')}
            value={form.values.planItemId || null}
            onChange={(v: string | null) => form.setFieldValue('planItemId', v ?? '')}
            data-testid="payment-plan-item"
          />
          <TextInput
            label={t('contracts.payments.note')}
            {...form.getInputProps('note')}
            data-testid="payment-note"
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('contracts.payments.outstandingHint', { amount: money(outstanding(contract)) })}
            </Text>
            <Button
              type="submit"
              leftSection={<IconCash size={16} />}
              loading={addPayment.isPending}
              data-testid="record-payment"
            >
              {t('contracts.payments.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
