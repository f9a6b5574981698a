import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api';
import { App } from './app/App';
import { createStores, startStores } from './app/stores';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

const stores = createStores(getApi());
startStores(stores);

createRoot(root).render(
  <StrictMode>
    <App stores={stores} />
  </StrictMode>,
);
