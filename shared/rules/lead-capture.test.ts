import { describe, expect, it } from 'vitest';
import { leadSchema } from '../domain';
import { captureCampaign, capturedLead, type CaptureKeyDefaults } from './lead-capture';

const key: CaptureKeyDefaults = {
  name: '官网表单',
  source: 'form',
  campaignId: 'cmp-default',
  ownerId: '',
};
const campaigns = [
  { id: 'cmp-default', name: '春季展会' },
  { id: 'cmp-baidu', name: '百度推广 3 月' },
];
const meta = { id: 'lead-1', workspaceId: 'ws-1', teamId: '', authorId: 'capture-k1', now: 1_000 };

describe('captureCampaign', () => {
  it('takes the campaignId the post names when it is a campaign', () => {
    expect(captureCampaign({ campaignId: 'cmp-baidu' }, key, campaigns)).toEqual({
      ok: true,
      campaignId: 'cmp-baidu',
      campaign: '',
    });
  });
  it('refuses a campaignId that is no campaign', () => {
    expect(captureCampaign({ campaignId: 'nope' }, key, campaigns)).toEqual({
      ok: false,
      reason: 'unknownCampaignId',
    });
  });
  it('finds a campaign by its name (a form sends utm_campaign text)', () => {
    expect(captureCampaign({ campaign: ' 百度推广 3 月 ' }, key, campaigns)).toEqual({
      ok: true,
      campaignId: 'cmp-baidu',
      campaign: '',
    });
  });
  it("keeps text that names no campaign as free text, with the key's campaign", () => {
    expect(captureCampaign({ campaign: 'wechat-ad-7' }, key, campaigns)).toEqual({
      ok: true,
      campaignId: 'cmp-default',
      campaign: 'wechat-ad-7',
    });
  });
  it("falls back to the key's campaign, or none", () => {
    expect(captureCampaign({}, key, campaigns)).toEqual({
      ok: true,
      campaignId: 'cmp-default',
      campaign: '',
    });
    expect(captureCampaign({}, { campaignId: '' }, [])).toEqual({
      ok: true,
      campaignId: '',
      campaign: '',
    });
  });
});

describe('capturedLead', () => {
  it("makes a new, unowned, valid lead with the key's source and its name as captureSource", () => {
    const lead = capturedLead(
      { name: ' 王芳 ', company: '杭州云帆科技有限公司', mobile: '138 0013 8000' },
      key,
      { campaignId: 'cmp-default', campaign: '' },
      meta,
    );
    expect(leadSchema.safeParse(lead).success).toBe(true);
    expect(lead).toMatchObject({
      id: 'lead-1',
      workspaceId: 'ws-1',
      ownerId: '',
      teamId: '',
      createdBy: 'capture-k1',
      updatedBy: 'capture-k1',
      createdAt: 1_000,
      name: '王芳',
      source: 'form',
      status: 'new',
      score: 0,
      assignedAt: 0,
      qualification: '',
      campaignId: 'cmp-default',
      captureSource: '官网表单',
      mobile: '13800138000',
    });
    // The stored form the app would write: the normalized company key for duplicate checks.
    expect(lead.companyKey).not.toBe('');
  });
  it("takes the post's source over the key's, and the key's default owner and team", () => {
    const lead = capturedLead(
      { name: '李雷', source: 'ads' },
      { ...key, ownerId: 'user-7' },
      { campaignId: '', campaign: 'wechat-ad-7' },
      { ...meta, teamId: 'team-south' },
    );
    expect(lead).toMatchObject({
      source: 'ads',
      ownerId: 'user-7',
      teamId: 'team-south',
      campaign: 'wechat-ad-7',
      campaignId: '',
    });
  });
});
