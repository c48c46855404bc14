import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { ReviewListPage } from './review-list-page';
import { ReviewScorePage } from './review-score-page';
import './reviews.css';

/** My reviews: the list of assignments and the scoring page of one. */
export function ReviewsPage() {
  return (
    <Routes>
      <Route index element={<ReviewListPage />} />
      <Route path=":id" element={<ReviewScorePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
