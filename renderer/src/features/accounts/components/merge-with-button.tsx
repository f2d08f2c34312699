import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Account } from '@shared/domain';
import { AccountSelect } from '../../../entities/accounts/components/account-select';
import { mergeHref } from '../../../components/merge/merge-href';

/** 合并… on an account's page (issue 19): pick the duplicate, then the merge page with this account kept. */
export function MergeWithButton({ account }: { account: Account }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure(false);
  const [other, setOther] = useState('');
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconArrowMerge size={16} />}
        onClick={dialog.open}
        data-testid="merge-with"
      >
        {t('merge.with')}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t('merge.with')}>
        <Stack>
          <AccountSelect
            label={t('merge.withPick')}
            value={other}
            onChange={setOther}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!other || other === account.id}
              onClick={() => void navigate(mergeHref('accounts', [account.id, other]))}
              data-testid="merge-with-next"
            >
              {t('merge.next')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
