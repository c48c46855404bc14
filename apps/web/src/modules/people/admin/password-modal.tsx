import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordChecklist } from '../../../app/pages/password-checklist';
import { newPasswordProblems } from '../../../auth/password-policy';

type Props = {
  title: string;
  hint: string;
  /** The person's own identifiers, which the policy forbids inside the password. */
  personal: string[];
  loading: boolean;
  error?: string;
  onSubmit: (password: string) => void;
  onClose: () => void;
};

/** Asks for an initial or reset password, checked against the shared policy as it is typed. */
export function PasswordModal({ title, hint, personal, loading, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation(['people', 'auth', 'admin-kit']);
  const [form] = Form.useForm<{ password: string }>();
  const password = Form.useWatch('password', form) ?? '';
  return (
    <Modal
      open
      title={title}
      okText={t('admin-kit:actions.save')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form name="account-password" form={form} layout="vertical" onFinish={(v) => onSubmit(v.password)}>
        <Form.Item
          name="password"
          label={t('account.password')}
          rules={[
            { required: true, message: t('auth:password.newRequired') },
            {
              validator: (_, value?: string) => {
                const problems = value ? newPasswordProblems(t, value, personal) : [];
                return problems.length ? Promise.reject(new Error(problems[0])) : Promise.resolve();
              },
            },
          ]}
          extra={<PasswordChecklist password={password} personal={personal} />}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
