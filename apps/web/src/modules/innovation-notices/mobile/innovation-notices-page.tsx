import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { MobileNotFoundPage } from '../../../mobile/pages/mobile-not-found-page';
import { ApprovedPage } from './approved-page';
import { AwardsPage } from './awards-page';
import { ConferencePage } from './conference-page';
import { NoticesList } from './notices-list';
import './innovation-notices.css';

/** A page about one cycle, given its id from the path; a malformed id is "not found". */
function CycleRoute({ page: Page }: { page: ComponentType<{ cycleId: number }> }) {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <MobileNotFoundPage />;
  return <Page key={id} cycleId={id} />;
}

/** The pages under /m/innovation: the list, and per cycle its approved list, awards and conference. */
export function InnovationNoticesPage() {
  // Loads the namespace before the first page draws (the shell's Suspense shows a spinner).
  useTranslation('innovation-notices');
  return (
    <Routes>
      <Route index element={<NoticesList />} />
      <Route path="cycles/:id/approved" element={<CycleRoute page={ApprovedPage} />} />
      <Route path="cycles/:id/awards" element={<CycleRoute page={AwardsPage} />} />
      <Route path="cycles/:id/conference" element={<CycleRoute page={ConferencePage} />} />
      <Route path="*" element={<MobileNotFoundPage />} />
    </Routes>
  );
}
