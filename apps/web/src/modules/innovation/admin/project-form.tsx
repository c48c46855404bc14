import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TCycle, TProject, TProjectCreate } from '@lifeline/shared';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../admin-kit/api-problems';
import { fromDayjs, toDayjs } from '../../admin-kit/dates';
import { PersonPicker, type PersonRef } from '../components/person-picker';
import { UnitScopeSelect } from '../components/unit-scope-select';
import { fenToYuan, formatDay, useInnovationLabels, yuanToFen } from '../format';

export type MilestoneValues = { title?: string; dueOn?: Dayjs | null; deliverable?: string };

/** The declaration form's values: money in yuan and dates as dayjs for the inputs. */
export type ProjectFormValues = {
  unitId?: number;
  title?: string;
  category?: string;
  levelApplied?: string;
  leaderId?: number;
  teamIds?: number[];
  objectives?: string;
  plan?: string;
  budgetYuan?: number | null;
  milestones?: MilestoneValues[];
};

type Declaration = Omit<TProjectCreate, 'cycleId' | 'unitId'>;

/** The limits of the shared schema (ZProjectCreate), checked here before the server does. */
export const LIMITS = {
  title: 100,
  objectives: 4000,
  plan: 8000,
  team: 30,
  milestones: 20,
  milestoneTitle: 100,
  deliverable: 200,
  maxBudgetYuan: 100_000_000,
};

export function projectFormValues(p: TProject): ProjectFormValues {
  return {
    unitId: p.unitId,
    title: p.title,
    category: p.category,
    levelApplied: p.levelApplied,
    leaderId: p.leader.id,
    teamIds: p.team.map((m) => m.id),
    objectives: p.objectives,
    plan: p.plan,
    budgetYuan: fenToYuan(p.budgetFen),
    milestones: p.milestones.map((m) => ({
      title: m.title,
      dueOn: toDayjs(m.dueOn),
      deliverable: m.deliverable,
    })),
  };
}

/** The API's declaration fields of the form. */
export function declarationInput(v: ProjectFormValues): Declaration {
  return {
    title: (v.title ?? '').trim(),
    category: v.category as Declaration['category'],
    levelApplied: v.levelApplied as Declaration['levelApplied'],
    leaderId: v.leaderId as number,
    teamIds: (v.teamIds ?? []).filter((id) => id !== v.leaderId),
    objectives: (v.objectives ?? '').trim(),
    plan: (v.plan ?? '').trim(),
    budgetFen: yuanToFen(v.budgetYuan ?? 0),
    milestones: (v.milestones ?? []).map((m) => ({
      title: (m.title ?? '').trim(),
      dueOn: fromDayjs(m.dueOn) ?? '',
      deliverable: (m.deliverable ?? '').trim(),
    })),
  };
}

/** Only the fields that differ from the project as loaded (a PATCH changes what it names). */
export function changedFields(p: TProject, next: Declaration): Partial<Declaration> {
  const before = declarationInput(projectFormValues(p));
  const out: Partial<Declaration> = {};
  for (const key of Object.keys(next) as (keyof Declaration)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) Object.assign(out, { [key]: next[key] });
  }
  return out;
}

const FORM_FIELDS: Record<string, string> = {
  unitId: 'unitId',
  title: 'title',
  category: 'category',
  levelApplied: 'levelApplied',
  leaderId: 'leaderId',
  teamIds: 'teamIds',
  objectives: 'objectives',
  plan: 'plan',
  budgetFen: 'budgetYuan',
};

/**
 * Puts the server's problems on the form's fields (its words: issues carry no code). Returns
 * false when none matched a field, so the caller shows the error as a message.
 */
export function showProjectProblems(form: FormInstance, error: unknown): boolean {
  const problems = fieldProblems(error).filter((p) => FORM_FIELDS[p.field]);
  if (!problems.length) return false;
  form.setFields(problems.map((p) => ({ name: FORM_FIELDS[p.field], errors: [p.message] })));
  return true;
}

/** The range and quota of a level in this cycle, as a hint under the level. */
function useLevelHint(cycle: TCycle, level: string | undefined): string | undefined {
  const { t } = useTranslation('innovation');
  const labels = useInnovationLabels();
  const setting = cycle.levels.find((l) => l.level === level);
  if (!setting) return undefined;
  const parts: string[] = [];
  if (setting.minFundingFen != null || setting.maxFundingFen != null)
    parts.push(
      t('form.fundingRange', {
        min: setting.minFundingFen != null ? labels.money(setting.minFundingFen) : '—',
        max: setting.maxFundingFen != null ? labels.money(setting.maxFundingFen) : '—',
      }),
    );
  if (setting.quota != null) parts.push(t('form.quota', { count: setting.quota }));
  return parts.join(t('list.separator'));
}

type Props = {
  form: FormInstance<ProjectFormValues>;
  cycle: TCycle;
  /** A new declaration picks its unit; an existing one keeps it. */
  unitName?: string;
  known?: readonly PersonRef[];
};

/** The fields of a declaration, checked as the shared schema checks them. */
export function ProjectFormFields({ form, cycle, unitName, known }: Props) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const labels = useInnovationLabels();
  const level = Form.useWatch('levelApplied', form);
  const leaderId = Form.useWatch('leaderId', form);
  const levelHint = useLevelHint(cycle, level);
  const required = (message: string) => ({ required: true, message });
  const impl = cycle.windows.implementation;

  return (
    <>
      <Card title={t('form.sections.basics')} className="ll-inno-gap">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {unitName ? (
              <Form.Item label={t('fields.unit')}>
                <Typography.Text strong>{unitName}</Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item name="unitId" label={t('fields.unit')} rules={[required(t('form.unitRequired'))]}>
                <UnitScopeSelect permission="innovation.declare" aria-label={t('fields.unit')} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label={t('fields.title')}
              rules={[
                { required: true, whitespace: true, message: t('form.titleRequired') },
                { min: 2, max: LIMITS.title, message: t('form.titleLength', { max: LIMITS.title }) },
              ]}
            >
              <Input maxLength={LIMITS.title} showCount autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="category"
              label={t('fields.category')}
              rules={[required(t('form.categoryRequired'))]}
            >
              <Select options={labels.categoryOptions()} aria-label={t('fields.category')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="levelApplied"
              label={t('fields.levelApplied')}
              extra={levelHint}
              rules={[required(t('form.levelRequired'))]}
            >
              <Select
                options={labels.levelOptions(cycle.levels.map((l) => l.level))}
                aria-label={t('fields.levelApplied')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="budgetYuan"
              dependencies={['levelApplied']}
              label={t('fields.budget')}
              extra={t('form.budgetHint')}
              rules={[
                { required: true, message: t('form.budgetRequired') },
                {
                  type: 'number',
                  min: 0,
                  max: LIMITS.maxBudgetYuan,
                  message: t('form.budgetRange'),
                },
                {
                  // Only a warning: the budget is what the unit asks for, the funding is decided later.
                  warningOnly: true,
                  validator: (_, value: number | null | undefined) => {
                    const max = cycle.levels.find((l) => l.level === level)?.maxFundingFen;
                    return max != null && value != null && yuanToFen(value) > max
                      ? Promise.reject(new Error(t('form.budgetAboveMax', { max: labels.money(max) })))
                      : Promise.resolve();
                  },
                },
              ]}
            >
              <InputNumber<number>
                min={0}
                max={LIMITS.maxBudgetYuan}
                precision={2}
                step={1000}
                suffix={t('form.yuan')}
                style={{ width: '100%' }}
                aria-label={t('fields.budget')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('form.sections.team')} className="ll-inno-gap">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="leaderId"
              label={t('fields.leader')}
              rules={[required(t('form.leaderRequired'))]}
            >
              <PersonPicker known={known} aria-label={t('fields.leader')} data-testid="leader-picker" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="teamIds"
              label={t('fields.team')}
              extra={t('form.teamHint', { max: LIMITS.team })}
              rules={[{ type: 'array', max: LIMITS.team, message: t('form.teamMax', { max: LIMITS.team }) }]}
            >
              <PersonPicker
                multiple
                max={LIMITS.team}
                known={known}
                exclude={leaderId ? [leaderId] : []}
                aria-label={t('fields.team')}
                data-testid="team-picker"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('form.sections.content')} className="ll-inno-gap">
        <Form.Item
          name="objectives"
          label={t('fields.objectives')}
          rules={[{ max: LIMITS.objectives, message: t('form.tooLong', { max: LIMITS.objectives }) }]}
        >
          <Input.TextArea rows={4} maxLength={LIMITS.objectives} showCount />
        </Form.Item>
        <Form.Item
          name="plan"
          label={t('fields.plan')}
          rules={[{ max: LIMITS.plan, message: t('form.tooLong', { max: LIMITS.plan }) }]}
        >
          <Input.TextArea rows={6} maxLength={LIMITS.plan} showCount />
        </Form.Item>
      </Card>

      <Card title={t('form.sections.milestones')} className="ll-inno-gap">
        <Typography.Paragraph type="secondary">
          {t('form.milestonesHint', {
            from: formatDay(impl.from, labels.lang),
            to: formatDay(impl.to, labels.lang),
          })}
        </Typography.Paragraph>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={12} key={field.key} className="ll-inno-milestone-row" align="top">
                  <Col xs={24} md={9}>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={t('form.milestoneN', { n: index + 1 })}
                      rules={[
                        { required: true, whitespace: true, message: t('form.milestoneTitleRequired') },
                        {
                          max: LIMITS.milestoneTitle,
                          message: t('form.tooLong', { max: LIMITS.milestoneTitle }),
                        },
                      ]}
                    >
                      <Input maxLength={LIMITS.milestoneTitle} placeholder={t('fields.milestoneTitle')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[field.name, 'dueOn']}
                      label={t('fields.dueOn')}
                      rules={[required(t('form.dueOnRequired'))]}
                    >
                      <DatePicker style={{ width: '100%' }} aria-label={t('fields.dueOn')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item
                      name={[field.name, 'deliverable']}
                      label={t('fields.deliverable')}
                      rules={[
                        { max: LIMITS.deliverable, message: t('form.tooLong', { max: LIMITS.deliverable }) },
                      ]}
                    >
                      <Input maxLength={LIMITS.deliverable} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={2}>
                    <Form.Item label=" " colon={false}>
                      <Button
                        danger
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('form.removeMilestone')}
                        onClick={() => remove(field.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Flex gap="small" align="center" wrap>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ title: '', dueOn: null, deliverable: '' })}
                  disabled={fields.length >= LIMITS.milestones}
                  data-testid="add-milestone"
                >
                  {t('form.addMilestone')}
                </Button>
                {fields.length === 0 && (
                  <Typography.Text type="secondary">{t('form.noMilestones')}</Typography.Text>
                )}
                {fields.length >= LIMITS.milestones && (
                  <Typography.Text type="secondary">
                    {t('form.milestonesMax', { max: LIMITS.milestones })}
                  </Typography.Text>
                )}
              </Flex>
            </>
          )}
        </Form.List>
      </Card>
    </>
  );
}
