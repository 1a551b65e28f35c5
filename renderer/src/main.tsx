// Start-up: connect to the backend over the page's transport, then render the workbench.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import './editor/monaco/setup';
import { connectApi } from './api/connect';
import { setApi } from './api/client-instance';
import { errorMessage } from './api/error-message';
import { App } from './App';

const root = createRoot(document.getElementById('root')!);

connectApi().then(
  (client) => {
    setApi(client);
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.render(
      <main className="fatal" role="alert">
        <h1>Specdeck could not connect</h1>
        <p>{errorMessage(error)}</p>
      </main>,
    );
  },
);
