import type { PipelineValue } from './entities';

/** Id of the pipeline every new workspace starts with. */
export const DEFAULT_PIPELINE_ID = 'pipeline-default';
/** The local workspace used when a person works without a server. */
export const LOCAL_WORKSPACE_ID = 'local';
export const LOCAL_USER_ID = 'local-user';
export const LOCAL_TEAM_ID = 'local-team';

/**
 * The default B2B pipeline (线索 → 商机 → 报价 → 合同): 初步接洽 → 需求确认 → 方案演示 → 报价 → 商务谈判 → 赢单/输单.
 * Entering 报价 requires budget, decision maker and competitor info.
 * Stage names are label keys (lists.stage.<id>) for built-in stages.
 */
export const DEFAULT_PIPELINE: PipelineValue = {
  name: 'default',
  stages: [
    { id: 'qualify', name: 'qualify', probability: 10, outcome: 'open', requiredFields: [] },
    { id: 'needs', name: 'needs', probability: 20, outcome: 'open', requiredFields: ['contactId'] },
    {
      id: 'proposal',
      name: 'proposal',
      probability: 40,
      outcome: 'open',
      requiredFields: ['amount', 'closeDate'],
    },
    {
      id: 'quote',
      name: 'quote',
      probability: 60,
      outcome: 'open',
      requiredFields: ['amount', 'closeDate', 'budget', 'decisionMakerId', 'competitor'],
    },
    {
      id: 'negotiation',
      name: 'negotiation',
      probability: 80,
      outcome: 'open',
      requiredFields: ['amount', 'closeDate'],
    },
    { id: 'won', name: 'won', probability: 100, outcome: 'won', requiredFields: ['amount'] },
    { id: 'lost', name: 'lost', probability: 0, outcome: 'lost', requiredFields: ['lostReason'] },
  ],
};

/** Spacing between deal ranks on the board, so a drop between two cards rarely needs a renumber. */
export const RANK_STEP = 1024;
