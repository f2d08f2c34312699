import { useState, type ReactNode } from 'react';
import {
  Divider,
  Fieldset,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { DECISION_POWERS, DECISION_ROLES, type Contact } from '@shared/domain';
import { normalizeEmail, normalizeMobile } from '@shared/validation';
import { useListOptions } from '../../../components/list-options';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import {
  DuplicateWarning,
  duplicateItems as warningItems,
} from '../../accounts/components/duplicate-warning';
import { useDuplicateCheck } from '../../duplicates/queries';
import { AccountPicker } from '../../accounts/components/account-picker';
import { useCreateContactMutation, useUpdateContactMutation } from '../mutations';
import { FormActions } from '../../../components/form-actions';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { HiddenFieldInput } from '../../../components/hidden-field-input';
import { useHiddenFields, withoutHidden } from '../../settings/field-policy';

export interface ContactFormModalProps {
  opened: boolean;
  onClose: () => void;
  accountId?: string;
  contact?: Contact;
  onSaved?: (contact: Contact) => void;
  /** Shown under the form of an existing contact (the account page puts the contact's NPS answers here). */
  footer?: ReactNode;
}

type FormValues = Omit<
  Contact,
  | 'id'
  | 'workspaceId'
  | 'teamId'
  | 'ownerId'
  | 'createdAt'
  | 'updatedAt'
  | 'createdBy'
  | 'updatedBy'
  | 'deleted'
  | 'deletedAt'
  | 'birthdayMonthDay'
  | 'mergedIntoId'
>;

function initialValues(contact: Contact | undefined, accountId: string | undefined): FormValues {
  return {
    accountId: contact?.accountId ?? accountId ?? '',
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    department: contact?.department ?? '',
    mobile: contact?.mobile ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    wechat: contact?.wechat ?? '',
    decisionRole: contact?.decisionRole ?? '',
    decisionPower: contact?.decisionPower ?? '',
    birthday: contact?.birthday ?? '',
    notes: contact?.notes ?? '',
  };
}

/**
 * Create or edit a contact with its place in the customer's decision chain (决策链). Each opening gets a fresh
 * form: a form kept from the last opening would show, for its debounce, a duplicate warning about the contact
 * just saved, and that warning vanishing moves the save button under the pointer.
 */
export function ContactFormModal({
  opened,
  onClose,
  accountId,
  contact,
  onSaved,
  footer,
}: ContactFormModalProps) {
  const { t } = useTranslation();
  const [openings, setOpenings] = useState(0);
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setOpenings((count) => count + 1);
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={contact ? t('contacts.edit') : t('contacts.new')}
      size="lg"
      data-testid="contact-form"
    >
      <ContactForm
        key={`${openings}:${contact?.id ?? ''}:${accountId ?? ''}`}
        onClose={onClose}
        accountId={accountId}
        contact={contact}
        onSaved={onSaved}
        footer={footer}
      />
    </Modal>
  );
}

function ContactForm({
  onClose,
  accountId,
  contact,
  onSaved,
  footer,
}: Omit<ContactFormModalProps, 'opened'>) {
  const { t } = useTranslation();
  const access = useWriteAccess('contacts', contact ?? null);
  // A record this person may not change: values shown, fields disabled, no save (FormActions).
  const readOnly = !access.canWrite;
  const form = useForm<FormValues>({ initialValues: initialValues(contact, accountId) });
  // Fields the field policy hides from this person: shown as hidden, never edited or sent.
  const hidden = useHiddenFields('contacts', contact);
  const create = useCreateContactMutation();
  const update = useUpdateContactMutation();
  const roleOptions = useListOptions('decisionRole', DECISION_ROLES);
  const powerOptions = useListOptions('decisionPower', DECISION_POWERS);
  const [mobile] = useDebouncedValue(normalizeMobile(form.values.mobile), 250);
  const [email] = useDebouncedValue(normalizeEmail(form.values.email), 250);
  // The same person as a contact or someone's open lead, here and (online) anywhere in the workspace.
  const duplicates = useDuplicateCheck({ mobile, email }, contact?.id);

  const handleSubmit = async (values: FormValues) => {
    try {
      const saved = contact
        ? await update.mutateAsync({ id: contact.id, patch: withoutHidden(values, hidden) })
        : await create.mutateAsync(values);
      notifySaved(t);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      reportWriteError(error, t, form);
    }
  };

  const duplicateItems = warningItems(duplicates.matches);
  const pick = (key: 'decisionRole' | 'decisionPower') => (value: string | null) =>
    form.setFieldValue(key, (value ?? '') as never);

  return (
    <>
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Fieldset variant="unstyled" disabled={readOnly}>
          <Stack>
            <AccountPicker
              label={t('fields.accountId')}
              value={form.values.accountId}
              onChange={(id) => form.setFieldValue('accountId', id)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('fields.contactName')}
                withAsterisk
                {...form.getInputProps('name')}
                data-testid="contact-name"
                data-autofocus={!readOnly || undefined}
              />
              <TextInput
                label={t('fields.title')}
                {...form.getInputProps('title')}
                data-testid="contact-title"
              />
              {hidden.has('mobile') ? (
                <HiddenFieldInput label={t('fields.mobile')} testId="contact-mobile" />
              ) : (
                <TextInput
                  label={t('fields.mobile')}
                  {...form.getInputProps('mobile')}
                  data-testid="contact-mobile"
                />
              )}
              {hidden.has('email') ? (
                <HiddenFieldInput label={t('fields.email')} testId="contact-email" />
              ) : (
                <TextInput
                  label={t('fields.email')}
                  {...form.getInputProps('email')}
                  data-testid="contact-email"
                />
              )}
              <Select
                label={t('fields.decisionRole')}
                data={roleOptions}
                clearable
                value={form.values.decisionRole || null}
                onChange={pick('decisionRole')}
                error={form.errors.decisionRole}
                data-testid="contact-role"
              />
              <Select
                label={t('fields.decisionPower')}
                data={powerOptions}
                clearable
                value={form.values.decisionPower || null}
                onChange={pick('decisionPower')}
                error={form.errors.decisionPower}
                data-testid="contact-power"
              />
              <TextInput label={t('fields.department')} {...form.getInputProps('department')} />
              {hidden.has('wechat') ? (
                <HiddenFieldInput label={t('fields.wechat')} testId="contact-wechat" />
              ) : (
                <TextInput
                  label={t('fields.wechat')}
                  {...form.getInputProps('wechat')}
                  data-testid="contact-wechat"
                />
              )}
            </SimpleGrid>
            <DuplicateWarning items={duplicateItems} elsewhere={duplicates.elsewhere} />
            <Textarea
              label={t('fields.notes')}
              autosize
              minRows={2}
              {...form.getInputProps('notes')}
            />
          </Stack>
        </Fieldset>
        <FormActions
          onCancel={onClose}
          saving={create.isPending || update.isPending}
          saveTestId="contact-save"
          access={access}
        />
      </form>
      {contact && footer && (
        <>
          <Divider my="md" />
          {footer}
        </>
      )}
    </>
  );
}
