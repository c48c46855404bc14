import { PlusOutlined } from '@ant-design/icons';
import type { TCycle, TMeeting } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { fromDayjs, toDayjs, today } from '../../admin-kit/dates';
import { type MeetingBody, useCreateMeeting, useMeetings, useProjects, useUpdateMeeting } from '../api';
import { CycleFrame, useCycleChoice } from '../components/cycle-frame';
import { PersonPicker, type PersonRef } from '../components/person-picker';
import { formatDay, useInnovationLabels } from '../format';
import { useInnovationError } from '../problems';

/** The leadership group's decision meetings (研究审定) of a cycle, and a new one. */
export function MeetingsPage() {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const choice = useCycleChoice();
  const [creating, setCreating] = useState(false);
  return (
    <CycleFrame
      section="meetings"
      choice={choice}
      title={t('meetings.title')}
      extra={(cycle) =>
        cycle.abilities.decide && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-meeting"
          >
            {t('meetings.create')}
          </Button>
        )
      }
    >
      {(cycle) => (
        <>
          <MeetingList cycle={cycle} />
          {creating && <MeetingModal cycle={cycle} onClose={() => setCreating(false)} />}
        </>
      )}
    </CycleFrame>
  );
}

function MeetingList({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const labels = useInnovationLabels();
  const navigate = useNavigate();
  const meetings = useMeetings(cycle.id);
  const waiting = useProjects({ cycleId: cycle.id, state: 'shortlisted' }, 1, 1);
  const count = waiting.data?.total ?? 0;
  return (
    <Card>
      {waiting.isSuccess && (
        <Alert
          showIcon
          className="ll-inno-gap"
          type={count ? 'info' : 'success'}
          title={count ? t('meetings.waiting', { count }) : t('meetings.noneWaiting')}
        />
      )}
      {meetings.isError && (
        <Alert type="error" showIcon title={errorMessage(t, meetings.error)} className="ll-inno-gap" />
      )}
      <Table<TMeeting>
        rowKey="id"
        size="middle"
        loading={meetings.isPending}
        dataSource={meetings.data ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="meetings"
        rowClassName="ll-clickable-row"
        onRow={(m) => ({
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a')) navigate(`/innovation/meetings/${m.id}`);
          },
        })}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.none')} />,
        }}
        pagination={false}
        columns={[
          {
            key: 'heldOn',
            title: t('meetings.heldOn'),
            render: (_, m) => (
              <Link to={`/innovation/meetings/${m.id}`}>{formatDay(m.heldOn, labels.lang)}</Link>
            ),
          },
          {
            key: 'members',
            title: t('meetings.members'),
            render: (_, m) => (
              <span>
                {m.members
                  .slice(0, 6)
                  .map((p) => p.name)
                  .join(t('list.separator'))}
                {m.members.length > 6 && t('meetings.andMore', { count: m.members.length - 6 })}
              </span>
            ),
          },
          {
            key: 'decisions',
            title: t('meetings.decisions'),
            render: (_, m) => <Tag color={m.decisionCount ? 'green' : 'default'}>{m.decisionCount}</Tag>,
          },
          {
            key: 'minutes',
            title: t('meetings.minutes'),
            render: (_, m) => (
              <Typography.Text type="secondary" ellipsis className="ll-inno-minutes-cell">
                {m.minutes || t('admin-kit:none')}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

type Values = { heldOn: Dayjs | null; memberIds: number[]; minutes?: string };

const MINUTES_MAX = 20000;

/** A new meeting (date, members present, minutes), or changes to one. */
export function MeetingModal({
  cycle,
  meeting,
  onClose,
}: {
  cycle: TCycle;
  meeting?: TMeeting;
  onClose: () => void;
}) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting(cycle.id);
  const update = useUpdateMeeting(meeting?.id ?? 0);
  const reportError = useInnovationError();
  // Only a member of the meeting records it: a new one starts with me among its members.
  const me = useMe().data?.person;
  const known: PersonRef[] = [...(meeting?.members ?? []), ...(me ? [me] : [])];

  const onFinish = (v: Values) => {
    const body: MeetingBody = {
      heldOn: fromDayjs(v.heldOn) ?? '',
      memberIds: v.memberIds,
      minutes: (v.minutes ?? '').trim(),
    };
    if (meeting)
      update.mutate(
        { ...body, version: meeting.version },
        {
          onSuccess: () => {
            void message.success(t('admin-kit:saved'));
            onClose();
          },
          onError: (err) => {
            reportError(err);
            onClose();
          },
        },
      );
    else
      create.mutate(body, {
        onSuccess: (m) => {
          void message.success(t('meetings.created'));
          onClose();
          navigate(`/innovation/meetings/${m.id}`);
        },
        onError: reportError,
      });
  };

  return (
    <Modal
      open
      width={640}
      title={meeting ? t('meetings.editTitle') : t('meetings.create')}
      okText={t('admin-kit:actions.save')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<Values>
        name="meeting"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          heldOn: meeting ? toDayjs(meeting.heldOn) : today(),
          memberIds: meeting?.members.map((m) => m.id) ?? (me ? [me.id] : []),
          minutes: meeting?.minutes ?? '',
        }}
      >
        <Form.Item
          name="heldOn"
          label={t('meetings.heldOn')}
          rules={[{ required: true, message: t('meetings.dateRequired') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="memberIds"
          label={t('meetings.members')}
          extra={meeting?.decisionCount ? t('meetings.membersLocked') : t('meetings.membersHint')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('meetings.membersRequired') },
            { type: 'array', max: 40, message: t('meetings.membersMax', { max: 40 }) },
            {
              validator: (_, ids: number[] | undefined) =>
                !me || (ids ?? []).includes(me.id)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('meetings.membersIncludeMe'))),
            },
          ]}
        >
          <PersonPicker multiple max={40} known={known} data-testid="meeting-members" />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('meetings.minutes')}
          rules={[{ max: MINUTES_MAX, message: t('form.tooLong', { max: MINUTES_MAX }) }]}
        >
          <Input.TextArea rows={6} maxLength={MINUTES_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
