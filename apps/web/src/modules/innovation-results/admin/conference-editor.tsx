import { DeleteOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { AWARD_TIERS, COMMENDATION_KINDS, type TCommendationKind, type TCycle } from '@lifeline/shared';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { showFieldProblems } from '../../admin-kit/api-problems';
import { fromDayjs, toDayjs } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { useReportError } from '../../admin-kit/use-report-error';
import { PersonSelect } from '../../people/components/person-select';
import { RESULTS_KEY, type TConference, useAwards, useCompletedProjects, useSetConference } from '../api';

const KIND_ORDER: string[] = COMMENDATION_KINDS.map((k) => k.code);

type Row = { kind: TCommendationKind; projectId?: number | null; personId?: number | null; title?: string };
type Values = { name: string; heldOn: Dayjs | null; commendations: Row[] };

/**
 * Sets the conference's name and date and its commendations: excellent results and innovation
 * teams (each a project of the cycle) and outstanding individuals (a person). The list replaces
 * the previous one as a whole.
 */
export function ConferenceEditor({
  cycle,
  conference: c,
  onDone,
}: {
  cycle: TCycle;
  conference: TConference;
  onDone: () => void;
}) {
  const { t } = useTranslation(['innovation-results', 'admin-kit']);
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const completed = useCompletedProjects(cycle.id);
  const awards = useAwards(cycle.id);
  const save = useSetConference(cycle.id);
  const reportError = useReportError([[...RESULTS_KEY]]);
  const rows = Form.useWatch('commendations', form) ?? [];

  // The cycle's completed projects, plus any already commended (they keep their label).
  const projectOptions = [
    ...(completed.data?.items ?? []).map((p) => ({
      value: p.id,
      label: `${p.code} ${p.title} · ${p.unitName}`,
    })),
    ...c.commendations
      .filter((x) => x.projectId && !completed.data?.items.some((p) => p.id === x.projectId))
      .map((x) => ({ value: x.projectId as number, label: `${x.projectTitle ?? ''} · ${x.unitName ?? ''}` })),
  ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);

  const kindLabel = (kind: TCommendationKind) => labels.label(COMMENDATION_KINDS, kind);

  const onFinish = (v: Values) =>
    save.mutate(
      {
        name: v.name.trim(),
        heldOn: fromDayjs(v.heldOn) ?? '',
        commendations: (v.commendations ?? []).map((r) => ({
          kind: r.kind,
          projectId: r.kind === 'individual' ? null : (r.projectId ?? null),
          personId: r.kind === 'individual' ? (r.personId ?? null) : null,
          title: (r.title ?? '').trim(),
        })),
        version: c.version,
      },
      {
        onSuccess: () => {
          void message.success(t('conference.saved'));
          onDone();
        },
        onError: (error) => {
          if (!showFieldProblems(form, error, ['name', 'heldOn'])) reportError(error);
        },
      },
    );

  const addAwarded = () => {
    const current = form.getFieldValue('commendations') as Row[];
    const listed = new Set(current.filter((r) => r.kind === 'result').map((r) => r.projectId));
    const extra = (awards.data?.awards ?? [])
      .filter((a) => !listed.has(a.projectId))
      .map((a) => ({
        kind: 'result' as const,
        projectId: a.projectId,
        title: t('conference.awardedTitle', { tier: labels.label(AWARD_TIERS, a.tier) }),
      }));
    form.setFieldValue('commendations', [...current, ...extra]);
    void message.info(t('conference.addedAwarded', { count: extra.length }));
  };

  return (
    <Card title={t('conference.editTitle', { cycle: cycle.name })}>
      <Form<Values>
        form={form}
        name="conference"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          name: c.name ?? t('conference.defaultName', { cycle: cycle.name }),
          heldOn: toDayjs(c.heldOn),
          // In the order of the printed list: results, teams, individuals.
          commendations: [...c.commendations]
            .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
            .map((x) => ({
              kind: x.kind,
              projectId: x.projectId,
              personId: x.personId,
              title: x.title,
            })),
        }}
      >
        <Flex wrap gap="middle">
          <Form.Item
            name="name"
            label={t('conference.name')}
            style={{ flex: '1 1 320px' }}
            rules={[
              { required: true, whitespace: true, message: t('conference.nameRequired') },
              { max: 100, message: t('awards.tooLong', { max: 100 }) },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="heldOn"
            label={t('conference.heldOn')}
            style={{ flex: '0 1 220px' }}
            rules={[{ required: true, message: t('conference.heldOnRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('conference.commendations', { count: rows.length })}</Typography.Title>
        <Form.List name="commendations">
          {(fields, { add, remove }) => (
            <Flex vertical gap="small">
              {fields.map((field) => {
                const kind = rows[field.name]?.kind ?? 'result';
                return (
                  <Flex key={field.key} wrap gap="small" align="flex-start" className="ll-commendation-row">
                    <Form.Item name={[field.name, 'kind']} style={{ width: 170, marginBottom: 0 }}>
                      <Select
                        aria-label={t('conference.kind')}
                        options={COMMENDATION_KINDS.map((k) => ({ value: k.code, label: kindLabel(k.code) }))}
                      />
                    </Form.Item>
                    {kind === 'individual' ? (
                      <Form.Item
                        name={[field.name, 'personId']}
                        style={{ flex: '1 1 260px', marginBottom: 0 }}
                        rules={[{ required: true, message: t('conference.personRequired') }]}
                      >
                        <PersonSelect aria-label={t('conference.person')} />
                      </Form.Item>
                    ) : (
                      <Form.Item
                        name={[field.name, 'projectId']}
                        style={{ flex: '1 1 260px', marginBottom: 0 }}
                        rules={[{ required: true, message: t('conference.projectRequired') }]}
                      >
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          aria-label={t('fields.project')}
                          placeholder={t('conference.projectPlaceholder')}
                          options={projectOptions}
                          loading={completed.isPending}
                          popupMatchSelectWidth={false}
                        />
                      </Form.Item>
                    )}
                    <Form.Item
                      name={[field.name, 'title']}
                      style={{ flex: '1 1 200px', marginBottom: 0 }}
                      rules={[
                        { required: true, whitespace: true, message: t('conference.titleRequired') },
                        { max: 200, message: t('awards.tooLong', { max: 200 }) },
                      ]}
                    >
                      <Input
                        placeholder={t('conference.honour')}
                        aria-label={t('conference.honour')}
                        maxLength={200}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('conference.remove')}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                );
              })}
              <Flex wrap gap="small">
                {COMMENDATION_KINDS.map((k) => (
                  <Button
                    key={k.code}
                    icon={<PlusOutlined />}
                    onClick={() => add({ kind: k.code, title: kindLabel(k.code) })}
                  >
                    {kindLabel(k.code)}
                  </Button>
                ))}
                {(awards.data?.awards.length ?? 0) > 0 && (
                  <Button icon={<TrophyOutlined />} onClick={addAwarded}>
                    {t('conference.addAwarded')}
                  </Button>
                )}
              </Flex>
            </Flex>
          )}
        </Form.List>
        <Flex gap="small" justify="flex-end" style={{ marginTop: 24 }}>
          <Button onClick={onDone}>{t('admin-kit:actions.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('admin-kit:actions.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
