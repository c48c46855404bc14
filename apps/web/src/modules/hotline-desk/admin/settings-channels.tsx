import type { TUnitChannels } from '@lifeline/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { errorMessage } from '../../../i18n/error-message';
import { fieldProblems } from '../../admin-kit/api-problems';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { channelsKey, useSaveUnitChannels, useUnitChannels } from '../api';
import { PersonSelect } from '../components/person-select';
import { hotlineProblem } from '../problems';

/** A unit's channels: the safety contact and the outgoing e-mail and robot webhooks. */
export function ChannelsTab({
  unitId,
  onUnit,
}: {
  unitId: number | undefined;
  onUnit: (v: number | undefined) => void;
}) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const channels = useUnitChannels(unitId);
  return (
    <Flex vertical gap="middle">
      <Alert type="info" showIcon title={t('channels.hint')} />
      <Card size="small">
        <Flex gap="small" align="center" wrap>
          <span>{t('channels.unit')}</span>
          <UnitTreeSelect
            value={unitId}
            onChange={onUnit}
            style={{ width: 320, maxWidth: '100%' }}
            aria-label={t('channels.unit')}
          />
        </Flex>
      </Card>
      {unitId === undefined && (
        <Card>
          <Empty description={t('channels.pickUnit')} />
        </Card>
      )}
      {unitId !== undefined && channels.isPending && (
        <Flex justify="center">
          <Spin />
        </Flex>
      )}
      {channels.isError && <Alert type="error" showIcon title={errorMessage(t, channels.error)} />}
      {unitId !== undefined && channels.data && (
        <ChannelsForm key={`${unitId}:${channels.data.version}`} unitId={unitId} channels={channels.data} />
      )}
    </Flex>
  );
}

type ChannelValues = {
  safetyContactPersonId: number | null;
  email: string;
  wecomWebhook: string;
  dingtalkWebhook: string;
};

function ChannelsForm({ unitId, channels }: { unitId: number; channels: TUnitChannels }) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const { message } = App.useApp();
  const client = useQueryClient();
  const save = useSaveUnitChannels(unitId);
  const [form] = Form.useForm<ChannelValues>();
  const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  const onFinish = (v: ChannelValues) =>
    save.mutate(
      {
        safetyContactPersonId: v.safetyContactPersonId ?? null,
        email: blank(v.email),
        wecomWebhook: blank(v.wecomWebhook),
        dingtalkWebhook: blank(v.dingtalkWebhook),
        version: channels.version,
      },
      {
        onSuccess: () => void message.success(t('admin-kit:saved')),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'conflict') {
            void message.warning(t('problems.stale'));
            void client.invalidateQueries({ queryKey: channelsKey(unitId) });
            return;
          }
          const problems = fieldProblems(error).filter((p) =>
            ['safetyContactPersonId', 'email', 'wecomWebhook', 'dingtalkWebhook'].includes(p.field),
          );
          if (problems.length)
            form.setFields(
              problems.map((p) => ({ name: p.field as keyof ChannelValues, errors: [p.message] })),
            );
          else void message.error(hotlineProblem(t, error));
        },
      },
    );
  return (
    <Card title={t('channels.title')}>
      <Form<ChannelValues>
        form={form}
        layout="vertical"
        name="hotline-channels"
        onFinish={onFinish}
        initialValues={{
          safetyContactPersonId: channels.safetyContactPersonId,
          email: channels.email ?? '',
          wecomWebhook: channels.wecomWebhook ?? '',
          dingtalkWebhook: channels.dingtalkWebhook ?? '',
        }}
      >
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item
              name="safetyContactPersonId"
              label={t('channels.safetyContact')}
              extra={t('channels.safetyContactHint')}
            >
              <PersonSelect knownName={channels.safetyContactName} aria-label={t('channels.safetyContact')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t('channels.email')}
              rules={[{ type: 'email', message: t('channels.emailRule') }]}
            >
              <Input placeholder="safety@example.com" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="wecomWebhook"
              label={t('channels.wecom')}
              rules={[
                {
                  validator: (_, v: string) =>
                    !v?.trim() || v.trim().startsWith('https://qyapi.weixin.qq.com/')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('channels.wecomRule'))),
                },
              ]}
            >
              <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="dingtalkWebhook"
              label={t('channels.dingtalk')}
              rules={[
                {
                  validator: (_, v: string) =>
                    !v?.trim() || v.trim().startsWith('https://oapi.dingtalk.com/')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('channels.dingtalkRule'))),
                },
              ]}
            >
              <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="channels-save">
          {t('admin-kit:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}
