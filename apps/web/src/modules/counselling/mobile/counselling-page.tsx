import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { MobileNotFoundPage } from '../../../mobile/pages/mobile-not-found-page';
import { CoachesPage } from './coaches-page';
import { InboxPage } from './inbox-page';
import { MyRequestsPage } from './my-requests-page';
import { CoachOnly } from './parts';
import { ProfilePage } from './profile-page';
import { RequestPage } from './request-page';
import { SharedPage } from './shared-page';
import './counselling.css';

/** A request's page, given its id from the path; a malformed id is "not found". */
function RequestRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <MobileNotFoundPage />;
  return <RequestPage key={id} id={id} />;
}

/**
 * The pages under /m/counselling: the team and my requests for everyone; the inbox, the results
 * shared with me and my profile for coaches. A request's page serves both sides.
 */
export function CounsellingPage() {
  // Loads the namespace before the first page draws (the shell's Suspense shows a spinner).
  useTranslation('counselling');
  return (
    <div className="m-page m-cs">
      <Routes>
        <Route index element={<CoachesPage />} />
        <Route path="requests" element={<MyRequestsPage />} />
        <Route path="requests/:id" element={<RequestRoute />} />
        <Route
          path="inbox"
          element={
            <CoachOnly>
              <InboxPage />
            </CoachOnly>
          }
        />
        <Route
          path="shared"
          element={
            <CoachOnly>
              <SharedPage />
            </CoachOnly>
          }
        />
        <Route
          path="profile"
          element={
            <CoachOnly>
              <ProfilePage />
            </CoachOnly>
          }
        />
        <Route path="*" element={<MobileNotFoundPage />} />
      </Routes>
    </div>
  );
}
