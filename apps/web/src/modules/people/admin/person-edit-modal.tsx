import type { TPerson } from '@lifeline/shared';
import { App, Form, Grid, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isStaleVersion, showFieldProblems } from '../../admin-kit/api-problems';
import { useReportError } from '../../admin-kit/use-report-error';
import { PEOPLE_KEY, useUpdatePerson } from '../api';
import { takenMessages } from './person-create-page';
import {
  PERSON_FIELDS,
  PersonFormFields,
  type PersonFormValues,
  personFormValues,
  personInput,
} from './person-form-fields';

/**
 * Edits a person, sent with the version it was loaded at: if someone else saved in between,
 * the server refuses, the person is reloaded and the dialog closes so the user sees the change.
 */
export function PersonEditModal({ person, onClose }: { person: TPerson; onClose: () => void }) {
  const { t } = useTranslation(['people', 'admin-kit']);
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<PersonFormValues>();
  const update = useUpdatePerson();
  const reportError = useReportError([PEOPLE_KEY]);

  const onFinish = (values: PersonFormValues) => {
    update.mutate(
      { id: person.id, version: person.version, ...personInput(values) },
      {
        onSuccess: () => {
          void message.success(t('admin-kit:saved'));
          onClose();
        },
        onError: (error) => {
          if (isStaleVersion(error)) {
            reportError(error);
            onClose();
          } else if (!showFieldProblems(form, error, PERSON_FIELDS, takenMessages(t))) reportError(error);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('form.editTitle', { name: person.name })}
      width={narrow ? '100%' : 960}
      okText={t('admin-kit:actions.save')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<PersonFormValues>
        name="person"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={personFormValues(person)}
      >
        <PersonFormFields form={form} maskedIdCard={person.idCardMasked} />
      </Form>
    </Modal>
  );
}
