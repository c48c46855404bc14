import type { TAnswerOption, TBand, TInstrumentDefinition } from '../definition.js';

/**
 * Zung's self-rating scales (SAS, SDS): 20 items, 1–4 by frequency over the past week, some items
 * reverse-scored; standard score = raw × 1.25 with the integer part (the rounding rule is part of
 * the instrument version: `withRounding` in `builtins.ts` makes the "round" variant). Bands are
 * the Chinese norm. The item wording is Lifeline's own plain rendering of the published items.
 */

const t = (zh: string, en: string) => ({ zh, en });

/** The four frequency options shared by SAS and SDS. */
export const ZUNG_OPTIONS: TAnswerOption[] = [
  { value: 1, label: t('没有或很少时间', 'None or a little of the time') },
  { value: 2, label: t('小部分时间', 'Some of the time') },
  { value: 3, label: t('相当多时间', 'A good part of the time') },
  { value: 4, label: t('绝大部分或全部时间', 'Most or all of the time') },
];

const ZUNG_LICENCE =
  "Zung's self-rating scales are used without permission or fee in clinical and research practice " +
  'and are treated as public domain; the Chinese and English wording here is written for Lifeline.';

const ZUNG_INSTRUCTIONS = t(
  '请仔细阅读每一条，根据您过去一周的实际感受，选择最符合的一项。答案没有对错之分。',
  'Read each statement and choose how often it applied to you during the past week. There are no right or wrong answers.',
);

const item = (zh: string, en: string) => ({ text: t(zh, en) });

const bands = (cut: [number, number, number], kind: { zh: string; en: string }): TBand[] => [
  {
    from: 25,
    to: cut[0] - 1,
    code: 'normal',
    label: t(`无明显${kind.zh}`, `No significant ${kind.en}`),
  },
  { from: cut[0], to: cut[1] - 1, code: 'mild', label: t(`轻度${kind.zh}`, `Mild ${kind.en}`) },
  { from: cut[1], to: cut[2] - 1, code: 'moderate', label: t(`中度${kind.zh}`, `Moderate ${kind.en}`) },
  { from: cut[2], to: 100, code: 'severe', label: t(`重度${kind.zh}`, `Severe ${kind.en}`) },
];

/** Zung Self-Rating Anxiety Scale; reverse items 5, 9, 13, 17, 19; Chinese norm 50 / 60 / 70. */
export const SAS: TInstrumentDefinition = {
  code: 'sas',
  version: '1.0',
  name: t('焦虑自评量表（SAS）', 'Self-Rating Anxiety Scale (SAS)'),
  description: t(
    '了解自己最近一周与焦虑有关的感受。这是自我了解的工具，不是诊断。',
    'A look at anxiety-related feelings over the past week. It helps you understand yourself; it is not a diagnosis.',
  ),
  instructions: ZUNG_INSTRUCTIONS,
  source: {
    citation:
      'Zung, W. W. K. (1971). A rating instrument for anxiety disorders. Psychosomatics, 12(6), 371–379. ' +
      'Chinese norm cut-offs (standard score 50 / 60 / 70) as compiled in 张明园 主编《精神科评定量表手册》.',
    licence: ZUNG_LICENCE,
  },
  options: ZUNG_OPTIONS,
  items: [
    item('我觉得比平时容易紧张和着急', 'I feel more nervous and anxious than usual'),
    item('我无缘无故地感到害怕', 'I feel afraid for no reason at all'),
    item('我容易心里烦乱或觉得惊恐', 'I get upset easily or feel panicky'),
    item('我觉得自己可能要垮掉了', 'I feel like I am falling apart and going to pieces'),
    item(
      '我觉得一切都很好，也不会发生什么不幸',
      'I feel that everything is all right and nothing bad will happen',
    ),
    item('我的手脚发抖打颤', 'My arms and legs shake and tremble'),
    item('我因为头痛、颈痛和背痛而苦恼', 'I am bothered by headaches, neck and back pain'),
    item('我感觉容易衰弱和疲乏', 'I feel weak and get tired easily'),
    item('我觉得心平气和，并且容易安静地坐着', 'I feel calm and can sit still easily'),
    item('我觉得心跳得很快', 'I can feel my heart beating fast'),
    item('我因为一阵阵头晕而苦恼', 'I am bothered by dizzy spells'),
    item('我有过晕倒，或觉得要晕倒似的', 'I have fainting spells or feel like I might faint'),
    item('我呼气吸气都感到很容易', 'I can breathe in and out easily'),
    item('我的手脚麻木和刺痛', 'I get numbness and tingling in my fingers and toes'),
    item('我因为胃痛和消化不良而苦恼', 'I am bothered by stomach aches or indigestion'),
    item('我常常要小便', 'I have to pass water often'),
    item('我的手常常是干燥温暖的', 'My hands are usually dry and warm'),
    item('我脸红发热', 'My face gets hot and flushed'),
    item('我容易入睡，并且一夜睡得很好', 'I fall asleep easily and get a good night’s rest'),
    item('我做噩梦', 'I have nightmares'),
  ],
  reverseItems: [5, 9, 13, 17, 19],
  scoring: {
    kind: 'total',
    multiplier: 1.25,
    rounding: 'floor',
    norms: {
      version: 'cn-1',
      source:
        'Chinese norm: standard score below 50 normal, 50–59 mild, 60–69 moderate, 70 and above severe.',
      bands: bands([50, 60, 70], { zh: '焦虑', en: 'anxiety' }),
    },
  },
  flags: [],
};

/**
 * Zung Self-Rating Depression Scale; reverse items 2, 5, 6, 11, 12, 14, 16, 17, 18, 20; Chinese
 * norm 53 / 63 / 73. Item 19 ("others would be better off if I were dead") raises
 * `self_harm_item` from "some of the time" up, so that help is shown at once.
 */
export const SDS: TInstrumentDefinition = {
  code: 'sds',
  version: '1.0',
  name: t('抑郁自评量表（SDS）', 'Self-Rating Depression Scale (SDS)'),
  description: t(
    '了解自己最近一周与情绪低落有关的感受。这是自我了解的工具，不是诊断。',
    'A look at low-mood feelings over the past week. It helps you understand yourself; it is not a diagnosis.',
  ),
  instructions: ZUNG_INSTRUCTIONS,
  source: {
    citation:
      'Zung, W. W. K. (1965). A self-rating depression scale. Archives of General Psychiatry, 12, 63–70. ' +
      'Chinese norm: 王春芳, 蔡则环, 徐清 (1986). 抑郁自评量表(SDS)对1340例正常人评定分析. 中国神经精神疾病杂志, 12(5).',
    licence: ZUNG_LICENCE,
  },
  options: ZUNG_OPTIONS,
  items: [
    item('我觉得闷闷不乐，情绪低沉', 'I feel down-hearted and blue'),
    item('我觉得一天之中早晨最好', 'Morning is when I feel best'),
    item('我一阵阵地哭出来或觉得想哭', 'I have crying spells or feel like crying'),
    item('我晚上睡眠不好', 'I have trouble sleeping at night'),
    item('我吃得跟平常一样多', 'I eat as much as I used to'),
    item('我与异性亲密接触时和以往一样感到愉快', 'I still enjoy intimacy and sex as much as before'),
    item('我发觉我的体重在下降', 'I notice that I am losing weight'),
    item('我有便秘的苦恼', 'I have trouble with constipation'),
    item('我心跳比平时快', 'My heart beats faster than usual'),
    item('我无缘无故地感到疲乏', 'I get tired for no reason'),
    item('我的头脑跟平常一样清楚', 'My mind is as clear as it used to be'),
    item('我觉得做以前经常做的事并没有困难', 'I find it easy to do the things I used to do'),
    item('我觉得不安而平静不下来', 'I am restless and cannot keep still'),
    item('我对将来抱有希望', 'I feel hopeful about the future'),
    item('我比平常容易生气激动', 'I am more irritable than usual'),
    item('我觉得作出决定是容易的', 'I find it easy to make decisions'),
    item('我觉得自己是个有用的人，有人需要我', 'I feel that I am useful and needed'),
    item('我的生活过得很有意思', 'My life is pretty full'),
    item('我认为如果我死了，别人会生活得好些', 'I feel that others would be better off if I were dead'),
    item('平常感兴趣的事我仍然照样感兴趣', 'I still enjoy the things I used to do'),
  ],
  reverseItems: [2, 5, 6, 11, 12, 14, 16, 17, 18, 20],
  scoring: {
    kind: 'total',
    multiplier: 1.25,
    rounding: 'floor',
    norms: {
      version: 'cn-1',
      source:
        'Chinese norm: standard score below 53 normal, 53–62 mild, 63–72 moderate, 73 and above severe ' +
        '(the cut-offs apply to the integer part; sources that round move raw 42, 50 and 58 up a band).',
      bands: bands([53, 63, 73], { zh: '抑郁', en: 'depression' }),
    },
  },
  flags: [
    {
      item: 19,
      op: 'gte',
      value: 2,
      code: 'self_harm_item',
      label: t(
        '第19题提示可能有轻生的念头，请尽快与信任的人或专业人员联系',
        'Item 19 suggests thoughts of death: please reach out to someone you trust or a professional soon',
      ),
    },
  ],
};
