import { DownloadOutlined } from '@ant-design/icons';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES, auditLabel, type TAuditEvent } from '@lifeline/shared';
import { Alert, App, Button, Card, DatePicker, Select, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import { downloadFile } from '../../admin-kit/files';
import { FilterBar } from '../../admin-kit/filter-bar';
import { useLabels } from '../../admin-kit/labels';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { PersonSelect } from '../../people/components/person-select';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { ACTION_PREFIXES, type AuditFilters, auditExportUrl, RECORD_TYPES, useAuditEvents } from '../api';
import { recordLink } from '../record-link';
import { AuditChanges } from './audit-changes';
import { RevealControl } from './reveal-control';

const KEYS = ['personId', 'unitId', 'action', 'recordType', 'recordId', 'from', 'to', 'page'] as const;
const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The audit trail: who did what to which record, when and from where, with the changed fields'
 * values before and after. The period is chosen in whole days (the address keeps the dates).
 */
export function AuditPage() {
  const { t } = useTranslation(['audit', 'admin-kit', 'errors']);
  const labels = useLabels();
  const { message } = App.useApp();
  const [url, setUrl] = useUrlFilters(KEYS);
  const [exporting, setExporting] = useState(false);
  // Kept in the page, not the address: a reason is given for one look, not bookmarked.
  const [revealReason, setRevealReason] = useState<string | null>(null);
  const canIdentify = useMe().data?.permissions.includes('audit.identify') ?? false;
  const fromDay = url.from && DAY.test(url.from) ? dayjs(url.from) : null;
  const toDay = url.to && DAY.test(url.to) ? dayjs(url.to) : null;
  const filters: AuditFilters = {
    personId: idParam(url.personId),
    unitId: idParam(url.unitId),
    action: url.action,
    recordType: url.recordType,
    recordId: url.recordId,
    from: fromDay?.startOf('day').toISOString(),
    to: toDay?.add(1, 'day').startOf('day').toISOString(),
    ...(revealReason ? { reveal: true, reason: revealReason } : {}),
  };
  const page = idParam(url.page) ?? 1;
  const events = useAuditEvents(filters, page, PAGE_SIZE);
  const lang = labels.lang === 'en' ? 'en' : 'zh';
  const actionLabel = (a: string) => auditLabel(AUDIT_ACTIONS, a, lang);
  const typeLabel = (r: string) => auditLabel(AUDIT_RECORD_TYPES, r, lang);

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile(auditExportUrl(filters), 'audit.xlsx');
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<TAuditEvent> = [
    { key: 'at', title: t('table.at'), render: (_, e) => formatTimestamp(e.at, labels.lang) },
    {
      key: 'actor',
      title: t('table.actor'),
      render: (_, e) =>
        e.masked ? (
          <Tag>{t('table.masked')}</Tag>
        ) : e.actorPersonId ? (
          <Link to={`/people/${e.actorPersonId}`}>{e.actorName ?? e.actorPersonId}</Link>
        ) : (
          t('table.system')
        ),
    },
    {
      key: 'role',
      title: t('table.role'),
      render: (_, e) =>
        e.actorRole ? t(`actorRoles.${e.actorRole}`, { defaultValue: labels.role(e.actorRole) }) : '',
    },
    { key: 'action', title: t('table.action'), render: (_, e) => <Tag>{actionLabel(e.action)}</Tag> },
    {
      key: 'record',
      title: t('table.record'),
      render: (_, e) => {
        const text = `${typeLabel(e.recordType)}${e.recordId ? ` #${e.recordId}` : ''}`;
        const to = e.masked ? null : recordLink(e.recordType, e.recordId, e.details);
        return to ? <Link to={to}>{text}</Link> : text;
      },
    },
    { key: 'unit', title: t('table.unit'), render: (_, e) => e.unitName ?? '' },
    { key: 'ip', dataIndex: 'ip', title: t('table.ip') },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <>
            {canIdentify && !revealReason && (
              <RevealControl reason={null} onReveal={setRevealReason} onStop={() => setRevealReason(null)} />
            )}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
              {t('admin-kit:actions.export')}
            </Button>
          </>
        }
      />
      <Card>
        {revealReason && (
          <RevealControl
            reason={revealReason}
            onReveal={setRevealReason}
            onStop={() => setRevealReason(null)}
          />
        )}
        <FilterBar>
          <DatePicker.RangePicker
            value={[fromDay, toDay]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              setUrl({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
            aria-label={t('filters.period')}
            style={{ width: 280, maxWidth: '100%' }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={url.action}
            onChange={(action) => setUrl({ action })}
            options={ACTION_PREFIXES.map((p) => ({ value: p, label: t(`prefixes.${p.slice(0, -1)}`) }))}
            placeholder={t('filters.action')}
            aria-label={t('filters.action')}
            style={{ width: 180, maxWidth: '100%' }}
          />
          <Select
            allowClear
            value={url.recordType}
            onChange={(recordType) => setUrl({ recordType, recordId: undefined })}
            options={RECORD_TYPES.map((r) => ({ value: r, label: typeLabel(r) }))}
            placeholder={t('filters.recordType')}
            aria-label={t('filters.recordType')}
            style={{ width: 160, maxWidth: '100%' }}
          />
          <UnitTreeSelect
            value={filters.unitId}
            onChange={(unitId) => setUrl({ unitId })}
            placeholder={t('filters.unit')}
            aria-label={t('filters.unit')}
            style={{ width: 240, maxWidth: '100%' }}
          />
          <PersonSelect
            value={filters.personId}
            onChange={(personId) => setUrl({ personId })}
            placeholder={t('filters.actor')}
            aria-label={t('filters.actor')}
            style={{ width: 240, maxWidth: '100%' }}
          />
          {url.recordId && (
            <Tag closable onClose={() => setUrl({ recordId: undefined })} data-testid="audit-record-filter">
              {t('filters.record', { type: typeLabel(url.recordType ?? ''), id: url.recordId })}
            </Tag>
          )}
        </FilterBar>
        {events.isError && (
          <Alert type="error" showIcon title={errorMessage(t, events.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<TAuditEvent>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={events.data?.items ?? []}
          loading={events.isFetching}
          scroll={{ x: 'max-content' }}
          expandable={{
            // The column of expand buttons is named for assistive technology, not on screen.
            columnTitle: <span className="ll-sr-only">{t('table.details')}</span>,
            expandedRowRender: (e) => <AuditChanges event={e} />,
            rowExpandable: (e) => Boolean(e.changes || e.details || e.requestId),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: events.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('admin-kit:total', { count: total }),
            onChange: (p) => setUrl({ page: p }),
          }}
        />
      </Card>
    </>
  );
}
