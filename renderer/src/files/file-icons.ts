// A small text badge per file type (no icon font: nothing to fetch, and it reads in both themes).
const BY_EXTENSION: Record<string, { label: string; kind: string }> = {
  ts: { label: 'TS', kind: 'code' },
  tsx: { label: 'TSX', kind: 'code' },
  js: { label: 'JS', kind: 'code' },
  jsx: { label: 'JSX', kind: 'code' },
  mjs: { label: 'JS', kind: 'code' },
  cjs: { label: 'JS', kind: 'code' },
  py: { label: 'PY', kind: 'code' },
  rs: { label: 'RS', kind: 'code' },
  go: { label: 'GO', kind: 'code' },
  java: { label: 'JV', kind: 'code' },
  c: { label: 'C', kind: 'code' },
  h: { label: 'H', kind: 'code' },
  cpp: { label: 'C++', kind: 'code' },
  cs: { label: 'C#', kind: 'code' },
  rb: { label: 'RB', kind: 'code' },
  sh: { label: 'SH', kind: 'code' },
  md: { label: 'MD', kind: 'doc' },
  markdown: { label: 'MD', kind: 'doc' },
  txt: { label: 'TXT', kind: 'doc' },
  json: { label: '{}', kind: 'data' },
  yaml: { label: 'YML', kind: 'data' },
  yml: { label: 'YML', kind: 'data' },
  toml: { label: 'TOM', kind: 'data' },
  html: { label: '<>', kind: 'markup' },
  css: { label: 'CSS', kind: 'markup' },
  svg: { label: 'SVG', kind: 'image' },
  png: { label: 'IMG', kind: 'image' },
  jpg: { label: 'IMG', kind: 'image' },
  gif: { label: 'IMG', kind: 'image' },
};

export function fileIcon(name: string): { label: string; kind: string } {
  if (name === '.gitignore' || name.startsWith('.')) return { label: '·', kind: 'dot' };
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return BY_EXTENSION[ext] ?? { label: '▫', kind: 'other' };
}
