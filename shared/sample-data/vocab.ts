import type { DecisionRole, Region, TicketStatus } from '../domain/lists';

/**
 * Word lists for the sample-data generator: Chinese first, with English equivalents for the ~15% of records
 * that are English (foreign companies, English-speaking contacts). Sample data is data, not UI text, so it
 * is not translated through i18n.
 *
 * Brand characters and person names carry pinyin so e-mail addresses and web domains look real.
 */

/** [character, pinyin] */
export type Syllable = readonly [string, string];

// ---------- places ----------

/** Index into the three regional teams of the sample team tree: 0 华北 (north), 1 华东 (east), 2 华南 (south). */
export type TerritoryIndex = 0 | 1 | 2;

export interface City {
  zh: string;
  en: string;
  /** Province prefix for addresses ('' for the four municipalities). */
  province: string;
  region: Region;
  areaCode: string;
  territory: TerritoryIndex;
  /** Relative share of companies registered here. */
  weight: number;
  /** [6-digit administrative division code (GB/T 2260), district name] */
  districts: readonly (readonly [string, string])[];
}

export const CITIES: readonly City[] = [
  { zh: '北京', en: 'Beijing', province: '', region: 'beijing', areaCode: '010', territory: 0, weight: 12, districts: [['110105', '朝阳区'], ['110108', '海淀区'], ['110102', '西城区'], ['110101', '东城区']] },
  { zh: '天津', en: 'Tianjin', province: '', region: 'tianjin', areaCode: '022', territory: 0, weight: 3, districts: [['120116', '滨海新区'], ['120104', '南开区']] },
  { zh: '石家庄', en: 'Shijiazhuang', province: '河北省', region: 'hebei', areaCode: '0311', territory: 0, weight: 1.5, districts: [['130102', '长安区'], ['130104', '桥西区']] },
  { zh: '太原', en: 'Taiyuan', province: '山西省', region: 'shanxi', areaCode: '0351', territory: 0, weight: 1, districts: [['140105', '小店区'], ['140106', '迎泽区']] },
  { zh: '呼和浩特', en: 'Hohhot', province: '内蒙古自治区', region: 'neimenggu', areaCode: '0471', territory: 0, weight: 0.5, districts: [['150102', '新城区'], ['150105', '赛罕区']] },
  { zh: '沈阳', en: 'Shenyang', province: '辽宁省', region: 'liaoning', areaCode: '024', territory: 0, weight: 1.5, districts: [['210102', '和平区'], ['210106', '铁西区']] },
  { zh: '大连', en: 'Dalian', province: '辽宁省', region: 'liaoning', areaCode: '0411', territory: 0, weight: 1.5, districts: [['210202', '中山区'], ['210204', '沙河口区']] },
  { zh: '长春', en: 'Changchun', province: '吉林省', region: 'jilin', areaCode: '0431', territory: 0, weight: 1, districts: [['220102', '南关区'], ['220104', '朝阳区']] },
  { zh: '哈尔滨', en: 'Harbin', province: '黑龙江省', region: 'heilongjiang', areaCode: '0451', territory: 0, weight: 1, districts: [['230102', '道里区'], ['230103', '南岗区']] },
  { zh: '济南', en: 'Jinan', province: '山东省', region: 'shandong', areaCode: '0531', territory: 0, weight: 2, districts: [['370102', '历下区'], ['370112', '历城区']] },
  { zh: '青岛', en: 'Qingdao', province: '山东省', region: 'shandong', areaCode: '0532', territory: 0, weight: 2, districts: [['370202', '市南区'], ['370212', '崂山区']] },
  { zh: '郑州', en: 'Zhengzhou', province: '河南省', region: 'henan', areaCode: '0371', territory: 0, weight: 2, districts: [['410105', '金水区'], ['410102', '中原区']] },
  { zh: '西安', en: "Xi'an", province: '陕西省', region: 'shaanxi', areaCode: '029', territory: 0, weight: 2, districts: [['610113', '雁塔区'], ['610104', '莲湖区']] },
  { zh: '兰州', en: 'Lanzhou', province: '甘肃省', region: 'gansu', areaCode: '0931', territory: 0, weight: 0.5, districts: [['620102', '城关区']] },
  { zh: '乌鲁木齐', en: 'Urumqi', province: '新疆维吾尔自治区', region: 'xinjiang', areaCode: '0991', territory: 0, weight: 0.5, districts: [['650102', '天山区']] },
  { zh: '银川', en: 'Yinchuan', province: '宁夏回族自治区', region: 'ningxia', areaCode: '0951', territory: 0, weight: 0.3, districts: [['640104', '兴庆区']] },
  { zh: '西宁', en: 'Xining', province: '青海省', region: 'qinghai', areaCode: '0971', territory: 0, weight: 0.3, districts: [['630102', '城东区']] },
  { zh: '上海', en: 'Shanghai', province: '', region: 'shanghai', areaCode: '021', territory: 1, weight: 12, districts: [['310115', '浦东新区'], ['310104', '徐汇区'], ['310112', '闵行区'], ['310106', '静安区']] },
  { zh: '南京', en: 'Nanjing', province: '江苏省', region: 'jiangsu', areaCode: '025', territory: 1, weight: 3, districts: [['320102', '玄武区'], ['320106', '鼓楼区']] },
  { zh: '苏州', en: 'Suzhou', province: '江苏省', region: 'jiangsu', areaCode: '0512', territory: 1, weight: 3, districts: [['320505', '虎丘区'], ['320506', '吴中区']] },
  { zh: '无锡', en: 'Wuxi', province: '江苏省', region: 'jiangsu', areaCode: '0510', territory: 1, weight: 1.5, districts: [['320214', '新吴区'], ['320213', '梁溪区']] },
  { zh: '杭州', en: 'Hangzhou', province: '浙江省', region: 'zhejiang', areaCode: '0571', territory: 1, weight: 6, districts: [['330106', '西湖区'], ['330108', '滨江区'], ['330110', '余杭区']] },
  { zh: '宁波', en: 'Ningbo', province: '浙江省', region: 'zhejiang', areaCode: '0574', territory: 1, weight: 2, districts: [['330212', '鄞州区'], ['330203', '海曙区']] },
  { zh: '合肥', en: 'Hefei', province: '安徽省', region: 'anhui', areaCode: '0551', territory: 1, weight: 2, districts: [['340104', '蜀山区'], ['340111', '包河区']] },
  { zh: '南昌', en: 'Nanchang', province: '江西省', region: 'jiangxi', areaCode: '0791', territory: 1, weight: 1, districts: [['360102', '东湖区'], ['360111', '青山湖区']] },
  { zh: '武汉', en: 'Wuhan', province: '湖北省', region: 'hubei', areaCode: '027', territory: 1, weight: 3, districts: [['420106', '武昌区'], ['420111', '洪山区']] },
  { zh: '广州', en: 'Guangzhou', province: '广东省', region: 'guangdong', areaCode: '020', territory: 2, weight: 7, districts: [['440106', '天河区'], ['440104', '越秀区'], ['440111', '白云区']] },
  { zh: '深圳', en: 'Shenzhen', province: '广东省', region: 'guangdong', areaCode: '0755', territory: 2, weight: 9, districts: [['440305', '南山区'], ['440304', '福田区'], ['440306', '宝安区'], ['440307', '龙岗区']] },
  { zh: '东莞', en: 'Dongguan', province: '广东省', region: 'guangdong', areaCode: '0769', territory: 2, weight: 2, districts: [['441900', '松山湖'], ['441900', '南城街道']] },
  { zh: '佛山', en: 'Foshan', province: '广东省', region: 'guangdong', areaCode: '0757', territory: 2, weight: 2, districts: [['440604', '禅城区'], ['440606', '顺德区']] },
  { zh: '厦门', en: 'Xiamen', province: '福建省', region: 'fujian', areaCode: '0592', territory: 2, weight: 2, districts: [['350203', '思明区'], ['350206', '湖里区']] },
  { zh: '福州', en: 'Fuzhou', province: '福建省', region: 'fujian', areaCode: '0591', territory: 2, weight: 1.5, districts: [['350102', '鼓楼区'], ['350104', '仓山区']] },
  { zh: '长沙', en: 'Changsha', province: '湖南省', region: 'hunan', areaCode: '0731', territory: 2, weight: 2, districts: [['430104', '岳麓区'], ['430105', '开福区']] },
  { zh: '南宁', en: 'Nanning', province: '广西壮族自治区', region: 'guangxi', areaCode: '0771', territory: 2, weight: 1, districts: [['450103', '青秀区'], ['450107', '西乡塘区']] },
  { zh: '海口', en: 'Haikou', province: '海南省', region: 'hainan', areaCode: '0898', territory: 2, weight: 0.8, districts: [['460105', '秀英区'], ['460106', '龙华区']] },
  { zh: '重庆', en: 'Chongqing', province: '', region: 'chongqing', areaCode: '023', territory: 2, weight: 3, districts: [['500103', '渝中区'], ['500112', '渝北区']] },
  { zh: '成都', en: 'Chengdu', province: '四川省', region: 'sichuan', areaCode: '028', territory: 2, weight: 4, districts: [['510107', '武侯区'], ['510104', '锦江区']] },
  { zh: '贵阳', en: 'Guiyang', province: '贵州省', region: 'guizhou', areaCode: '0851', territory: 2, weight: 0.8, districts: [['520102', '南明区'], ['520115', '观山湖区']] },
  { zh: '昆明', en: 'Kunming', province: '云南省', region: 'yunnan', areaCode: '0871', territory: 2, weight: 1, districts: [['530102', '五华区'], ['530111', '官渡区']] },
  { zh: '拉萨', en: 'Lhasa', province: '西藏自治区', region: 'xizang', areaCode: '0891', territory: 2, weight: 0.2, districts: [['540102', '城关区']] },
];

/** Places of English-named companies registered outside the mainland (no credit code). */
export interface OverseasPlace {
  en: string;
  region: Region;
  territory: TerritoryIndex;
  phonePrefix: string;
  addresses: readonly string[];
}

export const OVERSEAS_PLACES: readonly OverseasPlace[] = [
  { en: 'Hong Kong', region: 'hongkong', territory: 2, phonePrefix: '+852 ', addresses: ['18 Harbour Road, Wan Chai, Hong Kong', '1 Austin Road West, Kowloon, Hong Kong', '8 Finance Street, Central, Hong Kong', '100 Cyberport Road, Hong Kong'] },
  { en: 'Singapore', region: 'overseas', territory: 1, phonePrefix: '+65 ', addresses: ['1 Raffles Place, Singapore 048616', '10 Marina Boulevard, Singapore 018983', '71 Ayer Rajah Crescent, Singapore 139951'] },
  { en: 'Tokyo', region: 'overseas', territory: 0, phonePrefix: '+81 3 ', addresses: ['2-7-2 Marunouchi, Chiyoda-ku, Tokyo', '1-1-2 Oshiage, Sumida-ku, Tokyo'] },
  { en: 'London', region: 'overseas', territory: 1, phonePrefix: '+44 20 ', addresses: ['30 St Mary Axe, London EC3A 8BF', '1 Canada Square, London E14 5AB'] },
  { en: 'San Jose', region: 'overseas', territory: 1, phonePrefix: '+1 408 ', addresses: ['2450 N 1st St, San Jose, CA 95131', '170 W Tasman Dr, San Jose, CA 95134'] },
];

export const ROADS: readonly string[] = [
  '科技园路', '人民路', '中山路', '建设路', '解放路', '长江路', '创业路', '高新大道', '学院路', '软件园路', '滨江大道',
  '金融街', '世纪大道', '工业园路', '望京街', '文三路', '深南大道', '天府大道', '东湖路', '新华路', '光谷大道', '湖滨路',
];
export const BUILDING_SUFFIXES: readonly string[] = ['', '', 'A座', 'B座', '1号楼', '2号楼', '科技大厦', '创新中心', '国际广场'];

// ---------- company names ----------

/** First character of a two-character brand (字号). Disjoint from BRAND_SECOND so every pair is distinct. */
export const BRAND_FIRST: readonly Syllable[] = [
  ['华', 'hua'], ['瑞', 'rui'], ['博', 'bo'], ['恒', 'heng'], ['鼎', 'ding'], ['盛', 'sheng'], ['宏', 'hong'], ['海', 'hai'],
  ['天', 'tian'], ['中', 'zhong'], ['金', 'jin'], ['正', 'zheng'], ['嘉', 'jia'], ['汇', 'hui'], ['东', 'dong'], ['星', 'xing'],
  ['启', 'qi'], ['泰', 'tai'], ['卓', 'zhuo'], ['弘', 'hong'], ['荣', 'rong'], ['长', 'chang'], ['万', 'wan'], ['辰', 'chen'],
  ['光', 'guang'], ['亿', 'yi'], ['优', 'you'], ['蓝', 'lan'], ['青', 'qing'], ['聚', 'ju'], ['朗', 'lang'], ['精', 'jing'],
  ['微', 'wei'], ['极', 'ji'], ['百', 'bai'], ['永', 'yong'], ['佳', 'jia'], ['顺', 'shun'], ['众', 'zhong'], ['宝', 'bao'],
  ['富', 'fu'], ['国', 'guo'], ['美', 'mei'], ['力', 'li'], ['大', 'da'], ['北', 'bei'], ['康', 'kang'], ['乐', 'le'],
  ['久', 'jiu'], ['开', 'kai'], ['高', 'gao'], ['同', 'tong'], ['君', 'jun'], ['奥', 'ao'], ['欧', 'ou'], ['龙', 'long'],
  ['云', 'yun'], ['易', 'yi'], ['新', 'xin'], ['明', 'ming'], ['京', 'jing'], ['兴', 'xing'], ['振', 'zhen'], ['世', 'shi'],
  ['宁', 'ning'], ['圣', 'sheng'], ['亚', 'ya'], ['飞', 'fei'], ['伟', 'wei'], ['雅', 'ya'],
];

/** Second character of a brand. */
export const BRAND_SECOND: readonly Syllable[] = [
  ['信', 'xin'], ['达', 'da'], ['通', 'tong'], ['联', 'lian'], ['创', 'chuang'], ['源', 'yuan'], ['宇', 'yu'], ['丰', 'feng'],
  ['成', 'cheng'], ['诚', 'cheng'], ['辉', 'hui'], ['锐', 'rui'], ['图', 'tu'], ['展', 'zhan'], ['鑫', 'xin'], ['驰', 'chi'],
  ['航', 'hang'], ['盈', 'ying'], ['远', 'yuan'], ['拓', 'tuo'], ['域', 'yu'], ['维', 'wei'], ['途', 'tu'], ['森', 'sen'],
  ['杰', 'jie'], ['迅', 'xun'], ['智', 'zhi'], ['捷', 'jie'], ['晟', 'sheng'], ['峰', 'feng'], ['润', 'run'], ['邦', 'bang'],
  ['翔', 'xiang'], ['视', 'shi'], ['讯', 'xun'], ['晖', 'hui'], ['腾', 'teng'], ['尚', 'shang'], ['悦', 'yue'], ['安', 'an'],
  ['泽', 'ze'], ['德', 'de'], ['和', 'he'], ['凯', 'kai'], ['数', 'shu'], ['能', 'neng'], ['睿', 'rui'], ['思', 'si'],
  ['赛', 'sai'], ['威', 'wei'], ['特', 'te'], ['普', 'pu'], ['利', 'li'], ['科', 'ke'], ['隆', 'long'], ['祥', 'xiang'],
  ['昌', 'chang'], ['发', 'fa'], ['泓', 'hong'], ['禾', 'he'], ['佑', 'you'], ['芯', 'xin'], ['璟', 'jing'], ['策', 'ce'],
  ['湃', 'pai'], ['岚', 'lan'], ['帆', 'fan'], ['骏', 'jun'], ['铭', 'ming'], ['桥', 'qiao'],
];

/** Industry word in a company name, with its GB/T 4754-2017 division and a slug for web domains. */
export interface IndustryWord {
  zh: string;
  en: string;
  code: string;
  slug: string;
}

export const INDUSTRY_WORDS: readonly IndustryWord[] = [
  { zh: '科技', en: 'Technology', code: 'I65', slug: 'tech' },
  { zh: '信息技术', en: 'Information Technology', code: 'I65', slug: 'it' },
  { zh: '软件', en: 'Software', code: 'I65', slug: 'soft' },
  { zh: '网络科技', en: 'Network Technology', code: 'I64', slug: 'net' },
  { zh: '数据科技', en: 'Data Technology', code: 'I65', slug: 'data' },
  { zh: '智能科技', en: 'Intelligent Technology', code: 'I65', slug: 'ai' },
  { zh: '通信技术', en: 'Communications', code: 'I63', slug: 'tel' },
  { zh: '电子', en: 'Electronics', code: 'C39', slug: 'elec' },
  { zh: '光电', en: 'Optoelectronics', code: 'C39', slug: 'opto' },
  { zh: '半导体', en: 'Semiconductor', code: 'C39', slug: 'semi' },
  { zh: '电气', en: 'Electric', code: 'C38', slug: 'electric' },
  { zh: '仪器仪表', en: 'Instruments', code: 'C40', slug: 'inst' },
  { zh: '医疗器械', en: 'Medical Devices', code: 'C35', slug: 'med' },
  { zh: '生物医药', en: 'Biopharma', code: 'C27', slug: 'bio' },
  { zh: '健康管理', en: 'Health Management', code: 'Q84', slug: 'health' },
  { zh: '新材料', en: 'New Materials', code: 'C30', slug: 'mat' },
  { zh: '化工', en: 'Chemicals', code: 'C26', slug: 'chem' },
  { zh: '新能源', en: 'New Energy', code: 'D44', slug: 'energy' },
  { zh: '环保科技', en: 'Environmental Technology', code: 'N77', slug: 'eco' },
  { zh: '机械设备', en: 'Machinery', code: 'C34', slug: 'mach' },
  { zh: '自动化', en: 'Automation', code: 'C34', slug: 'auto' },
  { zh: '精密制造', en: 'Precision Manufacturing', code: 'C34', slug: 'precision' },
  { zh: '汽车零部件', en: 'Auto Parts', code: 'C36', slug: 'autoparts' },
  { zh: '食品', en: 'Foods', code: 'C14', slug: 'food' },
  { zh: '饮品', en: 'Beverages', code: 'C15', slug: 'drinks' },
  { zh: '服饰', en: 'Apparel', code: 'C18', slug: 'apparel' },
  { zh: '纺织', en: 'Textiles', code: 'C17', slug: 'textile' },
  { zh: '家居', en: 'Home Furnishings', code: 'C21', slug: 'home' },
  { zh: '包装', en: 'Packaging', code: 'C22', slug: 'pack' },
  { zh: '印务', en: 'Printing', code: 'C23', slug: 'print' },
  { zh: '物流', en: 'Logistics', code: 'G58', slug: 'logistics' },
  { zh: '供应链管理', en: 'Supply Chain Management', code: 'L72', slug: 'scm' },
  { zh: '贸易', en: 'Trading', code: 'F51', slug: 'trade' },
  { zh: '商贸', en: 'Commerce', code: 'F52', slug: 'shop' },
  { zh: '建筑工程', en: 'Construction Engineering', code: 'E48', slug: 'build' },
  { zh: '装饰工程', en: 'Interior Engineering', code: 'E50', slug: 'deco' },
  { zh: '教育科技', en: 'Education Technology', code: 'P83', slug: 'edu' },
  { zh: '文化传媒', en: 'Media', code: 'R86', slug: 'media' },
  { zh: '广告', en: 'Advertising', code: 'L72', slug: 'ad' },
  { zh: '管理咨询', en: 'Management Consulting', code: 'L72', slug: 'consult' },
  { zh: '人力资源', en: 'Human Resources', code: 'L72', slug: 'hr' },
  { zh: '检测技术', en: 'Testing Services', code: 'M74', slug: 'testing' },
  { zh: '设计', en: 'Design', code: 'M74', slug: 'design' },
  { zh: '餐饮管理', en: 'Catering Management', code: 'H62', slug: 'catering' },
  { zh: '酒店管理', en: 'Hotel Management', code: 'H61', slug: 'hotel' },
  { zh: '农业科技', en: 'Agritech', code: 'A01', slug: 'agri' },
  { zh: '金融信息服务', en: 'Financial Information Services', code: 'J69', slug: 'fin' },
  { zh: '融资租赁', en: 'Financial Leasing', code: 'J66', slug: 'leasing' },
  { zh: '置业', en: 'Real Estate', code: 'K70', slug: 'estate' },
  { zh: '物业服务', en: 'Property Services', code: 'K70', slug: 'property' },
];

/** Chinese legal forms with their share; all of them are stripped by companyNameKey. */
export const CN_LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 65], ['股份有限公司', 15], ['有限责任公司', 12], ['集团有限公司', 3],
];
export const EN_LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['Co., Ltd.', 55], ['Limited', 20], ['Inc.', 10], ['Ltd.', 10], ['Corporation', 5],
];

export const EN_BRAND_PREFIXES: readonly string[] = [
  'Bright', 'Blue', 'Silver', 'Golden', 'Green', 'Red', 'North', 'East', 'West', 'South', 'Pacific', 'Atlantic',
  'Summit', 'Apex', 'Nova', 'Star', 'Sun', 'Moon', 'Sky', 'Cloud', 'River', 'Ocean', 'Stone', 'Iron', 'Eagle',
  'Falcon', 'Lion', 'Tiger', 'Crystal', 'Swift', 'True', 'Prime', 'Core', 'Nex', 'Omni', 'Vita', 'Terra', 'Aqua',
  'Astra', 'Lumi', 'Quantum', 'Vertex', 'Zen', 'Zephyr', 'Harbor', 'Cedar', 'Maple', 'Pine', 'Oak', 'Jade',
];
export const EN_BRAND_SUFFIXES: readonly string[] = [
  'wave', 'point', 'line', 'path', 'gate', 'bridge', 'field', 'stone', 'view', 'light', 'works', 'tech', 'sys', 'soft',
  'logic', 'link', 'net', 'matrix', 'forge', 'craft', 'way', 'stream', 'peak', 'ridge', 'wood', 'port', 'star',
  'sphere', 'scope', 'vision', 'mind', 'data', 'mark', 'well', 'land', 'hub', 'nova', 'tron', 'dyne', 'gen',
];

export const WEB_TLDS: readonly (readonly [string, number])[] = [['.com', 60], ['.cn', 20], ['.com.cn', 15], ['.net', 5]];

// ---------- people ----------

/** Common surnames, most frequent first (weights follow the 2020 census order roughly). */
export const SURNAMES: readonly Syllable[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
  ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'],
  ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'],
  ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'], ['夏', 'xia'],
  ['韦', 'wei'], ['方', 'fang'], ['白', 'bai'], ['邹', 'zou'], ['孟', 'meng'], ['熊', 'xiong'], ['秦', 'qin'], ['邱', 'qiu'],
  ['江', 'jiang'], ['尹', 'yin'], ['薛', 'xue'], ['欧阳', 'ouyang'], ['上官', 'shangguan'], ['司马', 'sima'],
];

export const GIVEN_NAME_CHARS: readonly Syllable[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'],
  ['玉', 'yu'], ['萍', 'ping'], ['红', 'hong'], ['鹏', 'peng'], ['辉', 'hui'], ['建', 'jian'], ['文', 'wen'], ['斌', 'bin'],
  ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'], ['佳', 'jia'], ['欣', 'xin'], ['怡', 'yi'], ['婷', 'ting'], ['雪', 'xue'],
  ['琳', 'lin'], ['晨', 'chen'], ['晓', 'xiao'], ['思', 'si'], ['雨', 'yu'], ['梓', 'zi'], ['子', 'zi'], ['涵', 'han'],
  ['轩', 'xuan'], ['博', 'bo'], ['昊', 'hao'], ['天', 'tian'], ['俊', 'jun'], ['志', 'zhi'], ['海', 'hai'], ['波', 'bo'],
  ['峰', 'feng'], ['宁', 'ning'], ['慧', 'hui'], ['颖', 'ying'], ['琪', 'qi'], ['倩', 'qian'], ['悦', 'yue'], ['晶', 'jing'],
  ['瑶', 'yao'], ['嘉', 'jia'], ['一', 'yi'], ['诗', 'shi'], ['梦', 'meng'], ['泽', 'ze'], ['睿', 'rui'], ['然', 'ran'],
  ['可', 'ke'], ['心', 'xin'], ['语', 'yu'], ['楠', 'nan'], ['岩', 'yan'], ['彬', 'bin'], ['健', 'jian'], ['帆', 'fan'],
  ['亮', 'liang'], ['东', 'dong'], ['春', 'chun'], ['立', 'li'], ['国', 'guo'], ['秋', 'qiu'], ['卫', 'wei'], ['荣', 'rong'],
];

export const EN_FIRST_NAMES: readonly string[] = [
  'James', 'John', 'Robert', 'Michael', 'David', 'William', 'Richard', 'Thomas', 'Daniel', 'Matthew', 'Kevin', 'Jason',
  'Eric', 'Peter', 'Andrew', 'Steven', 'Brian', 'Tony', 'Vincent', 'Jack', 'Mary', 'Jennifer', 'Linda', 'Elizabeth',
  'Susan', 'Jessica', 'Sarah', 'Karen', 'Emily', 'Grace', 'Amy', 'Anna', 'Helen', 'Cindy', 'Vivian', 'Emma', 'Olivia',
  'Sophia', 'Chloe', 'Rachel', 'Laura', 'Claire', 'Lucas', 'Henry', 'Oliver', 'Ethan', 'Leo', 'Nina', 'Iris', 'Ivy',
];
export const EN_LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson', 'Thomas', 'Moore',
  'Martin', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Clark',
  'Lewis', 'Robinson', 'Tan', 'Lim', 'Ng', 'Wong', 'Chan', 'Chen', 'Wang', 'Zhang', 'Liu', 'Lin', 'Huang', 'Tanaka', 'Sato',
];

/** A job in the customer's organisation and where it usually sits in the buying decision (采购决策链). */
export interface JobTitle {
  zh: string;
  zhDept: string;
  en: string;
  enDept: string;
  role: DecisionRole;
  power: 'high' | 'medium' | 'low';
}

/** Titles of the first contact of an account: the person who decides. */
export const DECISION_MAKER_TITLES: readonly JobTitle[] = [
  { zh: '总经理', zhDept: '总经办', en: 'General Manager', enDept: 'Management', role: 'decisionMaker', power: 'high' },
  { zh: '董事长', zhDept: '董事会', en: 'Chairman', enDept: 'Board', role: 'decisionMaker', power: 'high' },
  { zh: 'CEO', zhDept: '总经办', en: 'CEO', enDept: 'Management', role: 'decisionMaker', power: 'high' },
  { zh: '副总裁', zhDept: '总经办', en: 'Vice President', enDept: 'Management', role: 'decisionMaker', power: 'high' },
];

export const JOB_TITLES: readonly JobTitle[] = [
  { zh: '财务总监', zhDept: '财务部', en: 'CFO', enDept: 'Finance', role: 'economicBuyer', power: 'high' },
  { zh: '副总经理', zhDept: '总经办', en: 'Deputy General Manager', enDept: 'Management', role: 'economicBuyer', power: 'high' },
  { zh: '采购总监', zhDept: '采购部', en: 'Procurement Director', enDept: 'Procurement', role: 'economicBuyer', power: 'medium' },
  { zh: '采购经理', zhDept: '采购部', en: 'Procurement Manager', enDept: 'Procurement', role: 'gatekeeper', power: 'medium' },
  { zh: 'CIO', zhDept: '信息中心', en: 'CIO', enDept: 'IT', role: 'technicalBuyer', power: 'high' },
  { zh: 'IT经理', zhDept: '信息中心', en: 'IT Manager', enDept: 'IT', role: 'technicalBuyer', power: 'medium' },
  { zh: '技术总监', zhDept: '技术部', en: 'CTO', enDept: 'Engineering', role: 'technicalBuyer', power: 'high' },
  { zh: '项目经理', zhDept: '项目管理部', en: 'Project Manager', enDept: 'PMO', role: 'champion', power: 'medium' },
  { zh: '销售总监', zhDept: '销售部', en: 'Sales Director', enDept: 'Sales', role: 'influencer', power: 'medium' },
  { zh: '市场经理', zhDept: '市场部', en: 'Marketing Manager', enDept: 'Marketing', role: 'influencer', power: 'medium' },
  { zh: '运营总监', zhDept: '运营部', en: 'Head of Operations', enDept: 'Operations', role: 'champion', power: 'medium' },
  { zh: '产品经理', zhDept: '产品部', en: 'Product Manager', enDept: 'Product', role: 'user', power: 'low' },
  { zh: '高级工程师', zhDept: '研发中心', en: 'Senior Engineer', enDept: 'R&D', role: 'user', power: 'low' },
  { zh: '行政主管', zhDept: '行政部', en: 'Office Manager', enDept: 'Administration', role: 'gatekeeper', power: 'low' },
  { zh: '人力资源经理', zhDept: '人力资源部', en: 'HR Manager', enDept: 'Human Resources', role: 'influencer', power: 'low' },
  { zh: '总经理助理', zhDept: '总经办', en: 'Executive Assistant', enDept: 'Management', role: 'gatekeeper', power: 'low' },
  { zh: '质量经理', zhDept: '质量部', en: 'Quality Manager', enDept: 'Quality', role: 'user', power: 'low' },
  { zh: '生产总监', zhDept: '生产部', en: 'Production Director', enDept: 'Production', role: 'influencer', power: 'medium' },
  { zh: '客服主管', zhDept: '客户服务部', en: 'Customer Service Lead', enDept: 'Customer Service', role: 'user', power: 'low' },
];

export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159',
  '166', '173', '177', '180', '181', '182', '185', '186', '187', '188', '189', '191', '198', '199',
];

// ---------- sales ----------

export interface Product {
  zh: string;
  en: string;
  /** Unit price range in yuan (rounded to `priceStep`). */
  price: readonly [number, number];
  priceStep: number;
  quantity: readonly [number, number];
}

export const PRODUCTS: readonly Product[] = [
  { zh: 'CRM 企业版订阅（每用户/年）', en: 'CRM Enterprise Subscription (per user/year)', price: [800, 1500], priceStep: 100, quantity: [10, 300] },
  { zh: '实施服务（人天）', en: 'Implementation Services (man-day)', price: [1500, 3000], priceStep: 100, quantity: [5, 120] },
  { zh: '数据中台模块', en: 'Data Platform Module', price: [80000, 300000], priceStep: 1000, quantity: [1, 1] },
  { zh: '私有化部署许可', en: 'On-premise Deployment License', price: [100000, 500000], priceStep: 5000, quantity: [1, 1] },
  { zh: '培训服务', en: 'Training Services', price: [5000, 20000], priceStep: 500, quantity: [1, 5] },
  { zh: '年度运维服务', en: 'Annual Maintenance', price: [20000, 150000], priceStep: 1000, quantity: [1, 1] },
  { zh: '工业网关 G200', en: 'Industrial Gateway G200', price: [3000, 8000], priceStep: 100, quantity: [5, 200] },
  { zh: '智能传感器套件', en: 'Smart Sensor Kit', price: [500, 2000], priceStep: 50, quantity: [20, 800] },
  { zh: '机架式服务器（2U）', en: 'Rack Server (2U)', price: [30000, 80000], priceStep: 1000, quantity: [1, 20] },
  { zh: '定制开发（人天）', en: 'Custom Development (man-day)', price: [1800, 3500], priceStep: 100, quantity: [10, 200] },
  { zh: 'API 调用包（百万次）', en: 'API Call Package (1M calls)', price: [2000, 10000], priceStep: 500, quantity: [1, 50] },
  { zh: '移动端 App 授权', en: 'Mobile App License', price: [200, 600], priceStep: 10, quantity: [10, 300] },
  { zh: '金牌技术支持（年）', en: 'Premium Support (annual)', price: [50000, 200000], priceStep: 5000, quantity: [1, 1] },
  { zh: '营销自动化模块', en: 'Marketing Automation Module', price: [60000, 180000], priceStep: 1000, quantity: [1, 1] },
  { zh: '呼叫中心坐席', en: 'Contact Center Seat', price: [1200, 3000], priceStep: 100, quantity: [5, 100] },
];

/** What a deal is about; combined with the customer's short name (e.g. 华信科技 CRM 升级项目). */
export const DEAL_THEMES: readonly (readonly [string, string])[] = [
  ['CRM 升级项目', 'CRM Upgrade'], ['数字化转型项目', 'Digital Transformation'], ['数据中台建设', 'Data Platform Build-out'],
  ['私有化部署项目', 'On-premise Deployment'], ['年度续约', 'Annual Renewal'], ['设备采购', 'Equipment Purchase'],
  ['系统集成项目', 'Systems Integration'], ['运维外包', 'Managed Services'], ['智能工厂一期', 'Smart Factory Phase 1'],
  ['营销自动化项目', 'Marketing Automation'], ['增购', 'Expansion'], ['二期项目', 'Phase 2'], ['客服中心建设', 'Contact Center'],
  ['全国推广项目', 'Nationwide Rollout'], ['试点项目', 'Pilot'],
];

export const COMPETITORS: readonly string[] = [
  '销售易', '纷享销客', 'Salesforce', '用友', '金蝶', '神州云动', 'HubSpot', 'Zoho', '悟空CRM', 'Microsoft Dynamics',
  '客户自研', '本地集成商', '暂无明确竞争对手',
];

export const LOST_REASONS: readonly (readonly [string, string])[] = [
  ['价格过高，客户选择了更便宜的方案', 'Price too high'],
  ['选择了竞争对手', 'Chose a competitor'],
  ['预算取消', 'Budget cancelled'],
  ['项目延期至明年', 'Project postponed to next year'],
  ['决策人变动', 'Decision maker left'],
  ['功能不满足需求', 'Product did not fit requirements'],
  ['客户失去联系', 'Customer went silent'],
  ['客户决定自研', 'Customer decided to build in-house'],
];

export const CAMPAIGNS: readonly (readonly [string, string])[] = [
  ['2024 数字化转型峰会', 'event'], ['2025 春季新品发布会', 'event'], ['深圳高交会展位', 'event'], ['上海工博会', 'event'],
  ['百度搜索推广', 'ads'], ['巨量引擎信息流', 'ads'], ['Google Ads - APAC', 'ads'], ['LinkedIn Webinar Q2', 'ads'],
  ['官网试用申请', 'website'], ['官网在线咨询', 'website'], ['微信公众号白皮书下载', 'form'], ['行业报告下载表单', 'form'],
  ['老客户转介绍计划', 'referral'], ['渠道伙伴联合推广', 'partner'], ['企业微信活码', 'wecom'], ['外呼名单 2025Q1', 'coldCall'],
];

// ---------- activities ----------

/** Subjects of logged interactions and tasks, by type: [Chinese list, English list]. */
export const ACTIVITY_SUBJECTS: Readonly<Record<'call' | 'meeting' | 'email' | 'visit' | 'note' | 'task', readonly [readonly string[], readonly string[]]>> = {
  call: [
    ['电话沟通需求', '电话跟进报价反馈', '确认拜访时间', '回访使用情况', '催收本期回款', '电话确认合同条款', '了解预算审批进展', '首次电话联系'],
    ['Discovery call', 'Follow-up on quote', 'Scheduling a visit', 'Check-in call', 'Payment reminder call'],
  ],
  meeting: [
    ['方案评审会', '需求调研会议', '商务谈判', '项目启动会', '季度业务回顾（QBR）', '线上产品演示', '技术方案答疑会'],
    ['Solution review', 'Requirements workshop', 'Commercial negotiation', 'Kick-off meeting', 'Quarterly business review'],
  ],
  email: [
    ['发送产品资料', '发送报价单', '发送合同草稿', '会议纪要', '续约提醒', '发送成功案例', '发送发票'],
    ['Product brochure', 'Quote sent', 'Draft contract', 'Meeting notes', 'Renewal reminder'],
  ],
  visit: [
    ['上门拜访', '现场产品演示', '技术交流', '高层拜访', '售后巡检', '陪同客户参观样板客户'],
    ['On-site visit', 'On-site demo', 'Technical workshop', 'Executive visit'],
  ],
  note: [
    ['微信沟通记录', '客户组织架构调整', '竞品情况更新', '预算审批进展', '客户反馈汇总', '关键人喜好备忘'],
    ['WeChat conversation', 'Org change at customer', 'Competitor update', 'Budget approval status'],
  ],
  task: [
    ['准备报价单', '上传竞品分析', '安排产品演示', '跟进合同盖章', '开具发票', '确认回款到账', '发送生日祝福', '续约沟通', '满意度回访', '整理需求清单', '提交折扣审批'],
    ['Prepare quote', 'Upload competitor analysis', 'Schedule demo', 'Chase contract signature', 'Confirm payment received', 'Renewal call'],
  ],
};

export const ACTIVITY_OUTCOMES: readonly [readonly string[], readonly string[]] = [
  ['客户有兴趣，约下周演示', '需求已确认', '对价格有异议，需申请折扣', '等待客户内部审批', '已发送资料，待反馈', '客户暂无需求', '同意进入报价阶段', '未接通，稍后再联系', '客户满意，考虑增购', '技术方案通过评审'],
  ['Interested, demo next week', 'Requirements confirmed', 'Pushback on price', 'Waiting for internal approval', 'No need right now', 'Agreed to move to quote'],
];

export const ACTIVITY_NEXT_STEPS: readonly [readonly string[], readonly string[]] = [
  ['下周二上门演示', '准备正式报价', '发送合同草稿', '两周后再次跟进', '安排技术交流', '邀请参加线下活动', '与财务确认付款计划', '约高层会面'],
  ['On-site demo next Tuesday', 'Prepare formal quote', 'Send draft contract', 'Follow up in two weeks', 'Arrange technical workshop'],
];

export const ACTIVITY_TOPICS: readonly [readonly string[], readonly string[]] = [
  ['项目范围和上线时间', '报价和付款方式', '系统对接方案', '数据迁移', '用户培训安排', '续约条款', '售后服务响应时间', '私有化部署要求'],
  ['project scope and go-live date', 'pricing and payment terms', 'integration approach', 'data migration', 'training plan'],
];

// ---------- service ----------

export const TICKET_SUBJECTS: readonly (readonly [string, string, 'question' | 'incident' | 'request' | 'complaint'])[] = [
  ['系统登录异常', 'Cannot log in after password reset', 'incident'],
  ['数据导入失败', 'Data import fails', 'incident'],
  ['报表导出乱码', 'Exported report shows garbled text', 'incident'],
  ['移动端同步慢', 'Mobile app syncs slowly', 'incident'],
  ['接口调用超时', 'API calls time out', 'incident'],
  ['升级后页面白屏', 'Blank page after upgrade', 'incident'],
  ['设备离线告警', 'Device offline alert', 'incident'],
  ['申请新增用户账号', 'Request for new user accounts', 'request'],
  ['发票开具申请', 'Invoice request', 'request'],
  ['申请开通 API 权限', 'Request for API key', 'request'],
  ['申请延长试用期', 'Request to extend trial', 'request'],
  ['权限配置咨询', 'Question about permission settings', 'question'],
  ['如何批量修改客户负责人', 'How to reassign accounts in bulk', 'question'],
  ['如何设置审批流程', 'How to configure approval flows', 'question'],
  ['报表字段含义咨询', 'What does this report field mean', 'question'],
  ['对实施进度不满意', 'Unhappy with implementation progress', 'complaint'],
  ['售后响应太慢', 'Support response too slow', 'complaint'],
  ['账单金额有误', 'Wrong amount on invoice', 'complaint'],
];

export const TICKET_DESCRIPTIONS: readonly [readonly string[], readonly string[]] = [
  ['客户反馈问题从昨天开始出现，影响多名用户，请尽快处理。', '客户通过企业微信反馈，已附截图。', '问题可稳定复现，客户希望本周内解决。', '客户来电咨询，需要提供操作说明。'],
  ['Customer reports the issue started yesterday and affects several users.', 'Reported by e-mail with screenshots attached.'],
];

export const TICKET_RESOLUTIONS: readonly [readonly string[], readonly string[]] = [
  ['已远程协助处理，客户确认恢复正常', '已发送操作手册并电话讲解', '定位为网络配置问题，客户 IT 已修复', '已发布补丁版本修复', '已按申请完成开通', '已重新开具发票'],
  ['Fixed remotely, customer confirmed', 'Sent the user guide and walked through it', 'Patched in the latest release', 'Done as requested'],
];

/** Ticket statuses with their share in the sample data. */
export const TICKET_STATUS_WEIGHTS: readonly (readonly [TicketStatus, number])[] = [
  ['new', 10], ['open', 20], ['pending', 12], ['resolved', 20], ['closed', 38],
];

// ---------- accounts ----------

export const ACCOUNT_FREE_TAGS: readonly string[] = [
  '政府客户', '上市公司', '外资企业', '高新技术企业', '专精特新', '展会客户', '年度框架', '渠道客户',
];

export const ACCOUNT_NOTES: readonly [readonly string[], readonly string[]] = [
  ['年度框架客户，需关注续约窗口', '客户对数据安全要求高，倾向私有化部署', '由渠道伙伴引荐', '总部在外地，本地为分公司', '付款周期较长，注意回款', '客户计划明年扩大使用范围'],
  ['Framework customer, watch the renewal window', 'Strict data-security requirements', 'Introduced by a channel partner'],
];

export const LEAD_NOTES: readonly [readonly string[], readonly string[]] = [
  ['在官网下载了白皮书', '展会现场扫码留资', '对价格比较敏感', '有明确的采购计划', '目前使用竞品，合同年底到期', '需要先做 POC'],
  ['Downloaded the white paper', 'Met at the trade show', 'Price sensitive', 'Has a clear purchase plan'],
];

export const CONTRACT_NOTES: readonly [readonly string[], readonly string[]] = [
  ['按季度开票', '含一年免费维保', '付款以到票为准', '需盖骑缝章', ''],
  ['Invoiced quarterly', 'Includes one year of maintenance', ''],
];

export const PAYMENT_NOTES: readonly string[] = ['首付款', '进度款', '验收款', '尾款', '质保金'];

export const EXPENSE_TITLES: readonly string[] = ['差旅费用报销', '客户招待费用', '展会物料费用', '样机借用申请'];
