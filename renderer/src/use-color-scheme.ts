import { useEffect, useState } from 'react';
import { useLayout } from './stores/layout-store';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The OS colour scheme, live. */
export function osScheme(): 'dark' | 'light' {
  return query().matches ? 'dark' : 'light';
}

/** The workbench's colour scheme: the user's choice (Toggle Theme), else the OS's, live. */
export function useColorScheme(): 'dark' | 'light' {
  const [dark, setDark] = useState(() => query().matches);
  const choice = useLayout((s) => s.theme);
  useEffect(() => {
    const q = query();
    const onChange = () => setDark(q.matches);
    q.addEventListener('change', onChange);
    return () => q.removeEventListener('change', onChange);
  }, []);
  if (choice !== 'system') return choice;
  return dark ? 'dark' : 'light';
}
