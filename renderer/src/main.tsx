// Start-up: connect to the backend while the workbench's code is fetched and evaluated (a separate
// chunk: the socket no longer waits for Monaco to evaluate), then render the workbench.
import { createRoot } from 'react-dom/client';
import './styles.css';
import { connectApi } from './api/connect';
import { setApi } from './api/client-instance';
import { errorMessage } from './api/error-message';

const root = createRoot(document.getElementById('root')!);
const workbench = import('./workbench-entry');

Promise.all([connectApi(), workbench]).then(
  ([client, { mountWorkbench }]) => {
    setApi(client);
    mountWorkbench(root);
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
