import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AWARD_TIERS,
  DEFAULT_RUBRIC,
  INNOVATION_LEVELS,
  MAX_AWARD_FEN,
  type TCycle,
  type TCycleInput,
  WINDOW_KEYS,
} from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  Result,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../../api/me';
import { fieldProblems, isStaleVersion } from '../../admin-kit/api-problems';
import { fromDayjs, toDayjs } from '../../admin-kit/dates';
import { NumberCell, notEmpty, RemoveButton } from '../../admin-kit/form-cells';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import { useCreateCycle, useCycles, useUpdateCycle } from '../api';
import { BackButton } from '../components/back-button';
import { CycleFrame, useCycleChoice } from '../components/cycle-frame';
import { UnitScopeSelect } from '../components/unit-scope-select';
import { fenToYuan, useInnovationLabels, yuanToFen } from '../format';
import { useInnovationError } from '../problems';

type Range = [Dayjs | null, Dayjs | null] | null;
type LevelRow = { level?: string; quota?: number | null; minYuan?: number | null; maxYuan?: number | null };
type RubricRow = { key?: string; nameZh?: string; nameEn?: string; weight?: number | null };
type TierRow = { tier?: string; amountYuan?: number | null; count?: number | null };

type Values = {
  number?: number;
  name?: string;
  startYear?: number;
  ownerUnitId?: number;
  windows: Record<(typeof WINDOW_KEYS)[number], Range>;
  levels: LevelRow[];
  rubric: RubricRow[];
  awardTiers: TierRow[];
  disagreementSpread?: number;
  reminderDays?: number;
};

const RUBRIC_KEY = /^[a-z][a-z0-9_]{0,31}$/;
const MAX_AWARD_YUAN = MAX_AWARD_FEN / 100;
const nullable = (v: number | null | undefined) => (v == null ? null : v);

function toValues(c: TCycle): Values {
  return {
    number: c.number,
    name: c.name,
    startYear: c.startYear,
    ownerUnitId: c.ownerUnitId,
    windows: Object.fromEntries(
      WINDOW_KEYS.map((k) => [k, [toDayjs(c.windows[k].from), toDayjs(c.windows[k].to)]]),
    ) as Values['windows'],
    levels: c.levels.map((l) => ({
      level: l.level,
      quota: l.quota,
      minYuan: l.minFundingFen == null ? null : fenToYuan(l.minFundingFen),
      maxYuan: l.maxFundingFen == null ? null : fenToYuan(l.maxFundingFen),
    })),
    rubric: c.rubric.map((d) => ({ ...d })),
    awardTiers: c.awardTiers.map((a) => ({
      tier: a.tier,
      amountYuan: fenToYuan(a.amountFen),
      count: a.count,
    })),
    disagreementSpread: c.disagreementSpread,
    reminderDays: c.reminderDays,
  };
}

function toInput(v: Values): TCycleInput {
  return {
    number: v.number as number,
    name: (v.name ?? '').trim(),
    startYear: v.startYear as number,
    ownerUnitId: v.ownerUnitId as number,
    windows: Object.fromEntries(
      WINDOW_KEYS.map((k) => [
        k,
        { from: fromDayjs(v.windows[k]?.[0]) ?? '', to: fromDayjs(v.windows[k]?.[1]) ?? '' },
      ]),
    ) as TCycleInput['windows'],
    levels: v.levels.map((l) => ({
      level: l.level as TCycleInput['levels'][number]['level'],
      quota: nullable(l.quota),
      minFundingFen: l.minYuan == null ? null : yuanToFen(l.minYuan),
      maxFundingFen: l.maxYuan == null ? null : yuanToFen(l.maxYuan),
    })),
    rubric: v.rubric.map((d) => ({
      key: (d.key ?? '').trim(),
      nameZh: (d.nameZh ?? '').trim(),
      nameEn: (d.nameEn ?? '').trim(),
      weight: d.weight as number,
    })),
    awardTiers: v.awardTiers.map((a) => ({
      tier: a.tier as TCycleInput['awardTiers'][number]['tier'],
      amountFen: yuanToFen(a.amountYuan ?? 0),
      count: nullable(a.count),
    })),
    disagreementSpread: v.disagreementSpread as number,
    reminderDays: v.reminderDays as number,
  };
}

/** Opening a cycle (`/innovation/cycles/new`) or changing one's settings (`…/:id/settings`). */
export function CycleSettingsPage() {
  const pathId = idParam(useParams().id);
  return pathId === undefined ? <CreateCycle /> : <EditCycle cycleId={pathId} />;
}

function EditCycle({ cycleId }: { cycleId: number }) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const navigate = useNavigate();
  const choice = useCycleChoice(cycleId);
  return (
    <CycleFrame
      section="settings"
      choice={choice}
      title={t('settings.title')}
      onChoose={(id) => navigate(`/innovation/cycles/${id}/settings`)}
    >
      {(cycle) =>
        cycle.abilities.manage ? (
          <CycleForm key={`${cycle.id}-${cycle.version}`} cycle={cycle} />
        ) : (
          <Result status="403" title={t('settings.forbidden')} />
        )
      }
    </CycleFrame>
  );
}

function CreateCycle() {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const canManage = useMe().data?.permissions.includes('innovation.manage') ?? false;
  return (
    <>
      <PageHeader title={t('settings.createTitle')} extra={<BackButton to="/innovation" />} />
      {canManage ? <CycleForm /> : <Result status="403" title={t('settings.forbidden')} />}
    </>
  );
}

const SIMPLE_FIELDS = ['number', 'name', 'startYear', 'ownerUnitId'];

/**
 * Puts the server's problems on the simple fields; returns the words of the others (windows,
 * levels, rubric, tiers: lists whose problems name the whole section) and whether any matched.
 */
function showCycleProblems(
  form: FormInstance<Values>,
  error: unknown,
): { matched: boolean; others: string[] } {
  const problems = fieldProblems(error);
  const simple = problems.filter((p) => SIMPLE_FIELDS.includes(p.field));
  form.setFields(simple.map((p) => ({ name: p.field as 'name', errors: [p.message] })));
  const others = problems.filter((p) => !SIMPLE_FIELDS.includes(p.field)).map((p) => p.message);
  return { matched: problems.length > 0, others };
}

function CycleForm({ cycle }: { cycle?: TCycle }) {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const labels = useInnovationLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const cycles = useCycles();
  const create = useCreateCycle();
  const update = useUpdateCycle(cycle?.id ?? 0);
  const reportError = useInnovationError();
  const locked = cycle?.rubricLocked ?? false;
  const rubric = Form.useWatch('rubric', form) as RubricRow[] | undefined;
  const startYear = Form.useWatch('startYear', form) as number | undefined;
  const weightSum = (rubric ?? []).reduce((s, d) => s + (Number(d?.weight) || 0), 0);

  // A new cycle: the next number, this year, the three levels and the default rubric.
  const next = Math.max(0, ...(cycles.data ?? []).map((c) => c.number)) + 1;
  const initial: Values = cycle
    ? toValues(cycle)
    : {
        number: next,
        name: t('settings.defaultName', { n: next }),
        startYear: new Date().getFullYear(),
        windows: { declaration: null, review: null, decision: null, implementation: null, evaluation: null },
        levels: INNOVATION_LEVELS.map((l) => ({ level: l.code, quota: null, minYuan: null, maxYuan: null })),
        rubric: DEFAULT_RUBRIC.map((d) => ({ ...d })),
        awardTiers: [],
        disagreementSpread: 15,
        reminderDays: 7,
      };
  // The cycles may arrive after the form showed: the next number then replaces an untouched guess.
  useEffect(() => {
    if (cycle || !cycles.isSuccess) return;
    if (!form.isFieldTouched('number')) form.setFieldValue('number', next);
    if (!form.isFieldTouched('name')) form.setFieldValue('name', t('settings.defaultName', { n: next }));
  }, [cycle, cycles.isSuccess, next, form, t]);

  const onFinish = (v: Values) => {
    const input = toInput(v);
    const onError = (error: unknown) => {
      if (isStaleVersion(error)) return reportError(error);
      const { matched, others } = showCycleProblems(form, error);
      if (!matched) reportError(error);
      else if (others.length)
        void message.error(t('settings.problems', { list: others.join(t('list.separator')) }));
    };
    if (!cycle) {
      create.mutate(input, {
        onSuccess: (c) => {
          void message.success(t('settings.created', { name: c.name }));
          navigate(`/innovation?cycle=${c.id}`);
        },
        onError,
      });
      return;
    }
    const { ownerUnitId: _owner, rubric: newRubric, ...rest } = input;
    update.mutate(
      { ...rest, ...(locked ? {} : { rubric: newRubric }), version: cycle.version },
      {
        onSuccess: () => void message.success(t('admin-kit:saved')),
        onError,
      },
    );
  };

  const windowRule = (index: number) => ({
    validator: (_: unknown, value: Range) => {
      if (!value?.[0] || !value[1]) return Promise.reject(new Error(t('settings.windowRequired')));
      if (index > 0) {
        const prev = form.getFieldValue(['windows', WINDOW_KEYS[index - 1]]) as Range;
        if (prev?.[0] && value[0].isBefore(prev[0], 'day'))
          return Promise.reject(
            new Error(t('settings.windowOrder', { prev: labels.window(WINDOW_KEYS[index - 1]) })),
          );
      }
      return Promise.resolve();
    },
  });

  const unique = (list: string, field: string, message: string) => ({
    validator: (_: unknown, value: string | undefined) => {
      const rows = (form.getFieldValue(list as 'levels') ?? []) as Record<string, unknown>[];
      return value && rows.filter((r) => r?.[field] === value).length > 1
        ? Promise.reject(new Error(message))
        : Promise.resolve();
    },
  });

  /** A required number from `min` to `max`. */
  const range = (min: number, max: number, message: string) =>
    ({ required: true, type: 'number', min, max, message }) as const;
  const yuan = { min: 0, precision: 2, suffix: t('form.yuan') };
  const unlimited = { min: 1, precision: 0, placeholder: t('settings.unlimited') };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      scrollToFirstError
      name="cycle"
    >
      <Card title={t('settings.sections.basics')} className="ll-inno-gap">
        <Row gutter={16}>
          <NumberCell
            xs={12}
            md={4}
            name="number"
            label={t('settings.number')}
            rules={[range(1, 999, t('settings.numberRange'))]}
            input={{ min: 1, max: 999, precision: 0 }}
          />
          <NumberCell
            xs={12}
            md={6}
            name="startYear"
            label={t('settings.startYear')}
            extra={startYear ? t('settings.years', { from: startYear, to: startYear + 1 }) : undefined}
            rules={[range(2000, 2100, t('settings.yearRange'))]}
            input={{ min: 2000, max: 2100, precision: 0 }}
          />
          <Col xs={24} md={14}>
            <Form.Item
              name="name"
              label={t('settings.name')}
              rules={[{ required: true, whitespace: true, max: 80, message: t('settings.nameRequired') }]}
            >
              <Input maxLength={80} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {cycle ? (
              <Form.Item label={t('settings.owner')} extra={t('settings.ownerFixed')}>
                <Typography.Text strong>{cycle.ownerUnitName}</Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item
                name="ownerUnitId"
                label={t('settings.owner')}
                extra={t('settings.ownerHint')}
                rules={[{ required: true, message: t('settings.ownerRequired') }]}
              >
                <UnitScopeSelect permission="innovation.manage" />
              </Form.Item>
            )}
          </Col>
          <NumberCell
            xs={12}
            md={6}
            name="disagreementSpread"
            label={t('settings.spread')}
            extra={t('settings.spreadHint')}
            rules={[range(0.1, 100, t('settings.spreadRange'))]}
            input={{ min: 0.1, max: 100, step: 1 }}
          />
          <NumberCell
            xs={12}
            md={6}
            name="reminderDays"
            label={t('settings.reminderDays')}
            extra={t('settings.reminderHint')}
            rules={[range(1, 60, t('settings.reminderRange'))]}
            input={{ min: 1, max: 60, precision: 0 }}
          />
        </Row>
      </Card>

      <Card title={t('settings.sections.windows')} className="ll-inno-gap">
        <Row gutter={16}>
          {WINDOW_KEYS.map((key, i) => (
            <Col xs={24} md={12} xl={8} key={key}>
              <Form.Item
                name={['windows', key]}
                label={labels.window(key)}
                dependencies={i > 0 ? [['windows', WINDOW_KEYS[i - 1]]] : []}
                rules={[windowRule(i)]}
              >
                <DatePicker.RangePicker style={{ width: '100%' }} aria-label={labels.window(key)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>

      <Card title={t('settings.sections.levels')} className="ll-inno-gap">
        <Form.List name="levels" rules={[notEmpty(t('settings.levelsRequired'))]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <ListRow key={field.key} onRemove={() => remove(field.name)} removeSpan={{ xs: 24, md: 2 }}>
                  <Col xs={24} md={7}>
                    <Form.Item
                      name={[field.name, 'level']}
                      label={t('settings.level')}
                      rules={[
                        { required: true, message: t('form.levelRequired') },
                        unique('levels', 'level', t('settings.levelTwice')),
                      ]}
                    >
                      <Select options={labels.levelOptions()} />
                    </Form.Item>
                  </Col>
                  <NumberCell
                    xs={8}
                    md={4}
                    name={[field.name, 'quota']}
                    label={t('settings.quota')}
                    input={unlimited}
                  />
                  <NumberCell
                    xs={8}
                    md={5}
                    name={[field.name, 'minYuan']}
                    label={t('settings.minFunding')}
                    input={yuan}
                  />
                  <NumberCell
                    xs={8}
                    md={6}
                    name={[field.name, 'maxYuan']}
                    label={t('settings.maxFunding')}
                    dependencies={[['levels', field.name, 'minYuan']]}
                    rules={[
                      {
                        validator: (_, max: number | null) => {
                          const min = form.getFieldValue(['levels', field.name, 'minYuan']) as number | null;
                          return min != null && max != null && min > max
                            ? Promise.reject(new Error(t('settings.minAboveMax')))
                            : Promise.resolve();
                        },
                      },
                    ]}
                    input={yuan}
                  />
                </ListRow>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ quota: null })}
                disabled={fields.length >= 3}
              >
                {t('settings.addLevel')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card
        title={t('settings.sections.rubric')}
        className="ll-inno-gap"
        extra={
          <Typography.Text type={weightSum === 100 ? 'secondary' : 'warning'}>
            {t('settings.weightSum', { sum: weightSum })}
          </Typography.Text>
        }
      >
        {locked && (
          <Alert
            type="info"
            showIcon
            icon={<LockOutlined />}
            title={t('settings.rubricLocked')}
            className="ll-inno-gap"
          />
        )}
        <Form.List name="rubric" rules={[notEmpty(t('settings.rubricRequired'))]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <ListRow key={field.key} onRemove={locked ? undefined : () => remove(field.name)}>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[field.name, 'key']}
                      label={t('settings.rubricKey')}
                      rules={[
                        { required: true, pattern: RUBRIC_KEY, message: t('settings.rubricKeyFormat') },
                        unique('rubric', 'key', t('settings.rubricTwice')),
                      ]}
                    >
                      <Input disabled={locked} maxLength={32} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'nameZh']}
                      label={t('settings.nameZh')}
                      rules={[
                        { required: true, whitespace: true, max: 40, message: t('settings.dimensionName') },
                      ]}
                    >
                      <Input disabled={locked} maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'nameEn']}
                      label={t('settings.nameEn')}
                      rules={[
                        { required: true, whitespace: true, max: 60, message: t('settings.dimensionName') },
                      ]}
                    >
                      <Input disabled={locked} maxLength={60} />
                    </Form.Item>
                  </Col>
                  <NumberCell
                    xs={8}
                    md={5}
                    name={[field.name, 'weight']}
                    label={t('settings.weight')}
                    rules={[range(0.1, 100, t('settings.weightRange'))]}
                    input={{ disabled: locked, min: 0.1, max: 100 }}
                  />
                </ListRow>
              ))}
              <Form.ErrorList errors={errors} />
              {!locked && (
                <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 10}>
                  {t('settings.addDimension')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t('settings.sections.awards')} className="ll-inno-gap">
        <Typography.Paragraph type="secondary">
          {t('settings.awardsHint', { max: labels.money(MAX_AWARD_FEN) })}
        </Typography.Paragraph>
        <Form.List name="awardTiers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <ListRow key={field.key} onRemove={() => remove(field.name)}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'tier']}
                      label={t('settings.tier')}
                      rules={[
                        { required: true, message: t('settings.tierRequired') },
                        unique('awardTiers', 'tier', t('settings.tierTwice')),
                      ]}
                    >
                      <Select
                        options={AWARD_TIERS.map((a) => ({ value: a.code, label: labels.tier(a.code) }))}
                      />
                    </Form.Item>
                  </Col>
                  <NumberCell
                    xs={12}
                    md={8}
                    name={[field.name, 'amountYuan']}
                    label={t('settings.amount')}
                    rules={[
                      range(
                        0,
                        MAX_AWARD_YUAN,
                        t('settings.amountRange', { max: labels.money(MAX_AWARD_FEN) }),
                      ),
                    ]}
                    input={{ ...yuan, max: MAX_AWARD_YUAN }}
                  />
                  <NumberCell
                    xs={8}
                    md={6}
                    name={[field.name, 'count']}
                    label={t('settings.count')}
                    input={unlimited}
                  />
                </ListRow>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ count: null })}
                disabled={fields.length >= 4}
              >
                {t('settings.addTier')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card>
        <Flex gap="small" wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending || update.isPending}
            data-testid="save-cycle"
          >
            {cycle ? t('admin-kit:actions.save') : t('settings.createButton')}
          </Button>
          <Button onClick={() => navigate(cycle ? `/innovation?cycle=${cycle.id}` : '/innovation')}>
            {t('admin-kit:actions.cancel')}
          </Button>
        </Flex>
      </Card>
    </Form>
  );
}

/** A row of a list section (levels, rubric, tiers): its fields, then its delete button, if any. */
function ListRow({
  children,
  onRemove,
  removeSpan = { xs: 4, md: 2 },
}: {
  children: ReactNode;
  onRemove?: () => void;
  removeSpan?: { xs: number; md: number };
}) {
  const { t } = useTranslation('innovation');
  return (
    <Row gutter={12} align="top" className="ll-inno-list-row">
      {children}
      <Col {...removeSpan}>
        {onRemove && <RemoveButton label={t('settings.remove')} onClick={onRemove} />}
      </Col>
    </Row>
  );
}
