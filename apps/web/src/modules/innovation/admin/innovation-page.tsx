import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { ApprovedPage } from './approved-page';
import { BoardPage } from './board-page';
import { CycleSettingsPage } from './cycle-settings-page';
import { MeetingDetailPage } from './meeting-detail-page';
import { MeetingsPage } from './meetings-page';
import { ProjectCreatePage } from './project-create-page';
import { ProjectDetailPage } from './project-detail-page';
import { ProjectEditPage } from './project-edit-page';
import { ProjectsPage } from './projects-page';
import '../../admin-kit/admin-kit.css';
import './innovation.css';

/**
 * The module's pages. A cycle's pages take it from `?cycle=` (or their path); a project's page
 * is reachable on its own, as notifications link to it.
 */
export function InnovationPage() {
  return (
    <Routes>
      <Route index element={<ProjectsPage />} />
      <Route path="new" element={<ProjectCreatePage />} />
      <Route path="projects/:id" element={<ProjectDetailPage />} />
      <Route path="projects/:id/edit" element={<ProjectEditPage />} />
      <Route path="board" element={<BoardPage />} />
      <Route path="meetings" element={<MeetingsPage />} />
      <Route path="meetings/:id" element={<MeetingDetailPage />} />
      <Route path="cycles/new" element={<CycleSettingsPage />} />
      <Route path="cycles/:id/settings" element={<CycleSettingsPage />} />
      <Route path="cycles/:id/approved" element={<ApprovedPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
