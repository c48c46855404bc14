import type { TCycle } from '@lifeline/shared';
import { App, Button, Card, Flex, Form, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateProject } from '../api';
import { CycleFrame, useCycleChoice } from '../components/cycle-frame';
import { usePermissionUnits } from '../components/unit-scope-select';
import { useInnovationError } from '../problems';
import {
  declarationInput,
  ProjectFormFields,
  type ProjectFormValues,
  showProjectProblems,
} from './project-form';

/** A new declaration of my unit in a cycle; it is saved as a draft and submitted from its page. */
export function ProjectCreatePage() {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const choice = useCycleChoice();
  return (
    <CycleFrame section="projects" choice={choice} title={t('form.createTitle')}>
      {(cycle) => <CreateForm cycle={cycle} />}
    </CycleFrame>
  );
}

function CreateForm({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const create = useCreateProject();
  const reportError = useInnovationError();
  const { roots } = usePermissionUnits('innovation.declare');
  // With one unit to declare for (a branch secretary's branch), it is chosen already.
  const defaultUnit = roots.length === 1 ? roots[0].id : undefined;
  useEffect(() => {
    if (defaultUnit && !form.getFieldValue('unitId')) form.setFieldsValue({ unitId: defaultUnit });
  }, [defaultUnit, form]);
  const back = () => navigate(`/innovation?cycle=${cycle.id}`);

  if (!cycle.abilities.declare)
    return (
      <Result
        status="info"
        title={t('form.cannotDeclare')}
        subTitle={t('form.cannotDeclareHint')}
        extra={<Button onClick={back}>{t('form.backToList')}</Button>}
      />
    );

  const onFinish = (values: ProjectFormValues) => {
    create.mutate(
      { cycleId: cycle.id, unitId: values.unitId as number, ...declarationInput(values) },
      {
        onSuccess: (p) => {
          void message.success(t('form.created', { code: p.code }));
          navigate(`/innovation/projects/${p.id}`, { replace: true });
        },
        onError: (error) => {
          if (!showProjectProblems(form, error)) reportError(error);
        },
      },
    );
  };

  return (
    <Form<ProjectFormValues>
      name="declaration"
      form={form}
      layout="vertical"
      onFinish={onFinish}
      scrollToFirstError
      initialValues={{
        teamIds: [],
        budgetYuan: 0,
        objectives: '',
        plan: '',
        milestones: [],
        levelApplied: cycle.levels.length === 1 ? cycle.levels[0].level : undefined,
      }}
    >
      <ProjectFormFields form={form} cycle={cycle} />
      <Card>
        <Flex gap="small" wrap align="center">
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="save-declaration">
            {t('form.saveDraft')}
          </Button>
          <Button onClick={back}>{t('admin-kit:actions.cancel')}</Button>
          <span className="ll-inno-muted">{t('form.saveDraftHint')}</span>
        </Flex>
      </Card>
    </Form>
  );
}
