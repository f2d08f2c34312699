import type {
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  ACTIVITY_TYPES,
  APPROVAL_KINDS,
  APPROVAL_STATUSES,
  CAMPAIGN_CHANNELS,
  CONTRACT_STATUSES,
  DEAL_STATUSES,
  DECISION_POWERS,
  DECISION_ROLES,
  LEAD_QUALIFICATIONS,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LIFECYCLE_TAGS,
  MEMBER_ROLES,
  PAYMENT_METHODS,
  REGIONS,
  RELATED_TYPES,
  SIZE_BANDS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@shared/domain/lists';
import type { Bilingual, Messages } from './types';

/**
 * Labels of the controlled lists (shared/domain/lists.ts → `lists.<listName>.<code>`), the built-in pipeline
 * stages (shared/domain/defaults.ts → `lists.stage.<id>`) and the GB/T 4754-2017 industry classification
 * (shared/domain/industry.ts → `industry.<code>`: section letters 'A'–'T' and divisions 'A01'–'T97').
 *
 * Each label is written once as a [zh-CN, en] pair and split into the two language trees below, so the trees
 * cannot drift apart; the mapped types make the compiler flag a list value without a label.
 */
type Pair = readonly [zh: string, en: string];
type Labels<T extends readonly string[]> = { readonly [K in T[number]]: Pair };

const LIST_LABELS = {
  source: {
    website: ['官网', 'Website'],
    form: ['在线表单', 'Web form'],
    ads: ['广告投放', 'Advertising'],
    event: ['市场活动', 'Event'],
    referral: ['客户转介绍', 'Referral'],
    import: ['批量导入', 'Import'],
    coldCall: ['电话陌拜', 'Cold call'],
    partner: ['合作伙伴', 'Partner'],
    wecom: ['企业微信', 'WeCom'],
  } satisfies Labels<typeof LEAD_SOURCES>,
  sizeBand: {
    '1-19': ['1–19 人', '1–19 employees'],
    '20-99': ['20–99 人', '20–99 employees'],
    '100-499': ['100–499 人', '100–499 employees'],
    '500-999': ['500–999 人', '500–999 employees'],
    '1000-4999': ['1000–4999 人', '1,000–4,999 employees'],
    '5000+': ['5000 人及以上', '5,000+ employees'],
  } satisfies Labels<typeof SIZE_BANDS>,
  tier: {
    A: ['A 类（战略客户）', 'Tier A (strategic)'],
    B: ['B 类（重点客户）', 'Tier B (key)'],
    C: ['C 类（普通客户）', 'Tier C (standard)'],
    D: ['D 类（低价值客户）', 'Tier D (low value)'],
  } satisfies Labels<typeof ACCOUNT_TIERS>,
  accountStatus: {
    prospect: ['潜在客户', 'Prospect'],
    customer: ['成交客户', 'Customer'],
    partner: ['合作伙伴', 'Partner'],
    churned: ['已流失', 'Churned'],
  } satisfies Labels<typeof ACCOUNT_STATUSES>,
  lifecycleTag: {
    mql: ['市场认可线索（MQL）', 'Marketing qualified (MQL)'],
    sql: ['销售认可线索（SQL）', 'Sales qualified (SQL)'],
    keyAccount: ['重点客户', 'Key account'],
    churnRisk: ['流失风险', 'Churn risk'],
    renewal: ['待续约', 'Renewal due'],
    upsell: ['增购机会', 'Upsell opportunity'],
  } satisfies Labels<typeof LIFECYCLE_TAGS>,
  leadQualification: {
    mql: ['MQL', 'MQL'],
    sql: ['SQL', 'SQL'],
  } satisfies Labels<typeof LEAD_QUALIFICATIONS>,
  campaignChannel: {
    searchAds: ['搜索广告', 'Search ads'],
    socialMedia: ['社交媒体', 'Social media'],
    exhibition: ['展会', 'Exhibition'],
    seminar: ['研讨会', 'Seminar'],
    webinar: ['线上直播', 'Webinar'],
    email: ['邮件营销', 'E-mail'],
    content: ['内容营销', 'Content'],
    partner: ['渠道合作', 'Partner'],
    offline: ['地推活动', 'Field marketing'],
  } satisfies Labels<typeof CAMPAIGN_CHANNELS>,
  decisionRole: {
    decisionMaker: ['决策人', 'Decision maker'],
    economicBuyer: ['预算审批人', 'Economic buyer'],
    technicalBuyer: ['技术评估人', 'Technical buyer'],
    influencer: ['影响者', 'Influencer'],
    champion: ['内部支持者', 'Champion'],
    user: ['使用者', 'User'],
    gatekeeper: ['把关人', 'Gatekeeper'],
  } satisfies Labels<typeof DECISION_ROLES>,
  decisionPower: {
    high: ['高', 'High'],
    medium: ['中', 'Medium'],
    low: ['低', 'Low'],
  } satisfies Labels<typeof DECISION_POWERS>,
  leadStatus: {
    new: ['新线索', 'New'],
    contacted: ['已联系', 'Contacted'],
    qualified: ['已确认', 'Qualified'],
    disqualified: ['无效', 'Disqualified'],
    converted: ['已转化', 'Converted'],
  } satisfies Labels<typeof LEAD_STATUSES>,
  dealStatus: {
    open: ['进行中', 'Open'],
    won: ['赢单', 'Won'],
    lost: ['输单', 'Lost'],
  } satisfies Labels<typeof DEAL_STATUSES>,
  contractStatus: {
    draft: ['草稿', 'Draft'],
    active: ['执行中', 'Active'],
    expired: ['已到期', 'Expired'],
    terminated: ['已终止', 'Terminated'],
  } satisfies Labels<typeof CONTRACT_STATUSES>,
  paymentMethod: {
    bankTransfer: ['银行转账', 'Bank transfer'],
    check: ['支票', 'Cheque'],
    cash: ['现金', 'Cash'],
    alipay: ['支付宝', 'Alipay'],
    wechatPay: ['微信支付', 'WeChat Pay'],
    other: ['其他', 'Other'],
  } satisfies Labels<typeof PAYMENT_METHODS>,
  ticketType: {
    question: ['咨询', 'Question'],
    incident: ['故障', 'Incident'],
    request: ['服务请求', 'Service request'],
    complaint: ['投诉', 'Complaint'],
  } satisfies Labels<typeof TICKET_TYPES>,
  ticketPriority: {
    low: ['低', 'Low'],
    normal: ['普通', 'Normal'],
    high: ['高', 'High'],
    urgent: ['紧急', 'Urgent'],
  } satisfies Labels<typeof TICKET_PRIORITIES>,
  ticketStatus: {
    new: ['新建', 'New'],
    open: ['处理中', 'Open'],
    pending: ['等待回复', 'Pending'],
    resolved: ['已解决', 'Resolved'],
    closed: ['已关闭', 'Closed'],
  } satisfies Labels<typeof TICKET_STATUSES>,
  activityType: {
    call: ['电话', 'Call'],
    meeting: ['会议', 'Meeting'],
    email: ['邮件', 'E-mail'],
    visit: ['拜访', 'Visit'],
    note: ['备注', 'Note'],
    task: ['任务', 'Task'],
    comment: ['评论', 'Comment'],
    nps: ['NPS 调研', 'NPS response'],
  } satisfies Labels<typeof ACTIVITY_TYPES>,
  relatedType: {
    account: ['客户', 'Account'],
    contact: ['联系人', 'Contact'],
    lead: ['线索', 'Lead'],
    deal: ['商机', 'Deal'],
    contract: ['合同', 'Contract'],
    ticket: ['工单', 'Ticket'],
  } satisfies Labels<typeof RELATED_TYPES>,
  approvalKind: {
    discount: ['折扣审批', 'Discount approval'],
    contract: ['合同审批', 'Contract approval'],
    expense: ['费用审批', 'Expense approval'],
  } satisfies Labels<typeof APPROVAL_KINDS>,
  approvalStatus: {
    pending: ['待审批', 'Pending'],
    approved: ['已通过', 'Approved'],
    rejected: ['已驳回', 'Rejected'],
  } satisfies Labels<typeof APPROVAL_STATUSES>,
  memberRole: {
    rep: ['销售代表', 'Sales rep'],
    manager: ['经理', 'Manager'],
    admin: ['管理员', 'Administrator'],
    viewer: ['只读查看者', 'Viewer (read-only)'],
  } satisfies Labels<typeof MEMBER_ROLES>,
  region: {
    beijing: ['北京', 'Beijing'],
    tianjin: ['天津', 'Tianjin'],
    hebei: ['河北', 'Hebei'],
    shanxi: ['山西', 'Shanxi'],
    neimenggu: ['内蒙古', 'Inner Mongolia'],
    liaoning: ['辽宁', 'Liaoning'],
    jilin: ['吉林', 'Jilin'],
    heilongjiang: ['黑龙江', 'Heilongjiang'],
    shanghai: ['上海', 'Shanghai'],
    jiangsu: ['江苏', 'Jiangsu'],
    zhejiang: ['浙江', 'Zhejiang'],
    anhui: ['安徽', 'Anhui'],
    fujian: ['福建', 'Fujian'],
    jiangxi: ['江西', 'Jiangxi'],
    shandong: ['山东', 'Shandong'],
    henan: ['河南', 'Henan'],
    hubei: ['湖北', 'Hubei'],
    hunan: ['湖南', 'Hunan'],
    guangdong: ['广东', 'Guangdong'],
    guangxi: ['广西', 'Guangxi'],
    hainan: ['海南', 'Hainan'],
    chongqing: ['重庆', 'Chongqing'],
    sichuan: ['四川', 'Sichuan'],
    guizhou: ['贵州', 'Guizhou'],
    yunnan: ['云南', 'Yunnan'],
    xizang: ['西藏', 'Xizang (Tibet)'],
    shaanxi: ['陕西', 'Shaanxi'],
    gansu: ['甘肃', 'Gansu'],
    qinghai: ['青海', 'Qinghai'],
    ningxia: ['宁夏', 'Ningxia'],
    xinjiang: ['新疆', 'Xinjiang'],
    hongkong: ['香港', 'Hong Kong'],
    macao: ['澳门', 'Macao'],
    taiwan: ['台湾', 'Taiwan'],
    overseas: ['海外', 'Overseas'],
  } satisfies Labels<typeof REGIONS>,
  /** Built-in stages of DEFAULT_PIPELINE; user-made stages carry their own typed names. */
  stage: {
    qualify: ['初步接洽', 'Qualification'],
    needs: ['需求确认', 'Needs analysis'],
    proposal: ['方案演示', 'Proposal / demo'],
    quote: ['报价', 'Quote'],
    negotiation: ['商务谈判', 'Negotiation'],
    won: ['赢单', 'Won'],
    lost: ['输单', 'Lost'],
  },
  /**
   * Free account tags in common use, keyed by the tag as typed (the sample data's set, shared/sample-data
   * vocab.ts ACCOUNT_FREE_TAGS): shown in the UI language like the lifecycle tags (issue 16). Other free tags
   * are shown as typed.
   */
  accountTag: {
    政府客户: ['政府客户', 'Government'],
    上市公司: ['上市公司', 'Listed company'],
    外资企业: ['外资企业', 'Foreign-invested'],
    高新技术企业: ['高新技术企业', 'High-tech enterprise'],
    专精特新: ['专精特新', 'Specialized SME'],
    展会客户: ['展会客户', 'Trade-show contact'],
    年度框架: ['年度框架', 'Annual framework'],
    渠道客户: ['渠道客户', 'Channel customer'],
  },
} as const satisfies Record<string, Record<string, Pair>>;

/** 国民经济行业分类 GB/T 4754-2017: 20 sections (门类) and 97 divisions (大类), official Chinese names. */
const INDUSTRY_LABELS: Readonly<Record<string, Pair>> = {
  A: ['农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery'],
  A01: ['农业', 'Agriculture'],
  A02: ['林业', 'Forestry'],
  A03: ['畜牧业', 'Animal husbandry'],
  A04: ['渔业', 'Fishery'],
  A05: [
    '农、林、牧、渔专业及辅助性活动',
    'Support activities for agriculture, forestry, animal husbandry and fishery',
  ],

  B: ['采矿业', 'Mining'],
  B06: ['煤炭开采和洗选业', 'Mining and washing of coal'],
  B07: ['石油和天然气开采业', 'Extraction of petroleum and natural gas'],
  B08: ['黑色金属矿采选业', 'Mining and processing of ferrous metal ores'],
  B09: ['有色金属矿采选业', 'Mining and processing of non-ferrous metal ores'],
  B10: ['非金属矿采选业', 'Mining and processing of non-metallic minerals'],
  B11: ['开采专业及辅助性活动', 'Mining support activities'],
  B12: ['其他采矿业', 'Other mining'],

  C: ['制造业', 'Manufacturing'],
  C13: ['农副食品加工业', 'Processing of agricultural and sideline food products'],
  C14: ['食品制造业', 'Food manufacturing'],
  C15: ['酒、饮料和精制茶制造业', 'Manufacture of liquor, beverages and refined tea'],
  C16: ['烟草制品业', 'Manufacture of tobacco products'],
  C17: ['纺织业', 'Manufacture of textiles'],
  C18: ['纺织服装、服饰业', 'Manufacture of textile apparel and accessories'],
  C19: [
    '皮革、毛皮、羽毛及其制品和制鞋业',
    'Manufacture of leather, fur, feathers and related products, and footwear',
  ],
  C20: [
    '木材加工和木、竹、藤、棕、草制品业',
    'Processing of timber and manufacture of wood, bamboo, rattan, palm and straw products',
  ],
  C21: ['家具制造业', 'Manufacture of furniture'],
  C22: ['造纸和纸制品业', 'Manufacture of paper and paper products'],
  C23: ['印刷和记录媒介复制业', 'Printing and reproduction of recording media'],
  C24: [
    '文教、工美、体育和娱乐用品制造业',
    'Manufacture of articles for culture, education, arts and crafts, sports and entertainment',
  ],
  C25: ['石油、煤炭及其他燃料加工业', 'Processing of petroleum, coal and other fuels'],
  C26: ['化学原料和化学制品制造业', 'Manufacture of raw chemical materials and chemical products'],
  C27: ['医药制造业', 'Manufacture of medicines'],
  C28: ['化学纤维制造业', 'Manufacture of chemical fibres'],
  C29: ['橡胶和塑料制品业', 'Manufacture of rubber and plastic products'],
  C30: ['非金属矿物制品业', 'Manufacture of non-metallic mineral products'],
  C31: ['黑色金属冶炼和压延加工业', 'Smelting and pressing of ferrous metals'],
  C32: ['有色金属冶炼和压延加工业', 'Smelting and pressing of non-ferrous metals'],
  C33: ['金属制品业', 'Manufacture of metal products'],
  C34: ['通用设备制造业', 'Manufacture of general-purpose machinery'],
  C35: ['专用设备制造业', 'Manufacture of special-purpose machinery'],
  C36: ['汽车制造业', 'Manufacture of automobiles'],
  C37: [
    '铁路、船舶、航空航天和其他运输设备制造业',
    'Manufacture of railway, ship, aerospace and other transport equipment',
  ],
  C38: ['电气机械和器材制造业', 'Manufacture of electrical machinery and equipment'],
  C39: [
    '计算机、通信和其他电子设备制造业',
    'Manufacture of computers, communication and other electronic equipment',
  ],
  C40: ['仪器仪表制造业', 'Manufacture of measuring instruments and meters'],
  C41: ['其他制造业', 'Other manufacturing'],
  C42: ['废弃资源综合利用业', 'Comprehensive utilization of waste resources'],
  C43: ['金属制品、机械和设备修理业', 'Repair of metal products, machinery and equipment'],

  D: [
    '电力、热力、燃气及水生产和供应业',
    'Production and supply of electricity, heat, gas and water',
  ],
  D44: ['电力、热力生产和供应业', 'Production and supply of electricity and heat'],
  D45: ['燃气生产和供应业', 'Production and supply of gas'],
  D46: ['水的生产和供应业', 'Production and supply of water'],

  E: ['建筑业', 'Construction'],
  E47: ['房屋建筑业', 'Construction of buildings'],
  E48: ['土木工程建筑业', 'Civil engineering'],
  E49: ['建筑安装业', 'Building installation'],
  E50: ['建筑装饰、装修和其他建筑业', 'Building decoration, renovation and other construction'],

  F: ['批发和零售业', 'Wholesale and retail trade'],
  F51: ['批发业', 'Wholesale trade'],
  F52: ['零售业', 'Retail trade'],

  G: ['交通运输、仓储和邮政业', 'Transport, storage and postal services'],
  G53: ['铁路运输业', 'Rail transport'],
  G54: ['道路运输业', 'Road transport'],
  G55: ['水上运输业', 'Water transport'],
  G56: ['航空运输业', 'Air transport'],
  G57: ['管道运输业', 'Pipeline transport'],
  G58: ['多式联运和运输代理业', 'Multimodal transport and transport agency'],
  G59: ['装卸搬运和仓储业', 'Loading, unloading, handling and storage'],
  G60: ['邮政业', 'Postal services'],

  H: ['住宿和餐饮业', 'Accommodation and catering'],
  H61: ['住宿业', 'Accommodation'],
  H62: ['餐饮业', 'Catering'],

  I: [
    '信息传输、软件和信息技术服务业',
    'Information transmission, software and information technology services',
  ],
  I63: [
    '电信、广播电视和卫星传输服务',
    'Telecommunications, radio, television and satellite transmission services',
  ],
  I64: ['互联网和相关服务', 'Internet and related services'],
  I65: ['软件和信息技术服务业', 'Software and information technology services'],

  J: ['金融业', 'Finance'],
  J66: ['货币金融服务', 'Monetary and financial services'],
  J67: ['资本市场服务', 'Capital market services'],
  J68: ['保险业', 'Insurance'],
  J69: ['其他金融业', 'Other financial services'],

  K: ['房地产业', 'Real estate'],
  K70: ['房地产业', 'Real estate'],

  L: ['租赁和商务服务业', 'Leasing and business services'],
  L71: ['租赁业', 'Leasing'],
  L72: ['商务服务业', 'Business services'],

  M: ['科学研究和技术服务业', 'Scientific research and technical services'],
  M73: ['研究和试验发展', 'Research and experimental development'],
  M74: ['专业技术服务业', 'Professional technical services'],
  M75: ['科技推广和应用服务业', 'Technology promotion and application services'],

  N: [
    '水利、环境和公共设施管理业',
    'Water conservancy, environment and public facilities management',
  ],
  N76: ['水利管理业', 'Water conservancy management'],
  N77: ['生态保护和环境治理业', 'Ecological protection and environmental governance'],
  N78: ['公共设施管理业', 'Public facilities management'],
  N79: ['土地管理业', 'Land management'],

  O: ['居民服务、修理和其他服务业', 'Resident services, repair and other services'],
  O80: ['居民服务业', 'Resident services'],
  O81: [
    '机动车、电子产品和日用产品修理业',
    'Repair of motor vehicles, electronic products and household goods',
  ],
  O82: ['其他服务业', 'Other services'],

  P: ['教育', 'Education'],
  P83: ['教育', 'Education'],

  Q: ['卫生和社会工作', 'Health and social work'],
  Q84: ['卫生', 'Health'],
  Q85: ['社会工作', 'Social work'],

  R: ['文化、体育和娱乐业', 'Culture, sports and entertainment'],
  R86: ['新闻和出版业', 'News and publishing'],
  R87: ['广播、电视、电影和录音制作业', 'Radio, television, film and sound recording production'],
  R88: ['文化艺术业', 'Culture and arts'],
  R89: ['体育', 'Sports'],
  R90: ['娱乐业', 'Entertainment'],

  S: [
    '公共管理、社会保障和社会组织',
    'Public administration, social security and social organizations',
  ],
  S91: ['中国共产党机关', 'Organs of the Communist Party of China'],
  S92: ['国家机构', 'State organs'],
  S93: ['人民政协、民主党派', 'CPPCC and democratic parties'],
  S94: ['社会保障', 'Social security'],
  S95: [
    '群众团体、社会团体和其他成员组织',
    'Mass organizations, social organizations and other membership organizations',
  ],
  S96: [
    '基层群众自治组织及其他组织',
    'Grassroots self-governing organizations and other organizations',
  ],

  T: ['国际组织', 'International organizations'],
  T97: ['国际组织', 'International organizations'],
};

function pick(labels: Readonly<Record<string, Pair>>, language: 0 | 1): Messages {
  const messages: Messages = {};
  for (const [code, pair] of Object.entries(labels)) messages[code] = pair[language];
  return messages;
}

function tree(language: 0 | 1): Messages {
  const listMessages: Messages = {};
  for (const [name, labels] of Object.entries(LIST_LABELS))
    listMessages[name] = pick(labels, language);
  return { lists: listMessages, industry: pick(INDUSTRY_LABELS, language) };
}

export const lists: Bilingual = { 'zh-CN': tree(0), en: tree(1) };
