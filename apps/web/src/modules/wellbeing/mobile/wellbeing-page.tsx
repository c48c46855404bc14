import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { MobileNotFoundPage } from '../../../mobile/pages/mobile-not-found-page';
import { HistoryPage } from './history-page';
import { HomePage } from './home-page';
import { PrivacyPage } from './privacy-page';
import { ResultPage } from './result-page';
import { SharePage } from './share-page';
import { SharesPage } from './shares-page';
import { TakePage } from './take-page';
import './wellbeing.css';

/** A page about one stored result, given its id from the path; a malformed id is "not found". */
function ResultRoute({ page: Page }: { page: ComponentType<{ resultId: number }> }) {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <MobileNotFoundPage />;
  return <Page key={id} resultId={id} />;
}

function TakeRoute() {
  const code = useParams().code ?? '';
  return <TakePage key={code} code={code} />;
}

/** The pages under /m/wellbeing. */
export function WellbeingPage() {
  // Loads the namespace before the first page draws (the shell's Suspense shows a spinner).
  useTranslation('wellbeing');
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="take/:code" element={<TakeRoute />} />
      <Route path="results/:id" element={<ResultRoute page={ResultPage} />} />
      <Route path="results/:id/share" element={<ResultRoute page={SharePage} />} />
      <Route path="history" element={<HistoryPage />} />
      <Route path="shares" element={<SharesPage />} />
      <Route path="privacy" element={<PrivacyPage />} />
      <Route path="*" element={<MobileNotFoundPage />} />
    </Routes>
  );
}
