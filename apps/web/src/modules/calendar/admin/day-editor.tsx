import type { TCalendarDay } from '@lifeline/shared';
import { App, AutoComplete, Button, Flex, Form, Modal, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/error-message';
import { type TOverrideKind, useRemoveOverride, useSetOverride } from '../api';
import { weekdayName } from '../calendar-dates';
import { dayKind, KIND_TAG_COLOR } from '../day-kinds';

type Props = {
  /** The day being edited, or null when the dialog is closed. */
  day: string | null;
  info: TCalendarDay | undefined;
  /** Whether the year has data of its own (official or declared), for the "restores" hint. */
  covered: boolean;
  canEdit: boolean;
  onClose: () => void;
};

type Values = { kind: TOverrideKind; name?: string };

/**
 * One day: what it is now, and (for a calendar administrator) setting it as a day off or a
 * working day with a name, or removing an administrator's setting. Official days cannot be
 * removed, only overridden.
 */
export function DayEditor({ day, info, covered, canEdit, onClose }: Props) {
  const { t, i18n } = useTranslation(['calendar', 'errors']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const setOverride = useSetOverride();
  const removeOverride = useRemoveOverride();
  const kind = day ? dayKind(day, info) : 'weekday';
  const isOverride = info?.reason === 'override';
  const working = kind === 'weekday' || kind === 'adjusted_workday' || kind === 'override_workday';

  const save = async (values: Values) => {
    if (!day) return;
    const name = values.name?.trim() || null;
    try {
      await setOverride.mutateAsync({ day, kind: values.kind, name });
      void message.success(t('editor.saved', { day, kind: t(`editor.savedKind.${values.kind}`) }));
      onClose();
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  const remove = async () => {
    if (!day) return;
    try {
      await removeOverride.mutateAsync(day);
      void message.success(t('editor.removed', { day }));
      onClose();
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  const suggestions = t('editor.suggestions')
    .split(',')
    .map((s) => ({ value: s.trim() }));
  const busy = setOverride.isPending || removeOverride.isPending;

  return (
    <Modal
      open={day !== null}
      title={day ? t('editor.title', { day, weekday: weekdayName(day, i18n.language, 'long') }) : null}
      onCancel={onClose}
      destroyOnHidden
      width={440}
      footer={
        canEdit ? (
          <Flex justify="space-between" gap="small" wrap>
            <span>
              {isOverride && (
                <Button
                  danger
                  loading={removeOverride.isPending}
                  disabled={busy}
                  onClick={remove}
                  data-testid="day-remove"
                >
                  {t('editor.remove')}
                </Button>
              )}
            </span>
            <Flex gap="small">
              <Button onClick={onClose}>{t('editor.cancel')}</Button>
              <Button
                type="primary"
                loading={setOverride.isPending}
                disabled={busy}
                onClick={() => form.submit()}
                data-testid="day-save"
              >
                {t('editor.save')}
              </Button>
            </Flex>
          </Flex>
        ) : (
          <Button onClick={onClose}>{t('editor.close')}</Button>
        )
      }
    >
      <Flex vertical gap="small" style={{ marginBottom: canEdit ? 16 : 0 }}>
        <Flex wrap align="center" gap="small" data-testid="day-current">
          <Typography.Text type="secondary">{t('editor.current')}</Typography.Text>
          <Tag color={KIND_TAG_COLOR[kind]} style={{ marginInlineEnd: 0 }}>
            {t(`kind.${kind}`)}
          </Tag>
          {info?.name && <Typography.Text strong>{info.name}</Typography.Text>}
        </Flex>
        {canEdit && isOverride && (
          <Typography.Text type="secondary">
            {t(covered ? 'editor.overridesOfficial' : 'editor.overrideUncovered')}
          </Typography.Text>
        )}
        {canEdit && (kind === 'holiday' || kind === 'adjusted_workday') && (
          <Typography.Text type="secondary">{t('editor.officialNote')}</Typography.Text>
        )}
      </Flex>
      {canEdit && (
        <Form
          key={day ?? ''}
          form={form}
          name="day"
          layout="vertical"
          onFinish={save}
          requiredMark={false}
          disabled={busy}
          // An administrator's setting is shown as it is; any other day proposes its opposite.
          initialValues={{
            kind: isOverride === working ? 'workday' : 'holiday',
            name: info?.name ?? '',
          }}
        >
          <Form.Item name="kind" label={t('editor.kind')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'holiday', label: t('editor.holiday') },
                { value: 'workday', label: t('editor.workday') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('editor.name')}
            extra={t('editor.nameHint')}
            rules={[{ max: 40 }]}
            style={{ marginBottom: 0 }}
          >
            <AutoComplete
              options={suggestions}
              placeholder={t('editor.namePlaceholder')}
              maxLength={40}
              allowClear
              filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
              data-testid="day-name"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
