import type { Contract, Deal, PipelineValue } from '../domain/entities';
import { DEFAULT_PIPELINE_ID } from '../domain/defaults';
import { addDays, DAY_MS } from './working-calendar';

/**
 * Renewals (续约, issue 21 "Account health and renewals"): which contracts end soon, and the deal a renewal starts
 * as. The renewal deal's id comes from the contract and its end date, so the same renewal is never created twice —
 * not by a second click, not by a colleague's laptop offline (the two merge as one record).
 */

/** The windows the renewals view offers (days ahead of today). */
export const RENEWAL_WINDOWS = [30, 60, 90] as const;
export type RenewalWindow = (typeof RENEWAL_WINDOWS)[number];

/** The end dates a window covers: from `today` through `today` + `days` ('YYYY-MM-DD', both inclusive). */
export function renewalRange(today: string, days: number): { from: string; to: string } {
  return { from: today, to: addDays(today, days) };
}

/** Whole days from `today` until `endDate` (0 on the day, negative after it). */
export function daysUntil(today: string, endDate: string): number {
  return Math.round(
    (Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
  );
}

/** Active contracts of `contracts` ending within the window, soonest first. */
export function contractsUpForRenewal<T extends Pick<Contract, 'status' | 'endDate' | 'deleted'>>(
  contracts: readonly T[],
  today: string,
  days: number,
): T[] {
  const { from, to } = renewalRange(today, days);
  return contracts
    .filter((c) => !c.deleted && c.status === 'active' && c.endDate >= from && c.endDate <= to)
    .sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : 0));
}

/** A pipeline with its settings key (the id deals carry in `pipelineId`). */
export interface KeyedPipeline {
  id: string;
  value: PipelineValue;
}

const RENEWAL_NAME = /renew|续约|续签|续费/i;

/**
 * The pipeline renewal deals go into: one whose key or name says renewal (续约/续签/续费), else the default
 * pipeline, else the first; with its first open stage. Null when there is no pipeline with an open stage.
 */
export function renewalPipeline(
  pipelines: readonly KeyedPipeline[],
): { pipelineId: string; stage: string; probability: number } | null {
  const withOpenStage = pipelines.filter((p) => p.value.stages.some((s) => s.outcome === 'open'));
  const chosen =
    withOpenStage.find((p) => RENEWAL_NAME.test(p.id) || RENEWAL_NAME.test(p.value.name)) ??
    withOpenStage.find((p) => p.id === DEFAULT_PIPELINE_ID) ??
    withOpenStage[0];
  const stage = chosen?.value.stages.find((s) => s.outcome === 'open');
  return chosen && stage
    ? { pipelineId: chosen.id, stage: stage.id, probability: stage.probability }
    : null;
}

/** The renewal deal's id for a contract's term (its end date): the same on every laptop, under 64 characters. */
export function renewalDealId(contractId: string, endDate: string): string {
  const key = `${contractId}\u0000${endDate}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `renewal-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/** The fields of a renewal deal; the caller adds the rest of a new deal (empty fields, status, rank). */
export type RenewalDealDraft = Pick<
  Deal,
  | 'id'
  | 'name'
  | 'accountId'
  | 'pipelineId'
  | 'stage'
  | 'probability'
  | 'amount'
  | 'closeDate'
  | 'ownerId'
  | 'teamId'
>;

/**
 * The renewal deal of `contract`: for its account and owner, in the renewal pipeline's first open stage
 * (`renewalPipeline`), amount = the contract amount, closing on the contract's end date. `name` is the deal's
 * name in the creator's language ("续约: <title>"), made by the caller. Null when no pipeline can hold it.
 */
export function renewalDealDraft(
  contract: Pick<Contract, 'id' | 'accountId' | 'amount' | 'endDate' | 'ownerId' | 'teamId'>,
  pipelines: readonly KeyedPipeline[],
  name: string,
): RenewalDealDraft | null {
  const target = renewalPipeline(pipelines);
  if (!target) return null;
  return {
    id: renewalDealId(contract.id, contract.endDate),
    name: name.slice(0, 200),
    accountId: contract.accountId,
    pipelineId: target.pipelineId,
    stage: target.stage,
    probability: target.probability,
    amount: contract.amount,
    closeDate: contract.endDate,
    ownerId: contract.ownerId,
    teamId: contract.teamId,
  };
}
