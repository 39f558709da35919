import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ResidentApp } from './ResidentApp';
import '../styles.css';
import './resident.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ResidentApp />
  </StrictMode>,
);
