import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const MIN_REASON = 4;

type Props = {
  /** The reason of the current view, or null when sensitive events are shown masked. */
  reason: string | null;
  onReveal: (reason: string) => void;
  onStop: () => void;
};

/**
 * The audit administrator's switch for naming the people behind sensitive events: asks for a
 * reason first (the server records it as an audit event of its own) and says while it is on.
 */
export function RevealControl({ reason, onReveal, onStop }: Props) {
  const { t } = useTranslation('audit');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (reason)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('reveal.active', { reason })}
        action={
          <Button size="small" onClick={onStop}>
            {t('reveal.stop')}
          </Button>
        }
        data-testid="audit-reveal-active"
      />
    );
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="audit-reveal">
        {t('reveal.button')}
      </Button>
      <Modal
        open={open}
        title={t('reveal.title')}
        okText={t('reveal.ok')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('reveal.intro')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            setOpen(false);
            onReveal(v.reason.trim());
          }}
        >
          <Form.Item
            name="reason"
            label={t('reveal.reason')}
            rules={[
              { required: true, whitespace: true, min: MIN_REASON, message: t('reveal.reasonRequired') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
