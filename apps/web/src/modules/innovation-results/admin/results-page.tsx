import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { AwardsPage } from './awards-page';
import { ConferencePage } from './conference-page';
import { EvaluationPage } from './evaluation-page';
import { DefaultCycleRedirect } from './results-frame';
import { StatsPage } from './stats-page';
import './results.css';

/**
 * Evaluation and awards: `/innovation-results` opens the latest cycle that has results; each
 * cycle has its evaluation board, awards and conference; the statistics span all cycles.
 */
export function ResultsPage() {
  return (
    <Routes>
      <Route index element={<DefaultCycleRedirect />} />
      <Route path="cycles/:id" element={<Navigate to="evaluation" replace />} />
      <Route path="cycles/:id/evaluation" element={<EvaluationPage />} />
      <Route path="cycles/:id/awards" element={<AwardsPage />} />
      <Route path="cycles/:id/conference" element={<ConferencePage />} />
      <Route path="stats" element={<StatsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
