import { useMemo } from 'react';
import { Fieldset, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TICKET_LANGUAGES, TICKET_PRIORITIES, TICKET_TYPES, type Ticket } from '@shared/domain';
import { useTicketRoutingQuery } from '../../settings/ticket-routing';
import { useWorkspace } from '../../../hooks/use-workspace';
import { useListOptions } from '../../../components/list-options';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { AccountSelect } from '../../accounts/components/account-select';
import { useContactsByAccount } from '../../contacts/queries';
import { useUserOptions } from '../../members/queries';
import { useCreateTicketMutation, useUpdateTicketMutation } from '../mutations';
import { FormActions } from '../../../components/form-actions';
import { useWriteAccess } from '../../../hooks/use-write-access';

export interface TicketFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Account to file the ticket under (prefilled and still changeable). */
  accountId?: string;
  /** Edit this ticket instead of creating one. */
  ticket?: Ticket;
  onSaved?: (ticket: Ticket) => void;
}

/** New or edited service ticket (工单). Status changes happen on the ticket page (workflow). */
export function TicketFormModal({
  opened,
  onClose,
  accountId,
  ticket,
  onSaved,
}: TicketFormModalProps) {
  const { t } = useTranslation();
  // A new ticket starts unassigned when the server routes tickets, so the form waits for the setting.
  const routing = useTicketRoutingQuery();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={ticket ? t('tickets.edit') : t('tickets.new')}
      size="lg"
    >
      {opened && !routing.isLoading && (
        <TicketForm
          accountId={accountId}
          ticket={ticket}
          onClose={onClose}
          onSaved={onSaved}
          routed={routing.data?.enabled ?? false}
        />
      )}
    </Modal>
  );
}

interface FormValues {
  subject: string;
  description: string;
  accountId: string;
  contactId: string;
  type: Ticket['type'];
  priority: Ticket['priority'];
  assigneeId: string;
  product: string;
  language: Ticket['language'];
}

function TicketForm({
  accountId,
  ticket,
  onClose,
  onSaved,
  routed,
}: Omit<TicketFormModalProps, 'opened'> & { routed: boolean }) {
  const { t } = useTranslation();
  const access = useWriteAccess('tickets', ticket ?? null);
  // A record this person may not change: values shown, fields disabled, no save (FormActions).
  const readOnly = !access.canWrite;
  const { session } = useWorkspace();
  const createTicket = useCreateTicketMutation();
  const updateTicket = useUpdateTicketMutation();
  const typeOptions = useListOptions('ticketType', TICKET_TYPES);
  const priorityOptions = useListOptions('ticketPriority', TICKET_PRIORITIES);
  const userOptions = useUserOptions();
  const languageOptions = useMemo(
    () => TICKET_LANGUAGES.map((v) => ({ value: v, label: t(`tickets.language.${v}`) })),
    [t],
  );

  const form = useForm<FormValues>({
    initialValues: {
      subject: ticket?.subject ?? '',
      description: ticket?.description ?? '',
      accountId: ticket?.accountId ?? accountId ?? '',
      contactId: ticket?.contactId ?? '',
      type: ticket?.type ?? 'question',
      priority: ticket?.priority ?? 'normal',
      // Routing on: a new ticket goes unassigned and the server picks the agent (issue 21).
      assigneeId: ticket?.assigneeId ?? (routed ? '' : session.userId),
      product: ticket?.product ?? '',
      language: ticket?.language ?? '',
    },
    validate: { subject: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const values = form.getValues();
  const { data: contacts } = useContactsByAccount(values.accountId || undefined);
  const contactOptions = useMemo(
    () =>
      (contacts ?? []).map((c) => ({
        value: c.id,
        label: c.title ? t('tickets.form.contactOption', { name: c.name, title: c.title }) : c.name,
      })),
    [contacts, t],
  );

  const handleSubmit = (v: FormValues) => {
    const onSuccess = (saved: Ticket) => {
      notifySaved(t);
      onSaved?.(saved);
      onClose();
    };
    const onError = (error: unknown) => reportWriteError(error, t, form);
    if (ticket) updateTicket.mutate({ id: ticket.id, patch: v }, { onSuccess, onError });
    else createTicket.mutate({ ...v, resolution: '' }, { onSuccess, onError });
  };

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} data-testid="ticket-form">
      <Fieldset variant="unstyled" disabled={readOnly}>
        <Stack gap="sm">
          <TextInput
            label={t('fields.subject')}
            withAsterisk
            {...form.getInputProps('subject')}
            data-testid="ticket-subject"
            data-autofocus={!readOnly || undefined}
          />
          <Textarea
            label={t('fields.description')}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('description')}
            data-testid="ticket-description"
          />
          <Group grow align="flex-start">
            <AccountSelect
              label={t('fields.accountId')}
              placeholder={t('activities.form.accountPlaceholder')}
              value={values.accountId}
              onChange={(id) => {
                form.setFieldValue('accountId', id);
                form.setFieldValue('contactId', '');
              }}
              error={form.errors.accountId}
              data-testid="ticket-account"
            />
            <Select
              label={t('fields.contactId')}
              data={contactOptions}
              disabled={!values.accountId}
              placeholder={values.accountId ? undefined : t('tickets.form.pickAccountFirst')}
              clearable
              {...form.getInputProps('contactId')}
              value={values.contactId || null}
              onChange={(value: string | null) => form.setFieldValue('contactId', value ?? '')}
              data-testid="ticket-contact"
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('fields.ticketType')}
              data={typeOptions}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('type')}
              data-testid="ticket-type"
            />
            <Select
              label={t('fields.priority')}
              data={priorityOptions}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('priority')}
              data-testid="ticket-priority"
            />
            <Select
              label={t('fields.assigneeId')}
              data={userOptions}
              clearable
              placeholder={routed && !ticket ? t('tickets.routing.auto') : undefined}
              {...form.getInputProps('assigneeId')}
              value={values.assigneeId || null}
              onChange={(value: string | null) => form.setFieldValue('assigneeId', value ?? '')}
              data-testid="ticket-assignee"
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('tickets.fields.product')}
              {...form.getInputProps('product')}
              data-testid="ticket-product"
            />
            <Select
              label={t('tickets.fields.language')}
              data={languageOptions}
              clearable
              {...form.getInputProps('language')}
              value={values.language || null}
              onChange={(value: string | null) =>
                form.setFieldValue('language', (value ?? '') as Ticket['language'])
              }
              data-testid="ticket-language"
            />
          </Group>
        </Stack>
      </Fieldset>
      <FormActions
        onCancel={onClose}
        saving={createTicket.isPending || updateTicket.isPending}
        saveTestId="ticket-save"
        access={access}
      />
    </form>
  );
}
