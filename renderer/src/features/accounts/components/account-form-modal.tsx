import { useEffect } from 'react';
import {
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  LEAD_SOURCES,
  LIFECYCLE_TAGS,
  REGIONS,
  SIZE_BANDS,
  type Account,
} from '@shared/domain';
import { looksLikeFullCompanyName, normalizeCreditCode } from '@shared/validation';
import { useListOptions } from '../../../components/list-options';
import { IndustrySelect } from '../../../components/industry-select';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { ReadOnlyMarker } from '../../../components/read-only-marker';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { HiddenFieldInput } from '../../../components/hidden-field-input';
import { useHiddenFields, withoutHidden } from '../../../entities/settings/field-policy';
import { useOwnerOptions } from '../../../entities/members/queries';
import { useDuplicateCheck } from '../../../entities/duplicates/queries';
import {
  useCreateAccountMutation,
  useUpdateAccountMutation,
  type AccountInput,
} from '../../../entities/accounts/mutations';
import {
  DuplicateWarning,
  duplicateItems as warningItems,
} from '../../../entities/accounts/components/duplicate-warning';

export interface AccountFormModalProps {
  opened: boolean;
  onClose: () => void;
  account?: Account;
  onSaved?: (account: Account) => void;
}

type FormValues = Omit<AccountInput, 'nameKey'> & { ownerId: string };

function initialValues(account?: Account): FormValues {
  return {
    name: account?.name ?? '',
    creditCode: account?.creditCode ?? '',
    industry: account?.industry ?? '',
    sizeBand: account?.sizeBand ?? '',
    region: account?.region ?? '',
    source: account?.source ?? '',
    tier: account?.tier ?? '',
    status: account?.status ?? 'prospect',
    tags: account?.tags ?? [],
    phone: account?.phone ?? '',
    website: account?.website ?? '',
    address: account?.address ?? '',
    notes: account?.notes ?? '',
    customerSince: account?.customerSince ?? '',
    ownerId: account?.ownerId ?? '',
  };
}

/**
 * Create or edit an account. Validation is the shared zod schema run by the repository, so every field
 * error here is exactly what the server would say; while typing, the duplicate check (防撞单) looks up
 * the credit code and normalized name and shows who already owns a matching company.
 */
export function AccountFormModal({ opened, onClose, account, onSaved }: AccountFormModalProps) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({ initialValues: initialValues(account) });
  const create = useCreateAccountMutation();
  const update = useUpdateAccountMutation();
  // Only the people this person may hand the account to (the server holds the same rule).
  const ownerOptions = useOwnerOptions(account?.ownerId);
  const access = useWriteAccess('accounts', account ?? null);
  // Until the rights are known nothing is offered; a read-only person sees the values without edit controls.
  const readOnly = !access.canWrite;
  // Fields the field policy hides from this person: shown as hidden, never edited or sent.
  const hidden = useHiddenFields('accounts', account);
  const sizeOptions = useListOptions('sizeBand', SIZE_BANDS);
  const regionOptions = useListOptions('region', REGIONS);
  const sourceOptions = useListOptions('source', LEAD_SOURCES);
  const tierOptions = useListOptions('tier', ACCOUNT_TIERS);
  const statusOptions = useListOptions('accountStatus', ACCOUNT_STATUSES);
  const tagOptions = useListOptions('lifecycleTag', LIFECYCLE_TAGS);

  const [name] = useDebouncedValue(form.values.name, 250);
  const [creditCode] = useDebouncedValue(form.values.creditCode, 250);
  // 撞单 against accounts, contacts and open leads here, and (online) the whole workspace on the server.
  const duplicates = useDuplicateCheck({ name, creditCode }, account?.id);

  useEffect(() => {
    if (opened) form.setValues(initialValues(account));
    // Reset only when the modal opens or the edited record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, account?.id]);

  const handleSubmit = async (values: FormValues) => {
    if (readOnly) return;
    const { ownerId, ...fields } = values;
    try {
      const saved = account
        ? await update.mutateAsync({
            id: account.id,
            patch: { ...withoutHidden(fields, hidden), ...(ownerId ? { ownerId } : {}) },
          })
        : await create.mutateAsync({ ...fields, nameKey: '', ...(ownerId ? { ownerId } : {}) });
      notifySaved(t);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      reportWriteError(error, t, form);
    }
  };

  const duplicateItems = warningItems(duplicates.matches);
  // One company, one account: a credit code another account holds is refused (the repository and the server
  // hold the same rule); a code the edited account already had is left alone. Name matches stay warnings.
  const codeChanged =
    normalizeCreditCode(creditCode) !== normalizeCreditCode(account?.creditCode ?? '');
  const codeTaken =
    codeChanged &&
    [...duplicates.matches, ...duplicates.elsewhere].some(
      (match) =>
        match.kind === 'accounts' &&
        ('reasons' in match ? match.reasons.includes('creditCode') : match.reason === 'creditCode'),
    );
  const showNameHint =
    form.values.name.trim().length >= 2 && !looksLikeFullCompanyName(form.values.name);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={account ? (readOnly ? account.name : t('accounts.edit')) : t('accounts.new')}
      size="xl"
      data-testid="account-form"
    >
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Stack>
          <ReadOnlyMarker access={access} />
          <Fieldset variant="unstyled" disabled={readOnly} data-testid="account-fields">
            <Stack>
              <TextInput
                label={t('fields.accountName')}
                withAsterisk
                {...form.getInputProps('name')}
                data-testid="account-name"
                data-autofocus={!readOnly || undefined}
              />
              {showNameHint && (
                <Text size="xs" c="dimmed">
                  {t('accounts.notFullName')}
                </Text>
              )}
              <TextInput
                label={t('fields.creditCode')}
                maxLength={22}
                {...form.getInputProps('creditCode')}
                error={
                  form.errors.creditCode ??
                  (codeTaken ? t('accounts.duplicate.creditCodeTaken') : undefined)
                }
                data-testid="account-credit-code"
              />
              <DuplicateWarning items={duplicateItems} elsewhere={duplicates.elsewhere} />
              <IndustrySelect
                value={form.values.industry}
                onChange={(code) => form.setFieldValue('industry', code)}
                error={form.errors.industry}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('fields.sizeBand')}
                  data={sizeOptions}
                  clearable
                  {...form.getInputProps('sizeBand')}
                  onChange={(v) =>
                    form.setFieldValue('sizeBand', (v ?? '') as FormValues['sizeBand'])
                  }
                />
                <Select
                  label={t('fields.region')}
                  data={regionOptions}
                  searchable
                  clearable
                  {...form.getInputProps('region')}
                  onChange={(v) => form.setFieldValue('region', (v ?? '') as FormValues['region'])}
                />
                <Select
                  label={t('fields.source')}
                  data={sourceOptions}
                  clearable
                  {...form.getInputProps('source')}
                  onChange={(v) => form.setFieldValue('source', (v ?? '') as FormValues['source'])}
                />
                <Select
                  label={t('fields.status')}
                  data={statusOptions}
                  allowDeselect={false}
                  {...form.getInputProps('status')}
                />
                <Select
                  label={t('fields.tier')}
                  data={tierOptions}
                  clearable
                  {...form.getInputProps('tier')}
                  onChange={(v) => form.setFieldValue('tier', (v ?? '') as FormValues['tier'])}
                />
                <Select
                  label={t('fields.ownerId')}
                  data={ownerOptions}
                  value={form.values.ownerId || null}
                  error={form.errors.ownerId}
                  onChange={(v) => form.setFieldValue('ownerId', v ?? '')}
                />
              </SimpleGrid>
              <MultiSelect
                label={t('fields.tags')}
                data={tagOptions}
                {...form.getInputProps('tags')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {hidden.has('phone') ? (
                  <HiddenFieldInput label={t('fields.phone')} testId="account-phone" />
                ) : (
                  <TextInput label={t('fields.phone')} {...form.getInputProps('phone')} />
                )}
                <TextInput label={t('fields.website')} {...form.getInputProps('website')} />
              </SimpleGrid>
              <TextInput label={t('fields.address')} {...form.getInputProps('address')} />
              {/* The anniversary reminder counts from this date (issue 18); the browser's picker gives YYYY-MM-DD. */}
              <TextInput
                type="date"
                label={t('fields.customerSince')}
                data-testid="account-customer-since"
                {...form.getInputProps('customerSince')}
              />
              <Textarea
                label={t('fields.notes')}
                autosize
                minRows={2}
                {...form.getInputProps('notes')}
              />
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? t('common.close') : t('common.cancel')}
            </Button>
            {!readOnly && (
              <Button
                type="submit"
                loading={create.isPending || update.isPending}
                disabled={codeTaken}
                data-testid="account-save"
              >
                {duplicateItems.length + duplicates.elsewhere.length > 0
                  ? t('accounts.duplicate.saveAnyway')
                  : t('common.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
