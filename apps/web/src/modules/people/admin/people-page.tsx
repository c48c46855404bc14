import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { PeopleListPage } from './people-list-page';
import { PersonCreatePage } from './person-create-page';
import { PersonDetailPage } from './person-detail-page';
import './people.css';

/** The roster's pages: the list, a new person, one person (`/people/import` is its own module). */
export function PeoplePage() {
  return (
    <Routes>
      <Route index element={<PeopleListPage />} />
      <Route path="new" element={<PersonCreatePage />} />
      <Route path=":id" element={<PersonDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
