import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api';
import { App } from './app/App';
import { createStores, startStores } from './app/stores';
import { PanelBoundary } from './components/ErrorBoundary';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

const stores = createStores(getApi());
startStores(stores);

createRoot(root).render(
  <StrictMode>
    {/* The last net: panels have their own boundaries, but a failure around them must not blank the window. */}
    <PanelBoundary name="inspector">
      <App stores={stores} />
    </PanelBoundary>
  </StrictMode>,
);
