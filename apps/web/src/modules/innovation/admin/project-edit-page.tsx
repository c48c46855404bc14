import { App, Button, Card, Flex, Form, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { isStaleVersion } from '../../admin-kit/api-problems';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import { useCycles, useProject, useUpdateProject } from '../api';
import { BackButton } from '../components/back-button';
import { StateTag } from '../components/state-tag';
import { useInnovationError } from '../problems';
import {
  changedFields,
  declarationInput,
  ProjectFormFields,
  type ProjectFormValues,
  projectFormValues,
  showProjectProblems,
} from './project-form';

/** Changes a draft or a returned declaration (PATCH with the version it was loaded at). */
export function ProjectEditPage() {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const id = idParam(useParams().id);
  const project = useProject(id);
  const cycles = useCycles();
  const update = useUpdateProject(id ?? 0);
  const reportError = useInnovationError();
  const [form] = Form.useForm<ProjectFormValues>();
  const p = project.data;
  const cycle = cycles.data?.find((c) => c.id === p?.cycleId);

  // The form shows the project as loaded; after "changed by someone else" it shows the new one.
  useEffect(() => {
    if (p) form.setFieldsValue(projectFormValues(p));
  }, [p, form]);

  if (id === undefined || project.isError || cycles.isError)
    return (
      <Result
        status="404"
        title={t('detail.notFound')}
        subTitle={errorMessage(t, project.error ?? cycles.error)}
        extra={<Button onClick={() => navigate('/innovation')}>{t('form.backToList')}</Button>}
      />
    );
  if (!p || !cycle) return <PageLoading />;
  const detail = `/innovation/projects/${p.id}`;
  if (!p.abilities.edit)
    return (
      <Result
        status="info"
        title={t('form.cannotEdit')}
        subTitle={<StateTag state={p.state} />}
        extra={<Button onClick={() => navigate(detail)}>{t('form.backToProject')}</Button>}
      />
    );

  const onFinish = (values: ProjectFormValues) => {
    const changes = changedFields(p, declarationInput(values));
    if (Object.keys(changes).length === 0) {
      navigate(detail);
      return;
    }
    update.mutate(
      { ...changes, version: p.version },
      {
        onSuccess: () => {
          void message.success(t('admin-kit:saved'));
          navigate(detail);
        },
        onError: (error) => {
          if (isStaleVersion(error) || !showProjectProblems(form, error)) reportError(error);
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={
          <Flex gap="small" align="center" wrap>
            {t('form.editTitle', { code: p.code })}
            <StateTag state={p.state} />
          </Flex>
        }
        extra={<BackButton to={detail} />}
      />
      <Form<ProjectFormValues>
        name="declaration"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError
        initialValues={projectFormValues(p)}
      >
        <ProjectFormFields form={form} cycle={cycle} unitName={p.unitName} known={[p.leader, ...p.team]} />
        <Card>
          <Flex gap="small" wrap>
            <Button
              type="primary"
              htmlType="submit"
              loading={update.isPending}
              data-testid="save-declaration"
            >
              {t('admin-kit:actions.save')}
            </Button>
            <Button onClick={() => navigate(detail)}>{t('admin-kit:actions.cancel')}</Button>
          </Flex>
        </Card>
      </Form>
    </>
  );
}
