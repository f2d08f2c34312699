import type { Deal, PipelineValue } from '../domain/entities';
import { findStage } from './deal-stage';
import { addDays } from './working-calendar';

/**
 * Task templates per stage (issue 20): when a deal ENTERS a stage, the stage's templates become tasks for the
 * deal's owner ("上传竞品分析", due in 2 days). Pure: the caller (the deal repository) writes the drafts.
 */

/** A task to create: the activity fields that vary; the caller adds the rest (type 'task', not done). */
export interface StageTaskDraft {
  /** Derived from deal, stage, template and the day of entry (stageTaskId): the same on every laptop. */
  id: string;
  subject: string;
  dueDate: string;
  ownerId: string;
  teamId: string;
  relatedId: string;
  accountId: string;
}

/**
 * The id of the task a template creates for one entry: a hash of deal id, stage id, template id and the entry
 * day. Two laptops moving the same deal into the same stage on the same day create the same record (it merges,
 * never doubles); entering the stage again on a later day creates new tasks. Ids stay under 64 characters
 * whatever the parts' lengths.
 */
export function stageTaskId(
  dealId: string,
  stageId: string,
  templateId: string,
  day: string,
): string {
  const key = `${dealId}\u0000${stageId}\u0000${templateId}\u0000${day}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `stage-task-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/**
 * The tasks a stage change creates: none when the deal stays in its stage (or the stage is unknown or has no
 * templates); otherwise one per template of the entered stage, for the deal's owner, due `dueInDays` after
 * `today` ('YYYY-MM-DD', the entry day). `before` is null for a new deal, which enters its first stage too.
 */
export function stageEntryTasks(
  before: Pick<Deal, 'stage'> | null,
  after: Pick<Deal, 'id' | 'stage' | 'ownerId' | 'teamId' | 'accountId'>,
  pipeline: PipelineValue,
  today: string,
): StageTaskDraft[] {
  if (before && before.stage === after.stage) return [];
  const stage = findStage(pipeline, after.stage);
  return (stage?.taskTemplates ?? []).map((template) => ({
    id: stageTaskId(after.id, after.stage, template.id, today),
    subject: template.title,
    dueDate: addDays(today, template.dueInDays),
    ownerId: after.ownerId,
    teamId: after.teamId,
    relatedId: after.id,
    accountId: after.accountId,
  }));
}
