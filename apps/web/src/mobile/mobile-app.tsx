import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { mobileRouter } from './mobile-router';
import './mobile.css';
import './mobile-pages.css';
import './mobile-kit.css';

const queryClient = createQueryClient();

/** The employees' phone app under /m/: plain React and one stylesheet, no antd. */
export function MobileApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={mobileRouter} />
    </QueryClientProvider>
  );
}
