import { AUDIT_FIELDS, auditLabel, type TAuditEvent } from '@lifeline/shared';
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Row = { field: string; before: unknown; after: unknown };

/** A recorded value as text: empty, yes/no, lists and structures readable at a glance. */
function useValueText() {
  const { t } = useTranslation(['audit', 'admin-kit']);
  return (value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('admin-kit:none');
    if (typeof value === 'boolean') return value ? t('admin-kit:yes') : t('admin-kit:no');
    if (Array.isArray(value)) return value.map(String).join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

/** An event's changed fields, before and after (sensitive ones arrive masked), and its details. */
export function AuditChanges({ event }: { event: TAuditEvent }) {
  const { t, i18n } = useTranslation(['audit', 'admin-kit']);
  const text = useValueText();
  const rows: Row[] = Object.entries(event.changes ?? {}).map(([field, c]) => ({ field, ...c }));
  const details = Object.entries(event.details ?? {});
  return (
    <div data-testid="audit-changes">
      {rows.length > 0 && (
        <Table<Row>
          rowKey="field"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'field',
              title: t('changes.field'),
              render: (_, r) => auditLabel(AUDIT_FIELDS, r.field, i18n.language === 'en' ? 'en' : 'zh'),
            },
            {
              key: 'before',
              title: t('changes.before'),
              render: (_, r) => <Typography.Text delete>{text(r.before)}</Typography.Text>,
            },
            { key: 'after', title: t('changes.after'), render: (_, r) => text(r.after) },
          ]}
        />
      )}
      {details.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: rows.length ? 12 : 0 }}
          title={t('changes.details')}
          items={details.map(([key, value]) => ({
            key,
            label: t(`details.${key}`, { defaultValue: key }),
            children: text(value),
          }))}
        />
      )}
      {event.requestId && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('changes.request', { id: event.requestId })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
