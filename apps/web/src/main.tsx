import { type ComponentType, lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { isMobilePath } from './boot/app-kind';
import { BootErrorBoundary } from './boot/boot-error-boundary';
import { BootSplash } from './boot/boot-splash';
import { initI18n } from './i18n/i18n';

// One entry, two apps: phones under /m/ load the light mobile app and never the antd back office.
// The chosen app's code starts loading at once, in parallel with the language setup.
const mobile = isMobilePath(window.location.pathname);
const loading: Promise<{ default: ComponentType }> = mobile
  ? import('./mobile/mobile-app').then((m) => ({ default: m.MobileApp }))
  : import('./app/desktop-app').then((m) => ({ default: m.DesktopApp }));
const App = lazy(() => loading);

const root = createRoot(document.getElementById('root')!);
void initI18n().then(() => {
  root.render(
    <StrictMode>
      <BootErrorBoundary>
        <Suspense fallback={<BootSplash />}>
          <App />
        </Suspense>
      </BootErrorBoundary>
    </StrictMode>,
  );
});
