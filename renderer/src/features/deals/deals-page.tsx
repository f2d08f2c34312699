import { useMemo, useState } from 'react';
import { Button, Center, Group, Loader, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useLocalStorage } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { usePipelineQuery, usePipelinesQuery, type DealFilter } from '../../entities/deals/queries';
import { DEFAULT_PIPELINE_ID } from '@shared/domain';
import { useStageLabel } from '../../entities/deals/stage-label';
import { DealBoard } from './components/deal-board';
import { DealExport, DealTable } from './components/deal-table';
import { ImportButton } from '../../components/import-button';
import { DealFormModal } from '../../entities/deals/components/deal-form-modal';
import { useWriteAccess } from '../../hooks/use-write-access';
import { useShortcut } from '../../components/shortcuts/use-shortcut';

type DealsView = 'board' | 'table';

/** The board shows every deal of the pipeline: its export is the table's without a filter. */
const NO_FILTER: DealFilter = {};

/** 商机: the pipeline as a board (drag between stages) or as a table with filters. */
export function DealsPage() {
  const { t } = useTranslation();
  // Who may not create here (a viewer) gets no new-record button.
  const canCreate = useWriteAccess('deals', null).canWrite;
  const label = useStageLabel();
  const pipelines = usePipelinesQuery();
  const [chosenPipeline, setPipelineId] = useLocalStorage<string>({
    key: 'crm.deals.pipeline',
    defaultValue: DEFAULT_PIPELINE_ID,
    getInitialValueInEffect: false,
  });
  // A remembered pipeline that was deleted since falls back to the default one.
  const pipelineId = pipelines.data?.some((p) => p.id === chosenPipeline)
    ? chosenPipeline
    : DEFAULT_PIPELINE_ID;
  const pipeline = usePipelineQuery(pipelineId);
  const [view, setView] = useLocalStorage<DealsView>({
    key: 'crm.deals.view',
    defaultValue: 'board',
    getInitialValueInEffect: false,
  });
  const [stage, setStage] = useState<string>('');
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 250);
  const [formOpened, form] = useDisclosure(false);
  useShortcut('newRecord', canCreate ? form.open : null);

  const filter = useMemo<DealFilter>(
    () => ({ stage: stage || undefined, text: debouncedText.trim() || undefined }),
    [stage, debouncedText],
  );
  const stageOptions = useMemo(
    () => (pipeline.data?.stages ?? []).map((s) => ({ value: s.id, label: label(s) })),
    [pipeline.data, label],
  );

  return (
    <>
      <PageHeader title={t('deals.title')}>
        {(pipelines.data?.length ?? 0) > 1 && (
          <Select
            aria-label={t('settings.pipelines.switcher')}
            data={(pipelines.data ?? []).map((p) => ({
              value: p.id,
              label:
                p.value.name === 'default' ? t('settings.pipelines.defaultName') : p.value.name,
            }))}
            value={pipelineId}
            onChange={(v) => v && setPipelineId(v)}
            allowDeselect={false}
            w={180}
            data-testid="deal-pipeline-switcher"
          />
        )}
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v === 'table' ? 'table' : 'board')}
          data-testid="deals-view"
          data={[
            { value: 'board', label: t('deals.views.board') },
            { value: 'table', label: t('deals.views.table') },
          ]}
        />
        {pipeline.data && (
          <DealExport filter={view === 'table' ? filter : NO_FILTER} pipeline={pipeline.data} />
        )}
        {canCreate && <ImportButton kind="deals" />}
        {canCreate && (
          <Button leftSection={<IconPlus size={16} />} onClick={form.open} data-testid="new-deal">
            {t('deals.new')}
          </Button>
        )}
      </PageHeader>
      {view === 'table' && (
        <Group mb="sm" gap="sm">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('deals.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={260}
            data-testid="deal-search"
          />
          <Select
            placeholder={t('deals.filters.allStages')}
            aria-label={t('fields.stage')}
            data={stageOptions}
            value={stage || null}
            onChange={(v) => setStage(v ?? '')}
            clearable
            w={200}
            data-testid="deal-stage-filter"
          />
        </Group>
      )}
      {!pipeline.data ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : view === 'board' ? (
        <DealBoard pipeline={pipeline.data} pipelineId={pipelineId} />
      ) : (
        <DealTable filter={filter} pipeline={pipeline.data} />
      )}
      <DealFormModal opened={formOpened} onClose={form.close} pipelineId={pipelineId} />
    </>
  );
}
