import { useEffect, useMemo } from 'react';
import {
  Alert,
  Divider,
  Fieldset,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  DEFAULT_PIPELINE_ID,
  FORECAST_CATEGORIES,
  LEAD_SOURCES,
  type Deal,
  type PipelineValue,
} from '@shared/domain';
import { useHiddenFields } from '../../settings/field-policy';
import { HiddenFieldInput } from '../../../components/hidden-field-input';
import { lineItemsTotal } from '@shared/rules/deal-math';
import { decisionChainOrder } from '@shared/rules/decision-chain';
import {
  checkStageEntry,
  derivedDealFields,
  moveDealToStage,
  stageEntryChanges,
  type DealStageRefusal,
} from '@shared/rules/deal-stage';
import { useListOptions } from '../../../components/list-options';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { stageRefusalError } from '../../../data/repositories/deal-repository';
import { AccountPicker } from '../../accounts/components/account-picker';
import { useOwnerOptions } from '../../members/queries';
import { usePipelineQuery } from '../queries';
import { useContactsByAccount } from '../../contacts/queries';
import { useCreateDealMutation, useUpdateDealMutation, type DealInput } from '../mutations';
import { stageLabel } from '../stage-label';
import {
  LineItemsEditor,
  parseLineItems,
  toNumber,
  type LineItemValues,
} from './line-items-editor';
import { FormActions } from '../../../components/form-actions';
import { CampaignSelect } from '../../campaigns/components/campaign-select';
import { useWriteAccess } from '../../../hooks/use-write-access';

export interface DealFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Preselected account (new deal from the account page). */
  accountId?: string;
  /** Preselected contact (new deal from a contact). */
  contactId?: string;
  /** The deal to edit; a new deal when omitted. */
  deal?: Deal;
  /**
   * The stage to put the deal in. Used when a board move or stage button was refused by the stage gate: the form
   * opens on the target stage with the missing fields marked.
   */
  stageId?: string;
  /** The pipeline of a new deal (the board's); an edited deal keeps its own. Default pipeline when omitted. */
  pipelineId?: string;
  onSaved?: (deal: Deal) => void;
}

interface DealFormValues {
  name: string;
  accountId: string;
  contactId: string;
  stage: string;
  amount: number | string;
  probability: number | string;
  closeDate: string;
  budget: string;
  decisionMakerId: string;
  competitor: string;
  source: Deal['source'];
  campaign: string;
  campaignId: string;
  forecastCategory: Deal['forecastCategory'];
  lostReason: string;
  ownerId: string;
  notes: string;
  lineItems: LineItemValues[];
}

function initialValues(
  pipeline: PipelineValue | undefined,
  deal?: Deal,
  accountId?: string,
  contactId?: string,
  stageId?: string,
): DealFormValues {
  const firstOpen = pipeline?.stages.find((s) => s.outcome === 'open') ?? pipeline?.stages[0];
  const stage = pipeline?.stages.find((s) => s.id === (stageId ?? deal?.stage)) ?? firstOpen;
  const stageChanged = !!stageId && stageId !== deal?.stage;
  return {
    name: deal?.name ?? '',
    accountId: deal?.accountId ?? accountId ?? '',
    contactId: deal?.contactId ?? contactId ?? '',
    stage: stage?.id ?? deal?.stage ?? '',
    amount: deal?.amount ?? 0,
    // Entering a stage proposes its probability (the shared command's); the person may change it.
    probability:
      deal && !stageChanged ? deal.probability : stage ? stageEntryChanges(stage).probability : 10,
    closeDate: deal?.closeDate ?? '',
    budget: deal?.budget ?? '',
    decisionMakerId: deal?.decisionMakerId ?? '',
    competitor: deal?.competitor ?? '',
    source: deal?.source ?? '',
    campaign: deal?.campaign ?? '',
    campaignId: deal?.campaignId ?? '',
    forecastCategory: deal?.forecastCategory ?? '',
    lostReason: deal?.lostReason ?? '',
    ownerId: deal?.ownerId ?? '',
    notes: deal?.notes ?? '',
    lineItems: (deal?.lineItems ?? []).map((item) => ({ ...item })),
  };
}

/** The deal fields the form would save (the amount follows the line items when there are any). */
function toFields(values: DealFormValues) {
  const lineItems = parseLineItems(values.lineItems);
  const { ownerId, ...rest } = values;
  return {
    ownerId,
    fields: {
      ...rest,
      amount: derivedDealFields({ name: '', amount: toNumber(values.amount), lineItems }).amount,
      probability: Math.round(toNumber(values.probability)),
      lineItems,
    },
  };
}

/** Marks each empty field the stage requires, and says which stage asks for it. */
function gateErrors(
  refusal: Extract<DealStageRefusal, { reason: 'stageGate' }>,
  t: TFunction,
): Record<string, string> {
  const message = t('deals.gate.fieldRequired', { stage: stageLabel(t, refusal.stage) });
  return Object.fromEntries(refusal.missing.map((field) => [field, message]));
}

/**
 * Create or edit a deal (商机). The stage gate is checked before saving so the person sees
 * which fields the chosen stage needs right next to those fields; the mutation checks it again, and the
 * shared zod schema (run by the repository) reports format errors per field.
 */
export function DealFormModal({
  opened,
  onClose,
  accountId,
  contactId,
  deal,
  stageId,
  pipelineId,
  onSaved,
}: DealFormModalProps) {
  const { t } = useTranslation();
  const access = useWriteAccess('deals', deal ?? null);
  // A record this person may not change: values shown, fields disabled, no save (FormActions).
  const readOnly = !access.canWrite;
  const ownPipelineId = deal?.pipelineId ?? pipelineId ?? DEFAULT_PIPELINE_ID;
  const pipeline = usePipelineQuery(ownPipelineId).data;
  const form = useForm<DealFormValues>({
    mode: 'controlled',
    initialValues: initialValues(pipeline, deal, accountId, contactId, stageId),
  });
  const create = useCreateDealMutation();
  const update = useUpdateDealMutation();
  const ownerOptions = useOwnerOptions(deal?.ownerId);
  const sourceOptions = useListOptions('source', LEAD_SOURCES);
  const forecastOptions = useListOptions('forecastCategory', FORECAST_CATEGORIES);
  const contacts = useContactsByAccount(form.values.accountId || undefined);

  useEffect(() => {
    if (!opened) return;
    const values = initialValues(pipeline, deal, accountId, contactId, stageId);
    form.setValues(values);
    form.resetDirty(values);
    const move = deal && pipeline && stageId ? moveDealToStage(deal, stageId, pipeline) : null;
    if (move && !move.ok && move.refusal.reason === 'stageGate')
      form.setErrors(gateErrors(move.refusal, t));
    else form.clearErrors();
    // Reset only when the modal opens, the edited record changes or the pipeline arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, deal?.id, accountId, contactId, stageId, pipeline]);

  const stageOptions = useMemo(
    () => (pipeline?.stages ?? []).map((s) => ({ value: s.id, label: stageLabel(t, s) })),
    [pipeline, t],
  );
  const contactOptions = useMemo(
    () =>
      (contacts.data ?? []).map((c) => ({
        value: c.id,
        label: c.title ? `${c.name} · ${c.title}` : c.name,
      })),
    [contacts.data],
  );
  // The decision maker is picked from the decision chain first: 决策人, then the other roles (issue 16).
  const decisionMakerOptions = useMemo(
    () =>
      decisionChainOrder(contacts.data ?? []).map((c) => {
        const name = c.title ? `${c.name} · ${c.title}` : c.name;
        return {
          value: c.id,
          label: c.decisionRole ? `${name} · ${t(`lists.decisionRole.${c.decisionRole}`)}` : name,
        };
      }),
    [contacts.data, t],
  );
  const selectedStage = pipeline?.stages.find((s) => s.id === form.values.stage);
  const hasLineItems = form.values.lineItems.length > 0;
  // Fields the field policy hides from this person: shown as hidden and never edited here (the server
  // refuses a change to them, sync.rejected.hiddenField).
  const hidden = useHiddenFields('deals', deal);
  const showLostReason = selectedStage?.outcome === 'lost' || form.values.lostReason !== '';

  const handleAccountChange = (id: string) => {
    form.setFieldValue('accountId', id);
    // Contacts belong to an account: a different account means choosing them again.
    if (id !== form.values.accountId) {
      form.setFieldValue('contactId', '');
      form.setFieldValue('decisionMakerId', '');
    }
  };

  const handleStageChange = (id: string | null) => {
    if (!id) return;
    form.setFieldValue('stage', id);
    const stage = pipeline?.stages.find((s) => s.id === id);
    if (stage) form.setFieldValue('probability', stageEntryChanges(stage).probability);
    form.clearErrors();
  };

  const handleSubmit = async (values: DealFormValues) => {
    const { ownerId, fields } = toFields(values);
    // Entering a stage (new deal, or a different stage): its gate applies (the same shared check the
    // repository and the server make); an unknown stage is left to the mutation to report.
    const refusal = pipeline
      ? checkStageEntry(deal ?? null, { ...(deal ?? {}), ...fields } as Deal, pipeline)
      : null;
    if (refusal?.reason === 'stageGate') {
      form.setErrors(gateErrors(refusal, t));
      reportWriteError(stageRefusalError(refusal), t);
      return;
    }
    try {
      const saved = deal
        ? await update.mutateAsync({
            id: deal.id,
            patch: { ...fields, ...(ownerId ? { ownerId } : {}) },
          })
        : await create.mutateAsync({
            ...fields,
            pipelineId: ownPipelineId,
            currency: 'CNY',
            ...(ownerId ? { ownerId } : {}),
          } satisfies DealInput);
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
      title={deal ? t('deals.edit') : t('deals.new')}
      size="xl"
      data-testid="deal-form"
    >
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Fieldset variant="unstyled" disabled={readOnly}>
          <Stack>
            {stageId &&
              deal &&
              selectedStage &&
              stageId === selectedStage.id &&
              stageId !== deal.stage && (
                <Alert color="orange" variant="light" data-testid="deal-form-gate-hint">
                  {t('deals.gate.fillToMove', { stage: stageLabel(t, selectedStage) })}
                </Alert>
              )}
            <TextInput
              label={t('fields.dealName')}
              withAsterisk
              {...form.getInputProps('name')}
              data-testid="deal-name"
              data-autofocus={!readOnly || undefined}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AccountPicker
                label={t('fields.accountId')}
                value={form.values.accountId}
                onChange={handleAccountChange}
                error={form.errors.accountId}
              />
              <Select
                label={t('fields.contactId')}
                data={contactOptions}
                clearable
                searchable
                disabled={!form.values.accountId}
                placeholder={form.values.accountId ? undefined : t('deals.form.chooseAccountFirst')}
                nothingFoundMessage={t('deals.form.noContacts')}
                {...form.getInputProps('contactId')}
                value={form.values.contactId || null}
                onChange={(v: string | null) => form.setFieldValue('contactId', v ?? '')}
                data-testid="deal-contact"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('fields.stage')}
                data={stageOptions}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('stage')}
                onChange={handleStageChange}
                data-testid="deal-stage"
              />
              {hidden.has('amount') ? (
                <HiddenFieldInput label={t('fields.amount')} testId="deal-amount" />
              ) : (
                <NumberInput
                  label={t('fields.amount')}
                  description={hasLineItems ? t('deals.form.amountFromLineItems') : undefined}
                  min={0}
                  decimalScale={2}
                  thousandSeparator=","
                  prefix="¥"
                  disabled={hasLineItems}
                  {...form.getInputProps('amount')}
                  value={
                    hasLineItems
                      ? lineItemsTotal(parseLineItems(form.values.lineItems))
                      : form.values.amount
                  }
                  data-testid="deal-amount"
                />
              )}
              <NumberInput
                label={t('fields.probability')}
                min={0}
                max={100}
                suffix="%"
                allowDecimal={false}
                {...form.getInputProps('probability')}
                data-testid="deal-probability"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateInput
                label={t('fields.closeDate')}
                valueFormat="YYYY-MM-DD"
                clearable
                {...form.getInputProps('closeDate')}
                value={form.values.closeDate || null}
                onChange={(v: string | null) => form.setFieldValue('closeDate', v ?? '')}
                data-testid="deal-close-date"
              />
              <Select
                label={t('fields.ownerId')}
                data={ownerOptions}
                {...form.getInputProps('ownerId')}
                value={form.values.ownerId || null}
                onChange={(v: string | null) => form.setFieldValue('ownerId', v ?? '')}
                data-testid="deal-owner"
              />
              <Select
                label={t('fields.source')}
                data={sourceOptions}
                clearable
                {...form.getInputProps('source')}
                value={form.values.source || null}
                onChange={(v: string | null) =>
                  form.setFieldValue('source', (v ?? '') as DealFormValues['source'])
                }
                data-testid="deal-source"
              />
            </SimpleGrid>
            {/* The rep's forecast call, on open deals only (closed ones count as won or not at all). */}
            {selectedStage?.outcome === 'open' && (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('fields.forecastCategory')}
                  data={forecastOptions}
                  clearable
                  placeholder={t('forecast.categoryUnset')}
                  {...form.getInputProps('forecastCategory')}
                  value={form.values.forecastCategory || null}
                  onChange={(v: string | null) =>
                    form.setFieldValue(
                      'forecastCategory',
                      (v ?? '') as DealFormValues['forecastCategory'],
                    )
                  }
                  data-testid="deal-forecast-category"
                />
              </SimpleGrid>
            )}
            <Divider label={t('deals.form.qualification')} labelPosition="left" />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {hidden.has('budget') ? (
                <HiddenFieldInput label={t('fields.budget')} testId="deal-budget" />
              ) : (
                <TextInput
                  label={t('fields.budget')}
                  placeholder={t('deals.form.budgetPlaceholder')}
                  {...form.getInputProps('budget')}
                  data-testid="deal-budget"
                />
              )}
              <Select
                label={t('fields.decisionMakerId')}
                data={decisionMakerOptions}
                clearable
                searchable
                disabled={!form.values.accountId}
                placeholder={form.values.accountId ? undefined : t('deals.form.chooseAccountFirst')}
                nothingFoundMessage={t('deals.form.noContacts')}
                {...form.getInputProps('decisionMakerId')}
                value={form.values.decisionMakerId || null}
                onChange={(v: string | null) => form.setFieldValue('decisionMakerId', v ?? '')}
                data-testid="deal-decision-maker"
              />
              <TextInput
                label={t('fields.competitor')}
                {...form.getInputProps('competitor')}
                data-testid="deal-competitor"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <CampaignSelect
                value={form.values.campaignId}
                onChange={(id) => form.setFieldValue('campaignId', id)}
                testId="deal-campaign-id"
              />
              {/* Free text from before campaigns were records: kept while no campaign is picked. */}
              {form.values.campaignId === '' && form.values.campaign !== '' && (
                <TextInput
                  label={t('campaigns.legacyText')}
                  {...form.getInputProps('campaign')}
                  data-testid="deal-campaign"
                />
              )}
              {showLostReason && (
                <TextInput
                  label={t('fields.lostReason')}
                  {...form.getInputProps('lostReason')}
                  data-testid="deal-lost-reason"
                />
              )}
            </SimpleGrid>
            {!hidden.has('lineItems') && <LineItemsEditor form={form} />}
            <Textarea
              label={t('fields.notes')}
              autosize
              minRows={2}
              {...form.getInputProps('notes')}
              data-testid="deal-notes"
            />
          </Stack>
        </Fieldset>
        <FormActions
          onCancel={onClose}
          saving={create.isPending || update.isPending}
          saveTestId="deal-save"
          access={access}
        />
      </form>
    </Modal>
  );
}
