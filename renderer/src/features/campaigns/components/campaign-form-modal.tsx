import { useState, type FormEvent } from 'react';
import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_CHANNELS, campaignValueSchema, type CampaignValue } from '@shared/domain';
import { useListOptions } from '../../../components/list-options';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { FormActions } from '../../../components/form-actions';
import { todayString } from '../../../components/format';
import { useSaveCampaignMutation } from '../../../entities/campaigns/queries';
import type { Campaign } from '../../../data/repositories/setting-repository';
import type { WriteAccess } from '../../../hooks/use-write-access';

/** A NumberInput left empty holds '': NaN, so the shared schema names the field. */
const toNumber = (value: string | number): number =>
  typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);

type Draft = Omit<CampaignValue, 'channel' | 'budget' | 'actualCost'> & {
  channel: string;
  budget: number | string;
  actualCost: number | string;
};

function draftOf(campaign: Campaign | undefined): Draft {
  return (
    campaign?.value ?? {
      name: '',
      channel: '',
      startDate: todayString(),
      endDate: '',
      budget: 0,
      actualCost: 0,
      notes: '',
    }
  );
}

/** Create or edit one campaign; validated by the schema the server holds the setting to. */
export function CampaignFormModal(props: {
  opened: boolean;
  onClose: () => void;
  campaign?: Campaign;
  access: WriteAccess;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.campaign ? t('campaigns.edit') : t('campaigns.new')}
      size="lg"
    >
      {props.opened && (
        <CampaignForm campaign={props.campaign} onClose={props.onClose} access={props.access} />
      )}
    </Modal>
  );
}

function CampaignForm({
  campaign,
  onClose,
  access,
}: {
  campaign?: Campaign;
  onClose: () => void;
  access: WriteAccess;
}) {
  const { t } = useTranslation();
  const readOnly = !access.canWrite;
  const channelOptions = useListOptions('campaignChannel', CAMPAIGN_CHANNELS);
  const save = useSaveCampaignMutation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(campaign));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const errorAt = (field: string) => (errors[field] ? t(errors[field]) : undefined);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = campaignValueSchema.safeParse({
      ...draft,
      budget: toNumber(draft.budget),
      actualCost: toNumber(draft.actualCost),
    });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate(
      { id: campaign?.id, value: parsed.data },
      {
        onSuccess: () => {
          notifySaved(t);
          onClose();
        },
        onError: (error) => reportWriteError(error, t),
      },
    );
  };

  return (
    <form onSubmit={handleSubmit} noValidate data-testid="campaign-form">
      <Stack gap="sm">
        <TextInput
          label={t('campaigns.field.name')}
          withAsterisk
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errorAt('name')}
          disabled={readOnly}
          data-autofocus
          data-testid="campaign-name"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('campaigns.field.channel')}
            withAsterisk
            data={channelOptions}
            value={draft.channel || null}
            onChange={(value) => set({ channel: value ?? '' })}
            error={errorAt('channel')}
            disabled={readOnly}
            data-testid="campaign-channel"
          />
          <TextInput
            label={t('campaigns.field.startDate')}
            withAsterisk
            type="date"
            value={draft.startDate}
            onChange={(e) => set({ startDate: e.currentTarget.value })}
            error={errorAt('startDate')}
            disabled={readOnly}
            data-testid="campaign-start"
          />
          <TextInput
            label={t('campaigns.field.endDate')}
            description={t('campaigns.field.endDateHint')}
            type="date"
            value={draft.endDate}
            onChange={(e) => set({ endDate: e.currentTarget.value })}
            error={errorAt('endDate')}
            disabled={readOnly}
            data-testid="campaign-end"
          />
          <NumberInput
            label={t('campaigns.field.budget')}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            value={draft.budget}
            onChange={(value) => set({ budget: value })}
            error={errorAt('budget')}
            disabled={readOnly}
            data-testid="campaign-budget"
          />
          <NumberInput
            label={t('campaigns.field.actualCost')}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            value={draft.actualCost}
            onChange={(value) => set({ actualCost: value })}
            error={errorAt('actualCost')}
            disabled={readOnly}
            data-testid="campaign-cost"
          />
        </SimpleGrid>
        <Textarea
          label={t('campaigns.field.notes')}
          autosize
          minRows={2}
          value={draft.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          error={errorAt('notes')}
          disabled={readOnly}
          data-testid="campaign-notes"
        />
        <FormActions
          onCancel={onClose}
          saving={save.isPending}
          saveTestId="campaign-save"
          access={access}
        />
      </Stack>
    </form>
  );
}
