import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEFAULT_PIPELINE_ID, type Lead } from '@shared/domain';
import { usePipelinesQuery } from '../../../entities/deals/queries';
import { reportWriteError } from '../../../components/write-errors';
import { useAccountDuplicates } from '../../../entities/accounts/queries';
import { useUserMap } from '../../../entities/members/queries';
import { useConvertLeadMutation } from '../../../entities/leads/mutations';

export interface ConvertLeadModalProps {
  opened: boolean;
  onClose: () => void;
  lead: Lead | null;
}

const NEW_ACCOUNT = 'new';

/**
 * 线索转化: the lead becomes an account + contact and, if wanted, a deal. When the company
 * already exists (防撞单) the person can attach the contact to that account instead of creating a duplicate.
 */
export function ConvertLeadModal({ opened, onClose, lead }: ConvertLeadModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.convert.title')} size="lg">
      {opened && lead && <ConvertLeadForm lead={lead} onClose={onClose} />}
    </Modal>
  );
}

interface FormValues {
  accountName: string;
  target: string;
  createDeal: boolean;
  dealName: string;
  dealAmount: number | string;
  pipelineId: string;
}

function ConvertLeadForm({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const userMap = useUserMap();
  const convert = useConvertLeadMutation();
  const pipelines = usePipelinesQuery();
  const company = lead.company || lead.name;
  const form = useForm<FormValues>({
    initialValues: {
      accountName: company,
      target: NEW_ACCOUNT,
      createDeal: true,
      dealName: t('leads.convert.defaultDealName', { company }),
      dealAmount: 0,
      pipelineId: DEFAULT_PIPELINE_ID,
    },
    validate: {
      accountName: (value, values) =>
        values.target !== NEW_ACCOUNT || value.trim() ? null : t('validation.required'),
      dealName: (value, values) =>
        !values.createDeal || value.trim() ? null : t('validation.required'),
    },
  });
  const values = form.getValues();
  const [accountName] = useDebouncedValue(values.accountName, 300);
  const { data: duplicates } = useAccountDuplicates(accountName, '');
  const matches = duplicates ?? [];
  // An account chosen earlier stays selectable even if the name was edited afterwards.
  const targetVisible =
    values.target === NEW_ACCOUNT || matches.some((m) => m.record.id === values.target);

  const handleSubmit = (v: FormValues) => {
    const existingAccountId = v.target !== NEW_ACCOUNT && targetVisible ? v.target : undefined;
    convert.mutate(
      {
        lead,
        options: {
          existingAccountId,
          accountName: v.accountName.trim(),
          createDeal: v.createDeal,
          dealName: v.dealName.trim(),
          dealAmount: typeof v.dealAmount === 'number' ? v.dealAmount : Number(v.dealAmount) || 0,
          pipelineId: v.pipelineId,
        },
      },
      {
        onSuccess: ({ account }) => {
          notifications.show({
            color: 'green',
            message: t('leads.convert.done', { account: account.name }),
          });
          onClose();
          void navigate(`/accounts/${account.id}`);
        },
        // Field issues of the new account name belong next to that field; the rest are listed in the notice.
        onError: (error) =>
          reportWriteError(error, t, {
            setErrors: (errors) => form.setErrors(errors.name ? { accountName: errors.name } : {}),
          }),
      },
    );
  };

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} data-testid="convert-lead-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('leads.convert.description', { name: lead.name })}
        </Text>
        <TextInput
          label={t('fields.accountName')}
          withAsterisk={values.target === NEW_ACCOUNT}
          disabled={values.target !== NEW_ACCOUNT && targetVisible}
          {...form.getInputProps('accountName')}
          data-testid="convert-account-name"
          data-autofocus={values.target === NEW_ACCOUNT || !targetVisible || undefined}
        />
        {matches.length > 0 && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={16} />}
            title={t('leads.convert.duplicatesTitle')}
            data-testid="convert-duplicates"
          >
            <Radio.Group
              value={targetVisible ? values.target : NEW_ACCOUNT}
              onChange={(value) => form.setFieldValue('target', value)}
            >
              <Stack gap="xs" mt="xs">
                {matches.map((match) => (
                  <Radio
                    key={match.record.id}
                    value={match.record.id}
                    label={t('leads.convert.attachTo', {
                      name: match.record.name,
                      owner: userMap.get(match.record.ownerId)?.name ?? t('common.unknown'),
                    })}
                    description={match.reasons
                      .map((reason) => t(`leads.convert.reason.${reason}`))
                      .join(' · ')}
                    data-testid="convert-attach-existing"
                  />
                ))}
                <Radio
                  value={NEW_ACCOUNT}
                  label={t('leads.convert.createNew')}
                  data-testid="convert-create-new"
                />
              </Stack>
            </Radio.Group>
          </Alert>
        )}
        <Checkbox
          label={t('leads.convert.createDeal')}
          {...form.getInputProps('createDeal', { type: 'checkbox' })}
          data-testid="convert-create-deal"
        />
        {values.createDeal && (
          <Group grow align="flex-start">
            <TextInput
              label={t('fields.dealName')}
              withAsterisk
              {...form.getInputProps('dealName')}
              data-testid="convert-deal-name"
            />
            <NumberInput
              label={t('fields.dealAmount')}
              min={0}
              thousandSeparator=","
              prefix="¥"
              allowNegative={false}
              {...form.getInputProps('dealAmount')}
              data-testid="convert-deal-amount"
            />
          </Group>
        )}
        {values.createDeal && (pipelines.data?.length ?? 0) > 1 && (
          <Select
            label={t('leads.convert.pipeline')}
            data={(pipelines.data ?? []).map((p) => ({
              value: p.id,
              label:
                p.value.name === 'default' ? t('settings.pipelines.defaultName') : p.value.name,
            }))}
            allowDeselect={false}
            {...form.getInputProps('pipelineId')}
            data-testid="convert-deal-pipeline"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={convert.isPending} data-testid="convert-lead-submit">
            {t('leads.convert.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
