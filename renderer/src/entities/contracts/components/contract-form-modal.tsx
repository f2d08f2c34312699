import { useEffect, useMemo } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { CONTRACT_STATUSES, type Contract, type Deal } from '@shared/domain';
import {
  paymentPlanTotal,
  planDifference,
  planDiffersFromAmount,
  unplannedAmount,
} from '@shared/rules/contract-math';
import { formatMoney } from '../../../components/format';
import { useListOptions } from '../../../components/list-options';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { AccountPicker } from '../../accounts/components/account-picker';
import { useDealQuery, useDealsByAccount } from '../../deals/queries';
import { useNextContractNumber } from '../numbering';
import {
  useCreateContractMutation,
  useUpdateContractMutation,
  type ContractInput,
} from '../mutations';
import { FormActions } from '../../../components/form-actions';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { HiddenFieldInput } from '../../../components/hidden-field-input';
import { HiddenValue } from '../../../components/hidden-value';
import { useHiddenFields, withoutHidden } from '../../settings/field-policy';

export interface ContractFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Preselected account (new contract from the account page). */
  accountId?: string;
  /** The deal the contract closes; a new contract takes its account, name and amount. */
  dealId?: string;
  /** The contract to edit; a new contract when omitted. */
  contract?: Contract;
  /** A new contract's values made elsewhere (a contract from a quote: account, deal, amount, title, notes). */
  prefill?: ContractPrefill;
  onSaved?: (contract: Contract) => void;
}

/** What a new contract may start from (contract-from-quote-button.tsx). */
export interface ContractPrefill {
  accountId: string;
  dealId: string;
  quoteId: string;
  title: string;
  amount: number;
  notes: string;
}

interface PlanRowValues {
  id: string;
  dueDate: string;
  amount: number | string;
  note: string;
}

interface ContractFormValues {
  number: string;
  title: string;
  accountId: string;
  dealId: string;
  amount: number | string;
  status: Contract['status'];
  signedDate: string;
  startDate: string;
  endDate: string;
  notes: string;
  paymentPlan: PlanRowValues[];
}

function toNumber(value: number | string): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

function initialValues(
  contract?: Contract,
  accountId?: string,
  deal?: Deal | null,
  prefill?: ContractPrefill,
  proposedNumber = '',
): ContractFormValues {
  return {
    // A new contract's number comes from the workspace's pattern (settings, issue 20); editable.
    number: contract?.number ?? proposedNumber,
    title: contract?.title ?? prefill?.title ?? deal?.name ?? '',
    accountId: contract?.accountId ?? prefill?.accountId ?? deal?.accountId ?? accountId ?? '',
    dealId: contract?.dealId ?? prefill?.dealId ?? deal?.id ?? '',
    amount: contract?.amount ?? prefill?.amount ?? deal?.amount ?? 0,
    status: contract?.status ?? 'draft',
    signedDate: contract?.signedDate ?? '',
    startDate: contract?.startDate ?? '',
    endDate: contract?.endDate ?? '',
    notes: contract?.notes ?? prefill?.notes ?? '',
    paymentPlan: (contract?.paymentPlan ?? []).map((item) => ({ ...item })),
  };
}

/**
 * Create or edit a contract (合同) with its payment plan (回款计划). The plan should add up to the contract
 * amount; a difference is shown as a warning, not an error, because plans are often agreed step by step.
 */
export function ContractFormModal({
  opened,
  onClose,
  accountId,
  dealId,
  contract,
  prefill,
  onSaved,
}: ContractFormModalProps) {
  const { t, i18n } = useTranslation();
  const access = useWriteAccess('contracts', contract ?? null);
  // A record this person may not change: values shown, fields disabled, no save (FormActions).
  const readOnly = !access.canWrite;
  // Fields the field policy hides from this person: shown as hidden, never edited or sent.
  const hidden = useHiddenFields('contracts', contract);
  const sourceDeal = useDealQuery(contract ? undefined : dealId);
  const dealForDefaults = contract ? null : (sourceDeal.data ?? null);
  const proposed = useNextContractNumber(opened && !contract);
  const proposedNumber = proposed.data ?? '';
  const form = useForm<ContractFormValues>({
    mode: 'controlled',
    initialValues: initialValues(contract, accountId, dealForDefaults, prefill, proposedNumber),
    validate: {
      accountId: (value) => (value ? null : t('validation.required')),
      endDate: (value, values) =>
        value && values.startDate && value < values.startDate ? t('validation.date.order') : null,
    },
  });
  const create = useCreateContractMutation();
  const update = useUpdateContractMutation();
  const statusOptions = useListOptions('contractStatus', CONTRACT_STATUSES);
  const deals = useDealsByAccount(form.values.accountId || undefined);
  const money = (amount: number) => formatMoney(amount, i18n.language);

  useEffect(() => {
    if (!opened) return;
    const values = initialValues(contract, accountId, dealForDefaults, prefill, proposedNumber);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    // Reset when the modal opens, the edited record changes or the source deal arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, contract?.id, accountId, dealId, dealForDefaults?.id, prefill?.quoteId]);

  // The proposed number arrives after the form opened: fill it in unless the person typed one already.
  useEffect(() => {
    if (!opened || contract || !proposedNumber || form.isDirty('number')) return;
    form.setFieldValue('number', proposedNumber);
    form.resetDirty({ ...form.getValues(), number: proposedNumber });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, contract?.id, proposedNumber]);

  const dealOptions = useMemo(
    () => (deals.data ?? []).map((d) => ({ value: d.id, label: d.name })),
    [deals.data],
  );
  const amount = toNumber(form.values.amount);
  const plan = form.values.paymentPlan.map((row) => ({ amount: toNumber(row.amount) }));
  const planTotal = paymentPlanTotal(plan);
  const planDiffers = planDiffersFromAmount(amount, plan);

  const handleAccountChange = (id: string) => {
    if (id !== form.values.accountId) form.setFieldValue('dealId', '');
    form.setFieldValue('accountId', id);
  };

  const handleAddPlanRow = () => {
    const remaining = unplannedAmount(amount, plan);
    const last = form.values.paymentPlan[form.values.paymentPlan.length - 1];
    const dueDate = last?.dueDate ? dayjs(last.dueDate).add(1, 'month').format('YYYY-MM-DD') : '';
    form.insertListItem('paymentPlan', {
      id: crypto.randomUUID(),
      dueDate,
      amount: remaining,
      note: '',
    } satisfies PlanRowValues);
  };

  const handleSubmit = async (values: ContractFormValues) => {
    const fields = {
      ...values,
      amount: toNumber(values.amount),
      paymentPlan: values.paymentPlan.map((row) => ({ ...row, amount: toNumber(row.amount) })),
    };
    try {
      const saved = contract
        ? await update.mutateAsync({ id: contract.id, patch: withoutHidden(fields, hidden) })
        : await create.mutateAsync({
            ...fields,
            currency: 'CNY',
            payments: [],
            quoteId: prefill?.quoteId ?? '',
          } satisfies ContractInput);
      notifySaved(t);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      reportWriteError(error, t, form);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={contract ? t('contracts.edit') : t('contracts.new')}
      size="xl"
      data-testid="contract-form"
    >
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Fieldset variant="unstyled" disabled={readOnly}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('fields.contractNumber')}
                withAsterisk
                {...form.getInputProps('number')}
                description={
                  !contract && proposedNumber && form.values.number === proposedNumber
                    ? t('contractNumbering.proposed')
                    : undefined
                }
                data-testid="contract-number"
                data-autofocus={!readOnly || undefined}
              />
              <TextInput
                label={t('fields.contractTitle')}
                withAsterisk
                {...form.getInputProps('title')}
                data-testid="contract-title"
                style={{ gridColumn: 'span 2' }}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AccountPicker
                label={t('fields.accountId')}
                value={form.values.accountId}
                onChange={handleAccountChange}
                error={form.errors.accountId}
                required
              />
              <Select
                label={t('fields.dealId')}
                data={dealOptions}
                clearable
                searchable
                disabled={!form.values.accountId}
                placeholder={
                  form.values.accountId ? undefined : t('contracts.form.chooseAccountFirst')
                }
                nothingFoundMessage={t('contracts.form.noDeals')}
                {...form.getInputProps('dealId')}
                value={form.values.dealId || null}
                onChange={(v: string | null) => form.setFieldValue('dealId', v ?? '')}
                data-testid="contract-deal"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {hidden.has('amount') ? (
                <HiddenFieldInput label={t('fields.amount')} testId="contract-amount" />
              ) : (
                <NumberInput
                  label={t('fields.amount')}
                  min={0}
                  decimalScale={2}
                  thousandSeparator=","
                  prefix="¥"
                  withAsterisk
                  {...form.getInputProps('amount')}
                  data-testid="contract-amount"
                />
              )}
              <Select
                label={t('fields.status')}
                data={statusOptions}
                allowDeselect={false}
                {...form.getInputProps('status')}
                data-testid="contract-status"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {(['signedDate', 'startDate', 'endDate'] as const).map((field) => (
                <DateInput
                  key={field}
                  label={t(`fields.${field}`)}
                  valueFormat="YYYY-MM-DD"
                  clearable
                  {...form.getInputProps(field)}
                  value={form.values[field] || null}
                  onChange={(v: string | null) => form.setFieldValue(field, v ?? '')}
                  data-testid={`contract-${field}`}
                />
              ))}
            </SimpleGrid>

            <Divider label={t('fields.paymentPlan')} labelPosition="left" />
            {hidden.has('paymentPlan') ? (
              <HiddenValue testId="payment-plan-hidden" />
            ) : (
              <div data-testid="payment-plan-editor">
                {form.values.paymentPlan.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('contracts.plan.empty')}
                  </Text>
                ) : (
                  <Table verticalSpacing={4} horizontalSpacing={4}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={170}>{t('contracts.plan.dueDate')}</Table.Th>
                        <Table.Th w={170}>{t('contracts.plan.amount')}</Table.Th>
                        <Table.Th>{t('contracts.plan.note')}</Table.Th>
                        <Table.Th w={40} />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {form.values.paymentPlan.map((row, index) => (
                        <Table.Tr key={row.id} data-testid="plan-row">
                          <Table.Td>
                            <DateInput
                              size="xs"
                              valueFormat="YYYY-MM-DD"
                              aria-label={t('contracts.plan.dueDate')}
                              {...form.getInputProps(`paymentPlan.${index}.dueDate`)}
                              value={row.dueDate || null}
                              onChange={(v: string | null) =>
                                form.setFieldValue(`paymentPlan.${index}.dueDate`, v ?? '')
                              }
                              data-testid="plan-due-date"
                            />
                          </Table.Td>
                          <Table.Td>
                            <NumberInput
                              size="xs"
                              min={0}
                              decimalScale={2}
                              thousandSeparator=","
                              prefix="¥"
                              hideControls
                              aria-label={t('contracts.plan.amount')}
                              {...form.getInputProps(`paymentPlan.${index}.amount`)}
                              data-testid="plan-amount"
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              size="xs"
                              aria-label={t('contracts.plan.note')}
                              {...form.getInputProps(`paymentPlan.${index}.note`)}
                              data-testid="plan-note"
                            />
                          </Table.Td>
                          <Table.Td>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              onClick={() => form.removeListItem('paymentPlan', index)}
                              aria-label={t('contracts.plan.remove')}
                            >
                              <IconTrash size={14} />
                            </ActionIcon>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
                <Group justify="space-between" mt="xs">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} />}
                    onClick={handleAddPlanRow}
                    data-testid="plan-add"
                  >
                    {t('contracts.plan.add')}
                  </Button>
                  {form.values.paymentPlan.length > 0 && (
                    <Text size="sm" data-testid="plan-total">
                      {t('contracts.plan.total', { total: money(planTotal) })}
                    </Text>
                  )}
                </Group>
                {planDiffers && (
                  <Alert
                    mt="xs"
                    color="yellow"
                    variant="light"
                    icon={<IconAlertTriangle size={16} />}
                    data-testid="plan-sum-warning"
                  >
                    {t('contracts.plan.sumMismatch', {
                      plan: money(planTotal),
                      amount: money(amount),
                      difference: money(Math.abs(planDifference(amount, plan))),
                    })}
                  </Alert>
                )}
              </div>
            )}

            <Textarea
              label={t('fields.notes')}
              autosize
              minRows={2}
              {...form.getInputProps('notes')}
              data-testid="contract-notes"
            />
          </Stack>
        </Fieldset>
        <FormActions
          onCancel={onClose}
          saving={create.isPending || update.isPending}
          saveTestId="contract-save"
          access={access}
        />
      </form>
    </Modal>
  );
}
