import { StrictMode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../lib/queries';
import { createRoot } from 'react-dom/client';
import { ResidentApp } from './ResidentApp';
import { loadDistrictNames } from '../city/load-district-names';
import '../styles.css';
import './resident.css';

// The names of the county in the address (`?d=`) first: the page's title says which county it serves.
void loadDistrictNames().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ResidentApp />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
