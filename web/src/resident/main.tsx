import { StrictMode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../lib/queries';
import { createRoot } from 'react-dom/client';
import { ResidentApp } from './ResidentApp';
import '../styles.css';
import './resident.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ResidentApp />
    </QueryClientProvider>
  </StrictMode>,
);
