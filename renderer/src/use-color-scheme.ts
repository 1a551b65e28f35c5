import { useEffect, useState } from 'react';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The OS colour scheme, live: the workbench and Monaco follow it. */
export function useColorScheme(): 'dark' | 'light' {
  const [dark, setDark] = useState(() => query().matches);
  useEffect(() => {
    const q = query();
    const onChange = () => setDark(q.matches);
    q.addEventListener('change', onChange);
    return () => q.removeEventListener('change', onChange);
  }, []);
  return dark ? 'dark' : 'light';
}
