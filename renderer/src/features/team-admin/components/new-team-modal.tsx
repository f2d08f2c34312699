import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../../components/write-errors';
import { useCreateTeamMutation } from '../mutations';
import { apiErrorMessage } from '../report-api-error';
import type { TeamRow } from '../schemas';
import { buildTeamTree, flattenTeamTree } from '../team-tree';

/** A new team: a name and, optionally, the team it belongs under. */
export function NewTeamModal({
  opened,
  onClose,
  teams,
}: {
  opened: boolean;
  onClose: () => void;
  teams: TeamRow[];
}) {
  const { t } = useTranslation();
  const create = useCreateTeamMutation();
  const [name, setName] = useState('');
  const [parent, setParent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = flattenTeamTree(buildTeamTree(teams)).map(({ team, depth }) => ({
    value: team.id,
    label: `${'— '.repeat(depth)}${team.name}`,
  }));

  const handleClose = () => {
    setName('');
    setParent(null);
    setError(null);
    onClose();
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('validation.required'));
      return;
    }
    create.mutate(
      { name: name.trim(), parentTeamId: parent ?? '' },
      {
        onSuccess: () => {
          notifySaved(t);
          handleClose();
        },
        onError: (e) => setError(apiErrorMessage(e, t)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={handleClose} title={t('teamAdmin.teams.new')}>
      <form onSubmit={handleSubmit}>
        <Stack>
          <TextInput
            label={t('teamAdmin.teams.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error}
            required
            data-autofocus
            data-testid="team-name"
          />
          <Select
            label={t('teamAdmin.teams.parent')}
            placeholder={t('teamAdmin.teams.topLevel')}
            data={options}
            value={parent}
            onChange={setParent}
            clearable
            searchable
            data-testid="team-parent"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={handleClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="team-create-submit">
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
