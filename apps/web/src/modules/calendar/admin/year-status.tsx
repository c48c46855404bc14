import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { errorMessage } from '../../../i18n/error-message';
import { type TCalendarYearSource, useDeclareYear, useUndeclareYear } from '../api';

type Props = {
  year: number;
  covered: boolean;
  /** Where a covered year's data comes from; undefined while the list of years loads. */
  source: TCalendarYearSource | undefined;
  /** Days entered by administrators as days off / as working days (for an uncovered year). */
  holidays: number;
  workdays: number;
  canEdit: boolean;
};

/**
 * What the calendar knows about the chosen year, and the step that completes it: a year
 * without data must have its arrangement entered and then be declared complete, or deadlines
 * in it are refused. A declared year can be withdrawn.
 */
export function YearStatus({ year, covered, source, holidays, workdays, canEdit }: Props) {
  const { t } = useTranslation(['calendar', 'errors']);
  const { message } = App.useApp();
  const [declaring, setDeclaring] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const declare = useDeclareYear();
  const undeclare = useUndeclareYear();

  const submitDeclare = async ({ note }: { note?: string }) => {
    try {
      await declare.mutateAsync({ year, note: note?.trim() || null });
      void message.success(t('declareModal.done', { year }));
      setDeclaring(false);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'validation_failed')
        void message.error(t('declareModal.needHoliday'));
      else if (err instanceof ApiError && err.code === 'conflict') {
        void message.warning(t('declareModal.already', { year }));
        setDeclaring(false);
      } else void message.error(errorMessage(t, err));
    }
  };

  const withdraw = async () => {
    try {
      await undeclare.mutateAsync(year);
      void message.success(t('declared.withdrawn', { year }));
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  if (!covered) {
    const canDeclare = holidays > 0;
    return (
      <>
        <Alert
          type="warning"
          showIcon
          data-testid="year-not-covered"
          title={t('uncovered.title', { year })}
          description={
            <Flex vertical gap="small">
              <span>{t('uncovered.body', { year })}</span>
              <span>{t('uncovered.progress', { holidays, workdays })}</span>
              {canEdit ? (
                <Flex wrap align="center" gap="small">
                  <Button
                    type="primary"
                    disabled={!canDeclare}
                    onClick={() => setDeclaring(true)}
                    data-testid="declare-year"
                  >
                    {t('uncovered.declare')}
                  </Button>
                  {!canDeclare && (
                    <Typography.Text type="secondary">{t('uncovered.needHoliday')}</Typography.Text>
                  )}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('uncovered.askAdmin')}</Typography.Text>
              )}
            </Flex>
          }
        />
        <Modal
          open={declaring}
          title={t('declareModal.title', { year })}
          okText={t('declareModal.ok')}
          cancelText={t('editor.cancel')}
          onOk={() => form.submit()}
          onCancel={() => setDeclaring(false)}
          confirmLoading={declare.isPending}
          okButtonProps={{ 'data-testid': 'declare-confirm' }}
          destroyOnHidden
        >
          <Typography.Paragraph>{t('declareModal.body', { year })}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t('declareModal.summary', { holidays, workdays })}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={submitDeclare} preserve={false}>
            <Form.Item name="note" label={t('declareModal.note')} rules={[{ max: 200 }]}>
              <Input.TextArea
                rows={2}
                maxLength={200}
                showCount
                placeholder={t('declareModal.notePlaceholder', { year })}
              />
            </Form.Item>
          </Form>
        </Modal>
      </>
    );
  }

  const declared = source === 'administrator' || source === 'both';
  if (!declared) {
    return <Typography.Text type="secondary">{t('official', { year })}</Typography.Text>;
  }
  const own = source === 'administrator';
  return (
    <Alert
      type={own ? 'success' : 'info'}
      showIcon
      data-testid="year-declared"
      title={own ? t('declared.title', { year }) : t('official', { year })}
      description={
        <Flex vertical gap="small" align="start">
          <span>{own ? t('declared.body') : t('declared.bothBody', { year })}</span>
          {canEdit && (
            <Popconfirm
              title={t('declared.withdrawTitle', { year })}
              description={
                <div style={{ maxWidth: 280 }}>
                  {t(own ? 'declared.withdrawBody' : 'declared.withdrawBothBody', { year })}
                </div>
              }
              okText={t('declared.withdraw')}
              cancelText={t('editor.cancel')}
              okButtonProps={{ danger: true, loading: undeclare.isPending }}
              onConfirm={withdraw}
            >
              <Button size="small">{t('declared.withdraw')}</Button>
            </Popconfirm>
          )}
        </Flex>
      }
    />
  );
}
