import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { MobileNotFoundPage } from '../../../mobile/pages/mobile-not-found-page';
import { HomePage } from './home-page';
import { NewPage } from './new-page';
import './hotline.css';

// The module's home and the form to raise a problem come with the module; an item (with its
// actions) and the board are chunks of their own, so /m/hotline/new loads neither.
const MinePage = lazy(() => import('./mine-page').then((m) => ({ default: m.MinePage })));
const TrackPage = lazy(() => import('./track-page').then((m) => ({ default: m.TrackPage })));
const BoardPage = lazy(() => import('./board-page').then((m) => ({ default: m.BoardPage })));

/** One of my items, given its id from the path; a malformed id is "not found". */
function MineRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <MobileNotFoundPage />;
  return <MinePage key={id} id={id} />;
}

/**
 * The pages under /m/hotline: my items and the anonymous follow-up, raising a problem, one of my
 * items, and the public board.
 */
export function HotlinePage() {
  // Loads the namespace before the first page draws (the shell's Suspense shows a spinner).
  useTranslation('hotline');
  return (
    <div className="m-page m-hl">
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="new" element={<NewPage />} />
        <Route path="mine/:id" element={<MineRoute />} />
        <Route path="track" element={<TrackPage />} />
        <Route path="board" element={<BoardPage />} />
        <Route path="*" element={<MobileNotFoundPage />} />
      </Routes>
    </div>
  );
}
