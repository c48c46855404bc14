import {
  offeredProjectActions,
  PROJECT_TRANSITIONS,
  type TProject,
  type TProjectAction,
} from '@lifeline/shared';
import { App, Button, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransition } from '../../api';
import { useInnovationLabels } from '../../format';
import { useInnovationError } from '../../problems';

/** How an action's button looks: the way forward in blue, refusals in red. */
const LOOK: Partial<Record<TProjectAction, ButtonProps>> = {
  submit: { type: 'primary' },
  pass: { type: 'primary' },
  accept_late: { type: 'primary' },
  resume: { type: 'primary' },
  complete: { type: 'primary' },
  reject: { danger: true },
  refuse_late: { danger: true },
  terminate: { danger: true },
};

const COMMENT_MAX = 4000;

type Props = {
  project: TProject;
  size?: ButtonProps['size'];
  /** Called after an action was taken (e.g. to close a drawer). */
  onDone?: (p: TProject) => void;
};

/**
 * Buttons for exactly the moves the server says I may take now (`project.abilities`), in the
 * order of the transition table. An action
 * whose row in the transition table needs a comment or a reason asks for it first; the others
 * ask for confirmation. The project's version goes with the action, so if someone else acted
 * first the server refuses and the page reloads.
 */
export function ProjectActions({ project, size, onDone }: Props) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const labels = useInnovationLabels();
  const { message, modal } = App.useApp();
  const transition = useTransition();
  const reportError = useInnovationError();
  const [asking, setAsking] = useState<TProjectAction | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  const run = (action: TProjectAction, comment?: string) =>
    transition
      .mutateAsync({ id: project.id, action, version: project.version, comment })
      .then((p) => {
        void message.success(
          t('detail.actionDone', { action: labels.action(action), state: labels.state(p.state) }),
        );
        setAsking(null);
        onDone?.(p);
      })
      .catch((error: unknown) => {
        reportError(error);
        setAsking(null);
      });

  const start = (action: TProjectAction) => {
    if (PROJECT_TRANSITIONS[action].needs) {
      setAsking(action);
      return;
    }
    modal.confirm({
      title: t(`confirm.${action}.title`, { defaultValue: labels.action(action) }),
      content: t(`confirm.${action}.body`, { title: project.title, defaultValue: '' }) || undefined,
      okText: labels.action(action),
      cancelText: t('admin-kit:actions.cancel'),
      onOk: () => run(action),
    });
  };

  const needs = asking ? PROJECT_TRANSITIONS[asking].needs : null;
  const textLabel = asking ? t(`confirm.${asking}.label`, { defaultValue: t(`needs.${needs}`) }) : '';
  return (
    <>
      {offeredProjectActions(project.abilities).map((action) => (
        <Button
          key={action}
          size={size}
          {...LOOK[action]}
          data-testid={`action-${action}`}
          loading={transition.isPending && transition.variables?.action === action}
          onClick={(e) => {
            e.stopPropagation();
            start(action);
          }}
        >
          {labels.action(action)}
        </Button>
      ))}
      <Modal
        open={asking !== null}
        title={asking ? t(`confirm.${asking}.title`, { defaultValue: labels.action(asking) }) : ''}
        okText={asking ? labels.action(asking) : ''}
        cancelText={t('admin-kit:actions.cancel')}
        okButtonProps={
          { danger: asking ? LOOK[asking]?.danger : false, 'data-testid': 'action-confirm' } as ButtonProps
        }
        confirmLoading={transition.isPending}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {asking && (
          <Typography.Paragraph type="secondary">
            {t(`confirm.${asking}.body`, { title: project.title, defaultValue: '' })}
          </Typography.Paragraph>
        )}
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => asking && run(asking, v.comment.trim())}
        >
          <Form.Item
            name="comment"
            label={textLabel}
            rules={[
              { required: true, whitespace: true, message: t('needs.required', { what: textLabel }) },
              { max: COMMENT_MAX, message: t('form.tooLong', { max: COMMENT_MAX }) },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={COMMENT_MAX}
              showCount
              autoFocus
              data-testid="action-comment"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
