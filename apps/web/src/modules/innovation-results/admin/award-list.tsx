import { CommentOutlined, MessageOutlined } from '@ant-design/icons';
import { AWARD_TIERS, INNOVATION_LEVELS } from '@lifeline/shared';
import {
  App,
  Badge,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { useReportError } from '../../admin-kit/use-report-error';
import { formatScore } from '../../innovation-reviews/rubric';
import {
  RESULTS_KEY,
  type TAward,
  type TAwardsView,
  type TObjection,
  useAnswerObjection,
  useLodgeObjection,
} from '../api';
import { formatYuan } from '../money';

const TIER_COLORS: Record<string, string> = {
  first: 'red',
  second: 'volcano',
  third: 'gold',
  excellence: 'blue',
};

/**
 * The published awards: the public list during publicity and after. Anyone may object while the
 * publicity period runs (the list never names objectors); the secretariat sees who objected and
 * answers each objection.
 */
export function AwardList({ view }: { view: TAwardsView }) {
  const { t } = useTranslation(['innovation-results', 'admin-kit']);
  const labels = useLabels();
  const [objecting, setObjecting] = useState<TAward | null>(null);
  const [answering, setAnswering] = useState<TObjection | null>(null);
  const none = t('admin-kit:none');
  const showScores = view.abilities.manage && view.awards.some((a) => a.score !== null);
  const open = (a: TAward) => a.objections.filter((o) => !o.answer).length;

  const columns: TableColumnsType<TAward> = [
    {
      key: 'tier',
      title: t('awards.tier'),
      render: (_, a) => <Tag color={TIER_COLORS[a.tier]}>{labels.label(AWARD_TIERS, a.tier)}</Tag>,
    },
    {
      key: 'project',
      title: t('fields.project'),
      render: (_, a) => (
        <Flex vertical style={{ minWidth: 200, maxWidth: 340 }}>
          <Typography.Text>{a.projectTitle}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.projectCode}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'unit', dataIndex: 'unitName', title: t('fields.unit') },
    { key: 'leader', dataIndex: 'leaderName', title: t('fields.leader') },
    {
      key: 'level',
      title: t('fields.level'),
      render: (_, a) => labels.label(INNOVATION_LEVELS, a.level) || none,
    },
    ...(showScores
      ? [
          {
            key: 'score',
            title: t('awards.score'),
            align: 'right' as const,
            render: (_: unknown, a: TAward) => formatScore(a.score, labels.lang) || none,
          },
        ]
      : []),
    {
      key: 'amount',
      title: t('awards.amount'),
      align: 'right',
      render: (_, a) => formatYuan(a.amountFen, labels.lang),
    },
    {
      key: 'objections',
      title: t('awards.objections'),
      align: 'center',
      render: (_, a) =>
        a.objections.length === 0 ? (
          none
        ) : (
          <Badge count={open(a)} size="small">
            <Tag icon={<MessageOutlined />} style={{ marginInlineEnd: 0 }}>
              {a.objections.length}
            </Tag>
          </Badge>
        ),
    },
    ...(view.abilities.object
      ? [
          {
            key: 'object',
            title: t('fields.action'),
            render: (_: unknown, a: TAward) => (
              <Button
                size="small"
                icon={<CommentOutlined />}
                onClick={() => setObjecting(a)}
                data-testid="lodge-objection"
              >
                {t('awards.object')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('awards.listTitle', { count: view.awards.length })}
      styles={{ body: { padding: 0 } }}
      data-testid="award-list"
    >
      <Table<TAward>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={view.awards}
        pagination={view.awards.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (a) => a.objections.length > 0,
          defaultExpandedRowKeys: view.abilities.manage
            ? view.awards.filter((a) => open(a) > 0).map((a) => a.id)
            : [],
          expandedRowRender: (a) => (
            <Flex vertical gap="small" className="ll-objections">
              {a.objections.map((o) => (
                <div key={o.id} className="ll-objection">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.lodgedBy
                      ? t('awards.objectionBy', {
                          name: o.lodgedBy,
                          at: formatTimestamp(o.lodgedAt, labels.lang),
                        })
                      : t('awards.objectionAt', { at: formatTimestamp(o.lodgedAt, labels.lang) })}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: '4px 0' }}>{o.text}</Typography.Paragraph>
                  {o.answer ? (
                    <div className="ll-objection-answer">
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('awards.answeredAt', { at: formatTimestamp(o.answeredAt, labels.lang) })}
                      </Typography.Text>
                      <Typography.Paragraph style={{ margin: '4px 0 0' }}>{o.answer}</Typography.Paragraph>
                    </div>
                  ) : view.abilities.manage ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setAnswering(o)}
                      data-testid="answer-objection"
                    >
                      {t('awards.answer')}
                    </Button>
                  ) : (
                    <Tag color="gold">{t('awards.awaitingAnswer')}</Tag>
                  )}
                </div>
              ))}
            </Flex>
          ),
        }}
      />
      {objecting && <ObjectionModal view={view} award={objecting} onClose={() => setObjecting(null)} />}
      {answering && <AnswerModal view={view} objection={answering} onClose={() => setAnswering(null)} />}
    </Card>
  );
}

/** Lodges an objection to one award during the publicity period. */
function ObjectionModal({ view, award, onClose }: { view: TAwardsView; award: TAward; onClose: () => void }) {
  const { t } = useTranslation(['innovation-results', 'admin-kit']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const lodge = useLodgeObjection(view.cycleId);
  const reportError = useReportError([[...RESULTS_KEY]]);
  return (
    <Modal
      open
      title={t('awards.objectTitle')}
      okText={t('awards.objectOk')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={lodge.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text strong>{award.projectTitle}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {award.projectCode} · {award.unitName}
        </Typography.Text>
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ text }) =>
          lodge.mutate(
            { awardId: award.id, text: text.trim() },
            {
              onSuccess: () => {
                void message.success(t('awards.objected'));
                onClose();
              },
              onError: reportError,
            },
          )
        }
      >
        <Form.Item
          name="text"
          label={t('awards.objectionText')}
          extra={t('awards.objectionHint')}
          rules={[
            { required: true, whitespace: true, message: t('awards.objectionRequired') },
            { min: 5, message: t('awards.objectionShort') },
            { max: 4000, message: t('awards.tooLong', { max: 4000 }) },
          ]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The secretariat's answer to an objection; the objector is notified. */
function AnswerModal({
  view,
  objection,
  onClose,
}: {
  view: TAwardsView;
  objection: TObjection;
  onClose: () => void;
}) {
  const { t } = useTranslation(['innovation-results', 'admin-kit']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useAnswerObjection(view.cycleId);
  const reportError = useReportError([[...RESULTS_KEY]]);
  return (
    <Modal
      open
      title={t('awards.answerTitle')}
      okText={t('awards.answerOk')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={answer.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {objection.text}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          answer.mutate(
            { objectionId: objection.id, answer: v.answer.trim() },
            {
              onSuccess: () => {
                void message.success(t('awards.answered'));
                onClose();
              },
              onError: reportError,
            },
          )
        }
      >
        <Form.Item
          name="answer"
          label={t('awards.answerText')}
          extra={t('awards.answerHint')}
          rules={[
            { required: true, whitespace: true, message: t('awards.answerRequired') },
            { max: 4000, message: t('awards.tooLong', { max: 4000 }) },
          ]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
