import type { TAnswerOption, TInstrumentDefinition } from '../definition.js';

/**
 * PHQ-9 and GAD-7: items 0–3 by frequency over the last two weeks, plain sums with the standard
 * cut-offs 5 / 10 / 15 (/ 20). Both are free to reproduce, translate and use; the wording here is
 * Lifeline's plain rendering of the published items. PHQ-9's unscored tenth question (how
 * difficult the problems made work and home life) is not part of the score and is not asked here.
 */

const t = (zh: string, en: string) => ({ zh, en });
const item = (zh: string, en: string) => ({ text: t(zh, en) });

/** The four frequency options shared by PHQ-9 and GAD-7. */
export const PHQ_OPTIONS: TAnswerOption[] = [
  { value: 0, label: t('完全不会', 'Not at all') },
  { value: 1, label: t('好几天', 'Several days') },
  { value: 2, label: t('一半以上的天数', 'More than half the days') },
  { value: 3, label: t('几乎每天', 'Nearly every day') },
];

const PHQ_LICENCE =
  'Developed by Drs. Robert L. Spitzer, Janet B. W. Williams, Kurt Kroenke and colleagues, with an ' +
  'educational grant from Pfizer Inc. No permission is required to reproduce, translate, display or distribute.';

const TWO_WEEKS = t(
  '在过去两周里，以下问题困扰您的频率是多少？请选择最符合的一项。',
  'Over the last two weeks, how often have you been bothered by the following problems? Choose the closest answer.',
);

/** Patient Health Questionnaire-9; item 9 above 0 raises `self_harm_item` whatever the total. */
export const PHQ9: TInstrumentDefinition = {
  code: 'phq9',
  version: '1.0',
  name: t('患者健康问卷（PHQ-9）', 'Patient Health Questionnaire (PHQ-9)'),
  description: t(
    '九个问题，了解最近两周的情绪状况。这是筛查工具，不是诊断。',
    'Nine questions about your mood over the last two weeks. It is a screening aid, not a diagnosis.',
  ),
  instructions: TWO_WEEKS,
  source: {
    citation:
      'Kroenke, K., Spitzer, R. L., & Williams, J. B. W. (2001). The PHQ-9: Validity of a brief depression ' +
      'severity measure. Journal of General Internal Medicine, 16(9), 606–613.',
    licence: PHQ_LICENCE,
  },
  options: PHQ_OPTIONS,
  items: [
    item('做事时提不起劲或没有兴趣', 'Little interest or pleasure in doing things'),
    item('感到心情低落、沮丧或绝望', 'Feeling down, depressed or hopeless'),
    item('入睡困难、睡不安稳或睡眠过多', 'Trouble falling or staying asleep, or sleeping too much'),
    item('感觉疲倦或没有活力', 'Feeling tired or having little energy'),
    item('食欲不振或吃太多', 'Poor appetite or overeating'),
    item(
      '觉得自己很糟，或觉得自己很失败，或让自己或家人失望',
      'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
    ),
    item(
      '对事物专注有困难，例如阅读报纸或看电视时',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
    ),
    item(
      '动作或说话速度缓慢到别人已经察觉，或正好相反，烦躁或坐立不安、动来动去的情况比平常更多',
      'Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual',
    ),
    item(
      '有不如死掉或用某种方式伤害自己的念头',
      'Thoughts that you would be better off dead, or of hurting yourself in some way',
    ),
  ],
  reverseItems: [],
  scoring: {
    kind: 'total',
    multiplier: 1,
    rounding: 'none',
    norms: {
      version: 'std-1',
      source: 'Kroenke et al. (2001): 5, 10, 15 and 20 mark mild, moderate, moderately severe and severe.',
      bands: [
        { from: 0, to: 4, code: 'minimal', label: t('无或极轻微', 'None to minimal') },
        { from: 5, to: 9, code: 'mild', label: t('轻度', 'Mild') },
        { from: 10, to: 14, code: 'moderate', label: t('中度', 'Moderate') },
        { from: 15, to: 19, code: 'moderately_severe', label: t('中重度', 'Moderately severe') },
        { from: 20, to: 27, code: 'severe', label: t('重度', 'Severe') },
      ],
    },
  },
  flags: [
    {
      item: 9,
      op: 'gt',
      value: 0,
      code: 'self_harm_item',
      label: t(
        '第9题提示可能有伤害自己的念头，请尽快与信任的人或专业人员联系',
        'Item 9 suggests thoughts of self-harm: please reach out to someone you trust or a professional soon',
      ),
    },
  ],
};

/** Generalized Anxiety Disorder-7. */
export const GAD7: TInstrumentDefinition = {
  code: 'gad7',
  version: '1.0',
  name: t('广泛性焦虑量表（GAD-7）', 'Generalized Anxiety Disorder scale (GAD-7)'),
  description: t(
    '七个问题，了解最近两周的焦虑状况。这是筛查工具，不是诊断。',
    'Seven questions about anxiety over the last two weeks. It is a screening aid, not a diagnosis.',
  ),
  instructions: TWO_WEEKS,
  source: {
    citation:
      'Spitzer, R. L., Kroenke, K., Williams, J. B. W., & Löwe, B. (2006). A brief measure for assessing ' +
      'generalized anxiety disorder: the GAD-7. Archives of Internal Medicine, 166(10), 1092–1097.',
    licence: PHQ_LICENCE,
  },
  options: PHQ_OPTIONS,
  items: [
    item('感觉紧张、焦虑或烦躁', 'Feeling nervous, anxious or on edge'),
    item('不能停止或控制担忧', 'Not being able to stop or control worrying'),
    item('对各种各样的事情担忧过多', 'Worrying too much about different things'),
    item('很难放松下来', 'Trouble relaxing'),
    item('由于不安而无法静坐', 'Being so restless that it is hard to sit still'),
    item('变得容易烦恼或急躁', 'Becoming easily annoyed or irritable'),
    item('感到似乎将有可怕的事情发生而害怕', 'Feeling afraid, as if something awful might happen'),
  ],
  reverseItems: [],
  scoring: {
    kind: 'total',
    multiplier: 1,
    rounding: 'none',
    norms: {
      version: 'std-1',
      source: 'Spitzer et al. (2006): 5, 10 and 15 mark mild, moderate and severe anxiety.',
      bands: [
        { from: 0, to: 4, code: 'minimal', label: t('无或极轻微', 'None to minimal') },
        { from: 5, to: 9, code: 'mild', label: t('轻度', 'Mild') },
        { from: 10, to: 14, code: 'moderate', label: t('中度', 'Moderate') },
        { from: 15, to: 21, code: 'severe', label: t('重度', 'Severe') },
      ],
    },
  },
  flags: [],
};
