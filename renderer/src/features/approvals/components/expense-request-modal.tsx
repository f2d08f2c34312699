import { useState, type FormEvent } from 'react';
import { Modal, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { approvalSchema } from '@shared/domain';
import { reportWriteError } from '../../../components/write-errors';
import { FormActions } from '../../../components/form-actions';
import { useRequestApprovalMutation } from '../../../entities/approvals/mutations';

/** What the form checks with the shared schema: an expense's purpose, amount and note. */
const expenseFields = approvalSchema.pick({ title: true, amount: true, requestNote: true });

/** An expense request (kind 'expense', issue 20): routed by the approval rules when it is made. */
export function ExpenseRequestModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('approvals.form.title')}>
      {props.opened && <ExpenseRequestForm onClose={props.onClose} />}
    </Modal>
  );
}

function ExpenseRequestForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const request = useRequestApprovalMutation();
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = typeof amount === 'number' ? amount : amount.trim() === '' ? NaN : Number(amount);
    const parsed = expenseFields.safeParse({ title, amount: value, requestNote: note });
    const found: Record<string, string> = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
    if (!found.amount && !(value > 0)) found.amount = 'approvals.form.amountRequired';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    request.mutate(
      {
        kind: 'expense',
        title: parsed.data.title,
        amount: parsed.data.amount,
        requestNote: parsed.data.requestNote,
        subjectType: '',
        subjectId: '',
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('approvals.form.submitted') });
          onClose();
        },
        onError: (error) => reportWriteError(error, t),
      },
    );
  };
  const errorAt = (field: string) => (errors[field] ? t(errors[field]) : undefined);

  return (
    <form onSubmit={handleSubmit} noValidate data-testid="expense-form">
      <Stack gap="sm">
        <TextInput
          label={t('approvals.form.name')}
          withAsterisk
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errorAt('title')}
          data-autofocus
          data-testid="expense-title"
        />
        <NumberInput
          label={t('approvals.form.amount')}
          withAsterisk
          min={0}
          decimalScale={2}
          thousandSeparator=","
          value={amount}
          onChange={setAmount}
          error={errorAt('amount')}
          data-testid="expense-amount"
        />
        <Textarea
          label={t('approvals.form.note')}
          value={note}
          autosize
          minRows={2}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errorAt('requestNote')}
          data-testid="expense-note"
        />
        <Text size="xs" c="dimmed">
          {t('approvals.form.routeHint')}
        </Text>
      </Stack>
      <FormActions onCancel={onClose} saving={request.isPending} saveTestId="expense-submit" />
    </form>
  );
}
