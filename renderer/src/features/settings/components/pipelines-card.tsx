import { useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_PIPELINE_ID,
  pipelineValueSchema,
  type PipelineStage,
  type PipelineValue,
} from '@shared/domain';
import { STAGE_GATE_FIELDS } from '@shared/rules/stage-gate';
import { removedStageIds, stagesMissingTarget, type StageMoves } from '@shared/rules/pipeline-edit';
import { reportWriteError } from '../../../components/write-errors';
import { useRepositories, useWorkspace } from '../../../hooks/use-workspace';
import { usePipelinesQuery } from '../../../entities/deals/queries';
import { useFieldViewer } from '../../../entities/settings/field-policy';
import { stageLabel } from '../../../entities/settings/stage-label';
import {
  useDeletePipelineMutation,
  useSavePipelineMutation,
} from '../../../entities/deals/pipeline-mutations';

const NEW = '';
const OUTCOMES = ['open', 'won', 'lost'] as const;

/** A short id for a new stage or template, unique within its list. */
function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++)
    if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** The built-in pipeline is named 'default' (a label), a pipeline an admin made by what they typed. */
function pipelineLabel(t: (key: string) => string, name: string): string {
  return name === 'default' ? t('settings.pipelines.defaultName') : name;
}

/** Schema messages (i18n keys) of a draft, each with where it points. */
function issuesOf(value: PipelineValue): { path: string; message: string }[] {
  const result = pipelineValueSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/**
 * Pipelines (issue 20): an admin edits several pipelines — stages in order with probability, required fields
 * (the stage gate), exit criteria and task templates. Saved as settings records, so every laptop gets them by
 * sync; validated by the schema the server holds the setting to. Everyone else reads.
 */
export function PipelinesCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const viewer = useFieldViewer();
  const canEdit = session.mode === 'local' || viewer?.role === 'admin';
  const repos = useRepositories();
  const pipelines = usePipelinesQuery();
  const save = useSavePipelineMutation();
  const remove = useDeletePipelineMutation();
  const [selected, setSelected] = useState(DEFAULT_PIPELINE_ID);
  const stored = pipelines.data?.find((p) => p.id === selected);
  const [draft, setDraft] = useState<PipelineValue | null>(null);
  const [tried, setTried] = useState(false);
  const [moving, setMoving] = useState<{ counts: Record<string, number> } | null>(null);
  const [moves, setMoves] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (selected === NEW) return;
    setDraft(stored?.value ?? null);
    setTried(false);
  }, [stored, selected]);

  const issues = useMemo(() => (draft ? issuesOf(draft) : []), [draft]);
  if (!draft) return null;
  const errorAt = (path: string) => {
    const issue = tried ? issues.find((i) => i.path === path) : undefined;
    return issue ? t(issue.message) : undefined;
  };
  const setStage = (index: number, change: Partial<PipelineStage>) =>
    setDraft({
      ...draft,
      stages: draft.stages.map((s, i) => (i === index ? { ...s, ...change } : s)),
    });
  const moveStage = (index: number, by: -1 | 1) => {
    const stages = [...draft.stages];
    const [stage] = stages.splice(index, 1);
    stages.splice(index + by, 0, stage);
    setDraft({ ...draft, stages });
  };
  const addStage = () => {
    const firstClosing = draft.stages.findIndex((s) => s.outcome !== 'open');
    const at = firstClosing < 0 ? draft.stages.length : firstClosing;
    const stage: PipelineStage = {
      id: freshId(
        'stage-',
        draft.stages.map((s) => s.id),
      ),
      name: t('settings.pipelines.newStage'),
      probability: 50,
      outcome: 'open',
      requiredFields: [],
    };
    setDraft({
      ...draft,
      stages: [...draft.stages.slice(0, at), stage, ...draft.stages.slice(at)],
    });
  };

  const write = (value: PipelineValue, chosen: StageMoves) =>
    save.mutate(
      { id: selected === NEW ? undefined : selected, before: stored?.value, value, moves: chosen },
      {
        onSuccess: (saved) => {
          setSelected(saved.id);
          setMoving(null);
          setNotice(t('settings.pipelines.saved'));
        },
        onError: (error) => reportWriteError(error, t),
      },
    );

  const handleSave = async () => {
    setTried(true);
    setNotice('');
    const parsed = pipelineValueSchema.safeParse(draft);
    if (!parsed.success) return;
    const removed = stored && selected !== NEW ? removedStageIds(stored.value, parsed.data) : [];
    const counts = removed.length > 0 ? await repos.deals.countByStage(selected, removed) : {};
    if (removed.some((id) => (counts[id] ?? 0) > 0)) {
      setMoves({});
      setMoving({ counts });
      return;
    }
    write(parsed.data, {});
  };

  const handleDelete = async () => {
    setNotice('');
    if ((await repos.deals.countOpenInPipeline(selected)) > 0) {
      setNotice(t('settings.pipelines.inUse'));
      return;
    }
    remove.mutate(selected, {
      onSuccess: () => setSelected(DEFAULT_PIPELINE_ID),
      onError: (error) => reportWriteError(error, t),
    });
  };

  const stageOptions = draft.stages.map((s) => ({ value: s.id, label: stageLabel(t, s) }));
  const fieldOptions = STAGE_GATE_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }));
  const missingTargets =
    moving && stored ? stagesMissingTarget(stored.value, draft, moving.counts, moves) : [];

  return (
    <Card withBorder data-testid="pipelines-card">
      <Title order={4} mb="sm">
        {t('settings.pipeline.title')}
      </Title>
      <Group align="end" mb="sm">
        <Select
          label={t('settings.pipelines.pipeline')}
          data={[
            ...(pipelines.data ?? []).map((p) => ({
              value: p.id,
              label: pipelineLabel(t, p.value.name),
            })),
            ...(selected === NEW ? [{ value: NEW, label: draft.name }] : []),
          ]}
          value={selected}
          onChange={(v) => v !== null && setSelected(v)}
          allowDeselect={false}
          data-testid="pipeline-select"
        />
        {canEdit && (
          <>
            <Button
              variant="default"
              onClick={() => {
                setSelected(NEW);
                setDraft({
                  ...(stored?.value ?? draft),
                  name: t('settings.pipelines.newPipeline'),
                });
              }}
              data-testid="pipeline-add"
            >
              {t('settings.pipelines.add')}
            </Button>
            {selected !== DEFAULT_PIPELINE_ID && selected !== NEW && (
              <Button variant="default" color="red" onClick={() => void handleDelete()}>
                {t('settings.pipelines.delete')}
              </Button>
            )}
          </>
        )}
      </Group>
      <Stack>
        <TextInput
          label={t('settings.pipelines.name')}
          value={pipelineLabel(t, draft.name)}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          error={errorAt('name')}
          disabled={!canEdit}
          data-testid="pipeline-name"
        />
        {draft.stages.map((stage, index) => (
          <Paper key={stage.id} withBorder p="sm" data-testid={`pipeline-stage-${stage.id}`}>
            <Group align="end" wrap="wrap">
              <TextInput
                label={t('settings.pipeline.stage')}
                value={stageLabel(t, stage)}
                onChange={(e) => setStage(index, { name: e.currentTarget.value })}
                error={errorAt(`stages.${index}.name`) ?? errorAt(`stages.${index}.id`)}
                disabled={!canEdit}
                data-testid="stage-name"
              />
              <Select
                label={t('settings.pipelines.outcome')}
                data={OUTCOMES.map((o) => ({ value: o, label: t(`lists.dealStatus.${o}`) }))}
                value={stage.outcome}
                onChange={(v) => v && setStage(index, { outcome: v })}
                allowDeselect={false}
                disabled={!canEdit}
                w={120}
              />
              <NumberInput
                label={t('settings.pipeline.probability')}
                value={stage.probability}
                onChange={(v) => setStage(index, { probability: typeof v === 'number' ? v : NaN })}
                error={errorAt(`stages.${index}.probability`)}
                min={0}
                max={100}
                allowDecimal={false}
                disabled={!canEdit}
                w={100}
              />
              {canEdit && (
                <Group gap={4}>
                  <ActionIcon
                    variant="default"
                    onClick={() => moveStage(index, -1)}
                    disabled={index === 0}
                    aria-label={t('settings.pipelines.up')}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    onClick={() => moveStage(index, 1)}
                    disabled={index === draft.stages.length - 1}
                    aria-label={t('settings.pipelines.down')}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    color="red"
                    onClick={() =>
                      setDraft({ ...draft, stages: draft.stages.filter((_, i) => i !== index) })
                    }
                    aria-label={t('settings.pipelines.deleteStage')}
                    data-testid="stage-delete"
                  >
                    ×
                  </ActionIcon>
                </Group>
              )}
            </Group>
            <MultiSelect
              mt="xs"
              label={t('settings.pipeline.required')}
              data={fieldOptions}
              value={stage.requiredFields}
              onChange={(v) => setStage(index, { requiredFields: v })}
              disabled={!canEdit}
              data-testid="stage-required"
            />
            <Textarea
              mt="xs"
              label={t('settings.pipelines.exitCriteria')}
              description={t('settings.pipelines.exitCriteriaHint')}
              value={(stage.exitCriteria ?? []).join('\n')}
              onChange={(e) =>
                setStage(index, {
                  exitCriteria: e.currentTarget.value.split('\n').filter((l) => l.trim() !== ''),
                })
              }
              autosize
              minRows={1}
              disabled={!canEdit}
            />
            <Text size="sm" fw={500} mt="xs">
              {t('settings.pipelines.tasks')}
            </Text>
            {(stage.taskTemplates ?? []).map((task, ti) => {
              const setTask = (change: Partial<typeof task>) =>
                setStage(index, {
                  taskTemplates: (stage.taskTemplates ?? []).map((x, i) =>
                    i === ti ? { ...x, ...change } : x,
                  ),
                });
              return (
                <Group key={task.id} align="end" data-testid="stage-task">
                  <TextInput
                    label={t('settings.pipelines.taskTitle')}
                    value={task.title}
                    onChange={(e) => setTask({ title: e.currentTarget.value })}
                    error={errorAt(`stages.${index}.taskTemplates.${ti}.title`)}
                    disabled={!canEdit}
                    data-testid="task-title"
                  />
                  <NumberInput
                    label={t('settings.pipelines.taskDue')}
                    value={task.dueInDays}
                    onChange={(v) => setTask({ dueInDays: typeof v === 'number' ? v : NaN })}
                    error={errorAt(`stages.${index}.taskTemplates.${ti}.dueInDays`)}
                    min={0}
                    allowDecimal={false}
                    disabled={!canEdit}
                    w={120}
                    data-testid="task-due"
                  />
                  {canEdit && (
                    <Button
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        setStage(index, {
                          taskTemplates: (stage.taskTemplates ?? []).filter((_, i) => i !== ti),
                        })
                      }
                    >
                      {t('settings.pipelines.removeTask')}
                    </Button>
                  )}
                </Group>
              );
            })}
            {canEdit && (
              <Button
                variant="subtle"
                size="xs"
                mt={4}
                onClick={() => {
                  const tasks = stage.taskTemplates ?? [];
                  setStage(index, {
                    taskTemplates: [
                      ...tasks,
                      {
                        id: freshId(
                          'task-',
                          tasks.map((x) => x.id),
                        ),
                        title: '',
                        dueInDays: 2,
                      },
                    ],
                  });
                }}
                data-testid="stage-add-task"
              >
                {t('settings.pipelines.addTask')}
              </Button>
            )}
          </Paper>
        ))}
        {tried && issues.some((i) => i.path === 'stages') && (
          <Alert color="red">{t(issues.find((i) => i.path === 'stages')?.message ?? '')}</Alert>
        )}
        {notice && <Alert data-testid="pipeline-notice">{notice}</Alert>}
        {canEdit && (
          <Group>
            <Button variant="default" onClick={addStage} data-testid="pipeline-add-stage">
              {t('settings.pipelines.addStage')}
            </Button>
            <Button
              onClick={() => void handleSave()}
              loading={save.isPending}
              data-testid="pipeline-save"
            >
              {t('settings.pipelines.save')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        opened={moving !== null}
        onClose={() => setMoving(null)}
        title={t('settings.pipelines.moveTitle')}
      >
        <Stack>
          {stored &&
            moving &&
            removedStageIds(stored.value, draft)
              .filter((id) => (moving.counts[id] ?? 0) > 0)
              .map((id) => {
                const from = stored.value.stages.find((s) => s.id === id);
                return (
                  <Select
                    key={id}
                    label={t('settings.pipelines.moveDeals', {
                      count: moving.counts[id] ?? 0,
                      stage: from ? stageLabel(t, from) : id,
                    })}
                    data={stageOptions}
                    value={moves[id] ?? null}
                    onChange={(v) => setMoves({ ...moves, [id]: v ?? '' })}
                    data-testid={`move-target-${id}`}
                  />
                );
              })}
          <Button
            disabled={missingTargets.length > 0}
            onClick={() => write(draft, moves)}
            data-testid="pipeline-move-confirm"
          >
            {t('settings.pipelines.moveConfirm')}
          </Button>
        </Stack>
      </Modal>
    </Card>
  );
}
