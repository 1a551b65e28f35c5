// The workbench's code, loaded by main.tsx beside the connection to the backend: Monaco and the
// rest of the workbench are most of the renderer's JavaScript.
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import './editor/monaco/setup';
import { App } from './App';

export function mountWorkbench(root: Root): void {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
