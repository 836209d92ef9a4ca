import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/queries.js';
import { createRouter } from './app/App.js';
import { keepAppOutOfBackHistory, keepOneEntryForTheApp } from './app/history.js';

keepOneEntryForTheApp();
keepAppOutOfBackHistory();

const root = document.getElementById('root');
if (root) {
  const router = createRouter();
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
