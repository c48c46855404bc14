import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { showFieldProblems } from '../../admin-kit/api-problems';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import { useReportError } from '../../admin-kit/use-report-error';
import { useCreatePerson } from '../api';
import { PERSON_FIELDS, PersonFormFields, type PersonFormValues, personInput } from './person-form-fields';

/** Adds one person to the roster (many at once go through the import). */
export function PersonCreatePage() {
  const { t } = useTranslation(['people', 'admin-kit']);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const create = useCreatePerson();
  const reportError = useReportError();

  const onFinish = (values: PersonFormValues) => {
    create.mutate(personInput(values), {
      onSuccess: (person) => {
        void message.success(t('form.created', { name: person.name }));
        navigate(`/people/${person.id}`, { replace: true });
      },
      onError: (error) => {
        if (!showFieldProblems(form, error, PERSON_FIELDS, takenMessages(t))) reportError(error);
      },
    });
  };

  return (
    <>
      <PageHeader
        title={t('form.createTitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/people')}>
            {t('detail.backToList')}
          </Button>
        }
      />
      <Card>
        <Form<PersonFormValues>
          name="person"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{
            politicalStatus: 'masses',
            employmentStatus: 'active',
            positions: [],
            unitId: idParam(params.get('unitId') ?? undefined),
          }}
        >
          <PersonFormFields form={form} />
          <Flex gap="small">
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('admin-kit:actions.save')}
            </Button>
            <Button onClick={() => navigate('/people')}>{t('admin-kit:actions.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}

/** What a duplicate (409 naming the field) means for each unique field of a person. */
export function takenMessages(t: (key: string) => string): Record<string, string> {
  return {
    employeeNo: t('people:form.employeeNoTaken'),
    idCard: t('people:form.idCardTaken'),
    phone: t('people:form.phoneTaken'),
  };
}
