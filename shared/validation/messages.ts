/**
 * Validation messages are i18n keys, not prose: client and server share them, and each UI translates them
 * (renderer/src/i18n). A server rejection therefore reads the same as an offline form error.
 */
export const ValidationMessage = {
  required: 'validation.required',
  tooLong: 'validation.tooLong',
  /** A NUL character or a lone surrogate: text no database stores (storable-text.ts). */
  unstorableText: 'validation.text.unstorable',
  creditCodeFormat: 'validation.creditCode.format',
  creditCodeChecksum: 'validation.creditCode.checksum',
  mobileFormat: 'validation.mobile.format',
  emailFormat: 'validation.email.format',
  companyNameShort: 'validation.companyName.short',
  companyNameNotFull: 'validation.companyName.notFull',
  industryUnknown: 'validation.industry.unknown',
  notInList: 'validation.notInList',
  amountNegative: 'validation.amount.negative',
  probabilityRange: 'validation.probability.range',
  dateFormat: 'validation.date.format',
  dateOrder: 'validation.date.order',
  percentRange: 'validation.percent.range',
  followUpHours: 'validation.followUp.hours',
  followUpDays: 'validation.followUp.days',
  followUpLeadDays: 'validation.followUp.leadDays',
  followUpStageTwice: 'validation.followUp.stageTwice',
  followUpWindowTwice: 'validation.followUp.windowTwice',
  scoringPoints: 'validation.scoring.points',
  scoringThreshold: 'validation.scoring.threshold',
  scoringThresholdOrder: 'validation.scoring.thresholdOrder',
  leadAssignmentCapacity: 'validation.leadAssignment.capacity',
  leadAssignmentRuleTwice: 'validation.leadAssignment.ruleTwice',
  ticketRoutingCapacity: 'validation.ticketRouting.capacity',
  ticketRoutingAgentTwice: 'validation.ticketRouting.agentTwice',
  pipelineStageTwice: 'validation.pipeline.stageTwice',
  pipelineNeedsClosing: 'validation.pipeline.needsClosing',
  taskDueDays: 'validation.pipeline.taskDueDays',
  healthThresholdOrder: 'validation.health.thresholdOrder',
  healthDayOrder: 'validation.health.dayOrder',
  healthCount: 'validation.health.count',
  clockTime: 'validation.calendar.clockTime',
  periodOrder: 'validation.calendar.periodOrder',
  periodOverlap: 'validation.calendar.periodOverlap',
  utcOffset: 'validation.calendar.utcOffset',
  dayTwice: 'validation.calendar.dayTwice',
  slaMinutes: 'validation.sla.minutes',
  slaWarnPercent: 'validation.sla.warnPercent',
  /** Followed by `.<problem>` (shared/rules/contract-number.ts PatternProblem). */
  contractNumberPattern: 'validation.contractNumber',
} as const;

export type ValidationMessageKey = (typeof ValidationMessage)[keyof typeof ValidationMessage];
