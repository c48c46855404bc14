import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES, auditLabel, type TWorkbenchActivity } from '@lifeline/shared';
import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/me';
import { beijingDateTime } from '../../../i18n/format';
import { toLanguage } from '../../../i18n/languages';
import { DESKTOP_MODULES } from '../../desktop-modules';
import { canUse } from '../../module-types';
import { fromNow } from '../format';

/** The desktop page of a record, by its type in the audit trail. */
const RECORD_PAGES: Record<string, (id: string) => string> = {
  innovation_project: (id) => `/innovation/projects/${id}`,
  innovation_meeting: (id) => `/innovation/meetings/${id}`,
  innovation_review: (id) => `/innovation-reviews/${id}`,
  hotline_item: (id) => `/hotline/items/${id}`,
  person: (id) => `/people/${id}`,
};

/** The record's page, when there is one and the menu offers its module to the user. */
function usePageOf(): (e: TWorkbenchActivity) => string | null {
  const permissions = useMe().data?.permissions ?? [];
  return (e) => {
    const page =
      e.recordId && /^\d+$/.test(e.recordId) ? RECORD_PAGES[e.recordType]?.(e.recordId) : undefined;
    if (!page) return null;
    const owner = DESKTOP_MODULES.filter((m) => m.path !== '/' && page.startsWith(`${m.path}/`)).sort(
      (a, b) => b.path.length - a.path.length,
    )[0];
    return owner && canUse(owner, permissions) ? page : null;
  };
}

/** My latest changes as the audit trail recorded them, with the audit page's labels (one catalogue). */
export function ActivityList({ events }: { events: TWorkbenchActivity[] }) {
  const { t, i18n } = useTranslation('workbench');
  const pageOf = usePageOf();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activity.empty')} />;
  const now = Date.now();
  const lang = i18n.language;
  const labelLang = toLanguage(lang) === 'en' ? 'en' : 'zh';
  return (
    <Flex vertical gap="small" data-testid="workbench-activity" component="ol" className="ll-wb-activity">
      {events.map((e) => {
        const record = t('activity.record', {
          type: auditLabel(AUDIT_RECORD_TYPES, e.recordType, labelLang),
          id: e.recordId ?? '',
        });
        const page = pageOf(e);
        return (
          <Flex component="li" key={e.id} vertical gap={0}>
            <Typography.Text>
              {auditLabel(AUDIT_ACTIONS, e.action, labelLang)}
              {' · '}
              {page ? <Link to={page}>{record}</Link> : record}
            </Typography.Text>
            <Typography.Text type="secondary" className="ll-wb-small">
              <time dateTime={e.at} title={beijingDateTime(e.at, lang)}>
                {fromNow(e.at, now, lang)}
              </time>
              {' · '}
              {beijingDateTime(e.at, lang)}
            </Typography.Text>
          </Flex>
        );
      })}
    </Flex>
  );
}
