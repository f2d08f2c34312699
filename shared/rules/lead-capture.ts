import type { Lead, LeadSource } from '../domain';
import { storedForm } from './stored-form';

/**
 * The lead a capture post makes (issue 19 "Capture"): the form's fields, the key's defaults where the post names
 * nothing, and where it came from. Pure; the server then writes it through its normal write path (validation,
 * ownership, history, fan-out), so it is stored exactly as the same values typed into the app would be.
 */

/** What the rule reads about the capture key that posted. */
export interface CaptureKeyDefaults {
  /** The key's name: the lead's `captureSource`. */
  name: string;
  source: LeadSource;
  campaignId: string;
  /** '' = unowned (the server's assignment rules give it an owner). */
  ownerId: string;
}

/** The fields of a capture post (shared/sync `captureLeadBody`), already checked by the app's rules. */
export interface CapturedFields {
  name: string;
  company?: string;
  mobile?: string;
  email?: string;
  title?: string;
  region?: Lead['region'];
  industry?: string;
  sizeBand?: Lead['sizeBand'];
  notes?: string;
  source?: LeadSource;
  campaignId?: string;
  campaign?: string;
}

/** The campaigns a post may name (settings kind `campaign`): the id and name of each. */
export interface KnownCampaign {
  id: string;
  name: string;
}

/**
 * The campaign of a captured lead: the post's `campaignId`, else the campaign whose name is the post's
 * `campaign` (a form's utm_campaign), else the key's default; `campaign` text that names no campaign is kept
 * as the lead's free-text campaign. `unknownCampaignId` when the post names an id that is no campaign.
 */
export function captureCampaign(
  fields: Pick<CapturedFields, 'campaignId' | 'campaign'>,
  key: Pick<CaptureKeyDefaults, 'campaignId'>,
  campaigns: readonly KnownCampaign[],
): { ok: true; campaignId: string; campaign: string } | { ok: false; reason: 'unknownCampaignId' } {
  const text = (fields.campaign ?? '').trim();
  if (fields.campaignId) {
    if (!campaigns.some((c) => c.id === fields.campaignId))
      return { ok: false, reason: 'unknownCampaignId' };
    return { ok: true, campaignId: fields.campaignId, campaign: text };
  }
  const named = text === '' ? undefined : campaigns.find((c) => c.name.trim() === text);
  if (named) return { ok: true, campaignId: named.id, campaign: '' };
  return { ok: true, campaignId: key.campaignId, campaign: text };
}

/** Who writes the captured lead and when: its id, the workspace, the key's id as author, the time. */
export interface CaptureMeta {
  id: string;
  workspaceId: string;
  /** The default owner's primary team, or '' (unowned: visible to the whole workspace until assigned). */
  teamId: string;
  authorId: string;
  now: number;
}

/**
 * The new lead: status new, score 0, never assigned; source from the post or the key; the key's name as
 * `captureSource`; owner the key's default owner (in their team) or none; `campaignId`/`campaign` as `captureCampaign` decided. In its stored form (`storedForm`).
 */
export function capturedLead(
  fields: CapturedFields,
  key: CaptureKeyDefaults,
  campaign: { campaignId: string; campaign: string },
  meta: CaptureMeta,
): Lead {
  return storedForm('leads', {
    id: meta.id,
    workspaceId: meta.workspaceId,
    teamId: meta.teamId,
    ownerId: key.ownerId,
    createdAt: meta.now,
    updatedAt: meta.now,
    createdBy: meta.authorId,
    updatedBy: meta.authorId,
    deleted: false,
    name: fields.name,
    company: fields.company ?? '',
    companyKey: '',
    title: fields.title ?? '',
    sizeBand: fields.sizeBand ?? '',
    mobile: fields.mobile ?? '',
    email: fields.email ?? '',
    source: fields.source ?? key.source,
    campaign: campaign.campaign,
    status: 'new',
    score: 0,
    region: fields.region ?? '',
    industry: fields.industry ?? '',
    notes: fields.notes ?? '',
    convertedAccountId: '',
    convertedContactId: '',
    convertedDealId: '',
    lastActivityAt: 0,
    campaignId: campaign.campaignId,
    qualification: '',
    assignedAt: 0,
    captureSource: key.name,
    mergedIntoId: '',
  });
}
