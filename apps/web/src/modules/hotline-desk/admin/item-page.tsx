import {
  EyeInvisibleOutlined,
  LockOutlined,
  MessageOutlined,
  PhoneOutlined,
  SendOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { THotlineItem, THotlineMessage } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Image,
  Input,
  Radio,
  Rate,
  Result,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import { photoPath, useItem, useItemMessage } from '../api';
import { CalendarMissingTag, OverdueTag, StateTag, UrgencyTag } from '../components/tags';
import { formatMinute, useHotlineLabels } from '../labels';
import { useHotlineError } from '../problems';
import { ItemActions } from './item-actions';

const TEXT_MAX = 4000;

/**
 * One item as a handler sees it: what was reported (with photos), who reported it when the
 * reporter is named, the deadlines, the thread of replies, the reporter's words and internal
 * notes, and the buttons for exactly the actions the server offers me now.
 */
export function ItemPage() {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors', 'common']);
  const navigate = useNavigate();
  const id = idParam(useParams().id);
  const item = useItem(id);
  const labels = useHotlineLabels();

  if (id === undefined || item.isError)
    return (
      <Result
        status="404"
        title={t('item.notFound')}
        subTitle={item.isError ? errorMessage(t, item.error) : undefined}
        extra={<Button onClick={() => navigate('/hotline')}>{t('item.backToList')}</Button>}
      />
    );
  if (!item.data) return <PageLoading />;
  const it = item.data;

  return (
    <>
      <PageHeader
        title={
          <Flex gap="small" align="center" wrap>
            <Typography.Text type="secondary" className="ll-hl-nowrap" data-testid="item-code">
              {it.code}
            </Typography.Text>
            <span data-testid="item-title">{it.title}</span>
            <span data-testid="item-state">
              <StateTag state={it.state} />
            </span>
            <UrgencyTag urgency={it.urgency} />
          </Flex>
        }
        extra={
          <>
            <Button onClick={() => navigate('/hotline')}>{t('common:actions.back')}</Button>
            <ItemActions item={it} />
          </>
        }
      />
      {it.state === 'closed' && (
        <Alert
          className="ll-hl-gap"
          type="info"
          showIcon
          data-testid="item-closed"
          title={
            it.mergedInto ? (
              <span>
                {t('item.mergedInto')}{' '}
                <Link to={`/hotline/items/${it.mergedInto.id}`}>{it.mergedInto.code}</Link>
              </span>
            ) : (
              t('item.closed', { reason: labels.closeReason(it.closeReason) })
            )
          }
        />
      )}
      {it.reopened && it.state === 'reopened' && (
        <Alert className="ll-hl-gap" type="warning" showIcon title={t('item.reopenedHint')} />
      )}
      {it.calendarMissingYear !== null && (
        <Alert
          className="ll-hl-gap"
          type="warning"
          showIcon
          title={t('deadline.calendarMissingHint', { year: it.calendarMissingYear })}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title={t('item.description')} className="ll-hl-gap">
            <div className="ll-hl-pre" data-testid="item-description">
              {it.description}
            </div>
            {it.photos.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('item.photos', { count: it.photos.length })}
                </Typography.Title>
                <div className="ll-hl-photos" data-testid="item-photos">
                  <Image.PreviewGroup>
                    {it.photos.map((p, i) => (
                      <Image
                        key={p.id}
                        src={photoPath(it.id, p.id)}
                        alt={t('item.photoAlt', { n: i + 1 })}
                        width={112}
                        height={112}
                        className="ll-hl-photo"
                      />
                    ))}
                  </Image.PreviewGroup>
                </div>
              </>
            )}
          </Card>
          <ThreadCard item={it} />
        </Col>
        <Col xs={24} lg={8}>
          <ReporterCard item={it} />
          <DetailsCard item={it} />
        </Col>
      </Row>
    </>
  );
}

/** Who reported: a named reporter's name, unit and phone; otherwise a clear "withheld" tag. */
function ReporterCard({ item }: { item: THotlineItem }) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit']);
  const labels = useHotlineLabels();
  const r = item.reporter;
  return (
    <Card title={t('item.reporter')} className="ll-hl-gap" data-testid="item-reporter">
      {r ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('item.visibility')}>
            <Tag icon={<UserOutlined />}>{labels.visibility(item.visibility)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('item.reporterName')}>{r.name}</Descriptions.Item>
          <Descriptions.Item label={t('item.reporterUnit')}>{r.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('item.reporterPhone')}>
            {r.phone ? (
              <a href={`tel:${r.phone}`}>
                <PhoneOutlined /> {r.phone}
              </a>
            ) : (
              t('admin-kit:none')
            )}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Flex vertical gap={8} align="flex-start">
          <Tag
            color="purple"
            icon={item.visibility === 'anonymous' ? <EyeInvisibleOutlined /> : <LockOutlined />}
            data-testid="identity-withheld"
          >
            {t(`item.withheld.${item.visibility === 'anonymous' ? 'anonymous' : 'confidential'}`)}
          </Tag>
          <Typography.Text type="secondary" className="ll-hl-small">
            {t(`item.withheldHint.${item.visibility === 'anonymous' ? 'anonymous' : 'confidential'}`)}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

/** Where the item is, its deadlines, who accepted it and when, me-toos and the reporter's rating. */
function DetailsCard({ item }: { item: THotlineItem }) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit']);
  const labels = useHotlineLabels();
  const none = t('admin-kit:none');
  const at = (v: string | null) => (v ? formatMinute(v, labels.lang) : none);
  return (
    <Card title={t('item.details')} className="ll-hl-gap">
      <Descriptions column={1} size="small" data-testid="item-details">
        <Descriptions.Item label={t('fields.category')}>{labels.category(item.category)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.unit')}>{item.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.handlingUnit')}>{item.handlingUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.meToo')}>{item.meToo}</Descriptions.Item>
        <Descriptions.Item label={t('fields.createdAt')}>{at(item.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.acceptDue')}>{at(item.acceptDue)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.acceptedAt')}>
          <span data-testid="item-accepted-at">{at(item.acceptedAt)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.acceptedBy')}>
          <span data-testid="item-accepted-by">
            {item.acceptedBy
              ? [item.acceptedBy.name, item.acceptedBy.unitName].filter(Boolean).join(' · ')
              : none}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.answerDue')}>
          <Flex gap={4} wrap align="center">
            <Typography.Text type={item.overdue ? 'danger' : undefined}>{at(item.answerDue)}</Typography.Text>
            {item.overdue && <OverdueTag />}
            {item.calendarMissingYear !== null && <CalendarMissingTag year={item.calendarMissingYear} />}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.answeredAt')}>{at(item.answeredAt)}</Descriptions.Item>
        {item.rating !== null && (
          <Descriptions.Item label={t('fields.rating')}>
            <Flex vertical gap={2}>
              <Rate disabled value={item.rating} />
              {item.ratingComment && <span className="ll-hl-pre">{item.ratingComment}</span>}
            </Flex>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** The thread: replies, the reporter's words, system lines and internal notes, each set apart. */
function ThreadCard({ item }: { item: THotlineItem }) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit']);
  return (
    <Card title={t('thread.title')} className="ll-hl-gap">
      <div className="ll-hl-thread" data-testid="item-thread">
        {item.messages.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('thread.empty')} />
        ) : (
          item.messages.map((m) => <MessageLine key={m.id} message={m} />)
        )}
      </div>
      <MessageForm item={item} />
    </Card>
  );
}

function MessageLine({ message: m }: { message: THotlineMessage }) {
  const { t } = useTranslation('hotline-desk');
  const labels = useHotlineLabels();
  const when = formatMinute(m.at, labels.lang);
  if (m.kind === 'system')
    return (
      <div className="ll-hl-msg ll-hl-msg-system" data-testid="msg-system" data-kind="system">
        {when} · {m.text}
      </div>
    );
  const who = m.kind === 'reporter' ? t('thread.reporter') : (m.author ?? t('thread.handler'));
  return (
    <div className={`ll-hl-msg ll-hl-msg-${m.kind}`} data-testid={`msg-${m.kind}`} data-kind={m.kind}>
      <div className="ll-hl-msg-head">
        {m.kind === 'note' && (
          <Tag color="warning" icon={<LockOutlined />} data-testid="internal-tag">
            {t('thread.internal')}
          </Tag>
        )}
        {m.kind === 'reply' && <Tag color="blue">{t('thread.reply')}</Tag>}
        <strong>{who}</strong>
        <span>{when}</span>
      </div>
      <div className="ll-hl-pre">{m.text}</div>
    </div>
  );
}

/** Writes a reply to the reporter (the state stays) or an internal note. */
function MessageForm({ item }: { item: THotlineItem }) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit']);
  const { message } = App.useApp();
  const send = useItemMessage(item.id);
  const reportError = useHotlineError();
  const [kind, setKind] = useState<'reply' | 'note'>('note');
  const [form] = Form.useForm<{ text: string }>();
  const onFinish = ({ text }: { text: string }) =>
    send.mutate(
      { kind, text: text.trim() },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(kind === 'note' ? t('thread.noteSaved') : t('thread.replySent'));
        },
        onError: reportError,
      },
    );
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ marginTop: 16 }} name="hotline-message">
      <Form.Item style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={[
            { value: 'note', label: <span data-testid="write-note">{t('thread.writeNote')}</span> },
            { value: 'reply', label: <span data-testid="write-reply">{t('thread.writeReply')}</span> },
          ]}
        />
      </Form.Item>
      <Typography.Paragraph type={kind === 'note' ? 'warning' : 'secondary'} className="ll-hl-small">
        {kind === 'note' ? t('thread.noteHint') : t('thread.replyHint')}
      </Typography.Paragraph>
      <Form.Item
        name="text"
        rules={[
          { required: true, whitespace: true, message: t('thread.required') },
          { max: TEXT_MAX, message: t('form.tooLong', { max: TEXT_MAX }) },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={TEXT_MAX}
          showCount
          aria-label={kind === 'note' ? t('thread.writeNote') : t('thread.writeReply')}
          data-testid="message-text"
        />
      </Form.Item>
      <Button
        type={kind === 'reply' ? 'primary' : 'default'}
        htmlType="submit"
        icon={kind === 'reply' ? <SendOutlined /> : <MessageOutlined />}
        loading={send.isPending}
        data-testid="message-send"
      >
        {kind === 'note' ? t('thread.saveNote') : t('thread.sendReply')}
      </Button>
    </Form>
  );
}
