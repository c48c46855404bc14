import type { TInstrumentDefinition } from '../definition.js';

/**
 * The career-interest inventory: the 48 activity items of the brief public-domain RIASEC marker
 * scales (Armstrong, Allison & Rounds, 2008), 8 per Holland type, rated 1–5 from "strongly
 * dislike" to "strongly like". Scored as a profile (a sum of 8–40 per type) and a three-letter
 * code; no band, because there is no norm for Chinese employees. Why this one, and its licence:
 * docs/decisions/0011-career-interest-inventory.md. For career exploration only: never for
 * selection, placement or evaluation of people.
 */

const t = (zh: string, en: string) => ({ zh, en });

type Type = 'R' | 'I' | 'A' | 'S' | 'E' | 'C';

/** The items of each type in the published order; the English is the published wording. */
const BY_TYPE: Record<Type, [string, string][]> = {
  R: [
    ['在零件发货前检验质量', 'Test the quality of parts before shipment'],
    ['砌砖或铺瓷砖', 'Lay brick or tile'],
    ['在海上石油钻井平台工作', 'Work on an offshore oil-drilling rig'],
    ['组装电子元件', 'Assemble electronic parts'],
    ['在工厂里操作磨床', 'Operate a grinding machine in a factory'],
    ['修理坏了的水龙头', 'Fix a broken faucet'],
    ['在工厂里组装产品', 'Assemble products in a factory'],
    ['为住宅铺装地板', 'Install flooring in houses'],
  ],
  I: [
    ['研究人体结构', 'Study the structure of the human body'],
    ['研究动物行为', 'Study animal behavior'],
    ['研究植物或动物', 'Do research on plants or animals'],
    ['研发新的医疗方法或治疗程序', 'Develop a new medical treatment or procedure'],
    ['从事生物学研究', 'Conduct biological research'],
    ['研究鲸鱼和其他海洋生物', 'Study whales and other types of marine life'],
    ['在生物实验室工作', 'Work in a biology lab'],
    ['绘制海底地图', 'Make a map of the bottom of an ocean'],
  ],
  A: [
    ['指挥合唱团', 'Conduct a musical choir'],
    ['导演一部话剧', 'Direct a play'],
    ['为杂志设计美术作品', 'Design artwork for magazines'],
    ['创作一首歌曲', 'Write a song'],
    ['写书或剧本', 'Write books or plays'],
    ['演奏乐器', 'Play a musical instrument'],
    ['为电影或电视节目表演特技', 'Perform stunts for a movie or television show'],
    ['为话剧设计舞台布景', 'Design sets for plays'],
  ],
  S: [
    ['为他人提供职业指导', 'Give career guidance to people'],
    ['在非营利组织做志愿服务', 'Do volunteer work at a non-profit organization'],
    ['帮助有药物或酒精问题的人', 'Help people who have problems with drugs or alcohol'],
    ['教别人一套锻炼方法', 'Teach an individual an exercise routine'],
    ['帮助他人解决家庭问题', 'Help people with family-related problems'],
    ['在夏令营中照看孩子们的活动', 'Supervise the activities of children at a camp'],
    ['教孩子们读书识字', 'Teach children how to read'],
    ['帮助老年人料理日常生活', 'Help elderly people with their daily activities'],
  ],
  E: [
    ['向个人出售餐厅加盟经营权', 'Sell restaurant franchises to individuals'],
    ['在百货商场销售商品', 'Sell merchandise at a department store'],
    ['管理一家酒店的运营', 'Manage the operations of a hotel'],
    ['经营美容院或理发店', 'Operate a beauty salon or barber shop'],
    ['管理大公司里的一个部门', 'Manage a department within a large company'],
    ['管理一家服装店', 'Manage a clothing store'],
    ['销售房屋', 'Sell houses'],
    ['经营一家玩具店', 'Run a toy store'],
  ],
  C: [
    ['为办公室制作每月的工资单', 'Generate the monthly payroll checks for an office'],
    ['用手持终端盘点物资', 'Inventory supplies using a hand-held computer'],
    ['用电脑程序生成客户账单', 'Use a computer program to generate customer bills'],
    ['维护员工档案', 'Maintain employee records'],
    ['计算并记录统计数据和其他数字资料', 'Compute and record statistical and other numerical data'],
    ['使用计算器', 'Operate a calculator'],
    ['为客户办理银行业务', "Handle customers' bank transactions"],
    ['记录收发货台账', 'Keep shipping and receiving records'],
  ],
};

const TYPES: Type[] = ['R', 'I', 'A', 'S', 'E', 'C'];

/** Presented interleaved (R1, I1, A1, S1, E1, C1, R2, …) so that no type comes in a block. */
const ITEMS = Array.from({ length: 8 }, (_, k) =>
  TYPES.map((type) => ({ text: t(BY_TYPE[type][k][0], BY_TYPE[type][k][1]), dimension: type })),
).flat();

export const RIASEC: TInstrumentDefinition = {
  code: 'riasec',
  version: '1.0',
  name: t('职业兴趣探索（RIASEC）', 'Career interest explorer (RIASEC)'),
  description: t(
    '48种工作活动，看看您更喜欢哪一类工作。结果是六种兴趣类型的得分和三个字母的兴趣代码，用于职业规划，没有好坏之分。',
    'Forty-eight work activities show which kinds of work you like best. The result is a score for six interest types and a three-letter code for career planning; no type is better than another.',
  ),
  instructions: t(
    '每一条是一种工作活动。请不要考虑收入、学历或自己会不会做，只想一想您喜不喜欢做这件事。',
    'Each statement is a work activity. Do not think about pay, training or whether you could do it; only how much you would like doing it.',
  ),
  source: {
    citation:
      'Armstrong, P. I., Allison, W., & Rounds, J. (2008). Development and initial validation of brief ' +
      'public domain RIASEC marker scales. Journal of Vocational Behavior, 73(2), 287–299. Items selected ' +
      'from the item pool of the O*NET® Interest Profiler (U.S. Department of Labor, Employment and Training ' +
      'Administration). Chinese wording by Lifeline, not validated.',
    licence:
      'Public domain (published by its authors as public-domain marker scales). For career exploration, ' +
      'planning and counselling only, never for selection, placement or evaluation of people.',
  },
  options: [
    { value: 1, label: t('非常不喜欢', 'Strongly dislike') },
    { value: 2, label: t('不喜欢', 'Dislike') },
    { value: 3, label: t('说不准', 'Unsure') },
    { value: 4, label: t('喜欢', 'Like') },
    { value: 5, label: t('非常喜欢', 'Strongly like') },
  ],
  items: ITEMS,
  reverseItems: [],
  scoring: {
    kind: 'profile',
    codeLength: 3,
    dimensions: [
      {
        code: 'R',
        label: t('现实型：动手操作、使用工具和机器', 'Realistic: hands-on work with tools and machines'),
      },
      {
        code: 'I',
        label: t('研究型：观察、分析、解决问题', 'Investigative: observing, analysing, solving problems'),
      },
      { code: 'A', label: t('艺术型：创作、设计、表达', 'Artistic: creating, designing, expressing') },
      { code: 'S', label: t('社会型：帮助、教导、服务他人', 'Social: helping, teaching, serving others') },
      {
        code: 'E',
        label: t('企业型：领导、说服、经营', 'Enterprising: leading, persuading, running things'),
      },
      {
        code: 'C',
        label: t('常规型：按规程处理数据和事务', 'Conventional: orderly work with data and records'),
      },
    ],
  },
  flags: [],
};
