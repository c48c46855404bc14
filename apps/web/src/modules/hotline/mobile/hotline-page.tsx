import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { MobileNotFoundPage } from '../../../mobile/pages/mobile-not-found-page';
import { BoardPage } from './board-page';
import { HomePage } from './home-page';
import { MinePage } from './mine-page';
import { NewPage } from './new-page';
import { TrackPage } from './track-page';
import './hotline.css';

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
