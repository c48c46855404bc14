import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { ChannelsTab } from './settings-channels';
import { GeneralTab } from './settings-general';
import { RoutingTab } from './settings-routing';
import '../../admin-kit/admin-kit.css';
import './hotline.css';

/** `/hotline/settings`: one page with three tabs; anything below it is unknown. */
export function HotlineSettingsPage() {
  return (
    <Routes>
      <Route index element={<SettingsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

const TABS = ['general', 'routing', 'channels'] as const;

function SettingsPage() {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const [url, setUrl] = useUrlFilters(['tab', 'unit'] as const);
  const tab = TABS.find((x) => x === url.tab) ?? 'general';
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setUrl({ tab: k === 'general' ? undefined : k })}
        destroyOnHidden
        items={[
          { key: 'general', label: t('settings.tabs.general'), children: <GeneralTab /> },
          { key: 'routing', label: t('settings.tabs.routing'), children: <RoutingTab /> },
          {
            key: 'channels',
            label: t('settings.tabs.channels'),
            children: <ChannelsTab unitId={idParam(url.unit)} onUnit={(v) => setUrl({ unit: v, tab })} />,
          },
        ]}
      />
    </>
  );
}
