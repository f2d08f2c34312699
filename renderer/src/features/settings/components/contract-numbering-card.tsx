import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  contractNumberingValueSchema,
  DEFAULT_CONTRACT_NUMBERING,
  type ContractNumberingValue,
} from '@shared/domain';
import { CONTRACT_NUMBER_RESETS, nextContractNumber } from '@shared/rules/contract-number';
import { todayString } from '../../../components/format';
import { reportWriteError } from '../../../components/write-errors';
import { useWorkspace } from '../../../hooks/use-workspace';
import { useFieldViewer } from '../../../entities/settings/field-policy';
import {
  useContractNumberingQuery,
  useSaveContractNumberingMutation,
} from '../../../entities/contracts/numbering';

/** Field errors by path ('pattern', 'reset'), as i18n keys from the shared schema. */
function errorsOf(value: ContractNumberingValue): Record<string, string> {
  const result = contractNumberingValueSchema.safeParse(value);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[issue.path.join('.')] ??= issue.message;
  return out;
}

/**
 * The contract number pattern (issue 20, settings kind `contractNumbering`): tokens, when the sequence restarts,
 * and a live preview of the first number of today's period by the shared rule. Admins edit; everyone else reads.
 */
export function ContractNumberingCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const viewer = useFieldViewer();
  const canEdit = session.mode === 'local' || viewer?.role === 'admin';
  const saved = useContractNumberingQuery();
  const save = useSaveContractNumberingMutation();
  const [draft, setDraft] = useState<ContractNumberingValue>(DEFAULT_CONTRACT_NUMBERING);
  useEffect(() => {
    if (saved.data) setDraft(saved.data);
  }, [saved.data]);

  const errors = useMemo(() => errorsOf(draft), [draft]);
  const preview = useMemo(() => nextContractNumber(draft, [], todayString()), [draft]);
  const resetOptions = CONTRACT_NUMBER_RESETS.map((value) => ({
    value,
    label: t(`contractNumbering.resets.${value}`),
  }));
  const change = (patch: Partial<ContractNumberingValue>) => {
    save.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };

  const handleSave = () => {
    const parsed = contractNumberingValueSchema.safeParse(draft);
    if (!parsed.success) return;
    save.mutate(parsed.data, {
      onSuccess: () =>
        notifications.show({ color: 'green', message: t('contractNumbering.saved') }),
      onError: (error) => reportWriteError(error, t),
    });
  };

  return (
    <Card withBorder data-testid="contract-numbering-card">
      <Title order={4} mb={4}>
        {t('contractNumbering.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('contractNumbering.description')}
      </Text>
      {!canEdit && (
        <Alert color="gray" mb="sm">
          {t('contractNumbering.adminOnly')}
        </Alert>
      )}
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <TextInput
            label={t('contractNumbering.pattern')}
            description={t('contractNumbering.patternHint')}
            value={draft.pattern}
            disabled={!canEdit}
            onChange={(e) => change({ pattern: e.currentTarget.value })}
            error={errors.pattern ? t(errors.pattern) : undefined}
            data-testid="contract-numbering-pattern"
            ff="monospace"
          />
          <Select
            label={t('contractNumbering.reset')}
            data={resetOptions}
            value={draft.reset}
            allowDeselect={false}
            disabled={!canEdit}
            onChange={(value) => value && change({ reset: value })}
            error={errors.reset ? t(errors.reset) : undefined}
            data-testid="contract-numbering-reset"
          />
        </Group>
        <Text size="sm" data-testid="contract-numbering-preview">
          {preview ? (
            <>
              {t('contractNumbering.preview')}
              <Code>{preview}</Code>
            </>
          ) : (
            t('contractNumbering.previewInvalid')
          )}
        </Text>
        {canEdit && (
          <Group>
            <Button
              onClick={handleSave}
              disabled={Object.keys(errors).length > 0}
              loading={save.isPending}
              data-testid="contract-numbering-save"
            >
              {t('contractNumbering.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
