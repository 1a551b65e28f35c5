// The files a task's text names: backticked paths (`src/app.ts`) and `in|at|to|from|under <path>`
// (Spec Kit: "Create User model in src/models/user.py"). A path needs a slash or a file extension,
// and is never a URL, a glob or a spec document reference like `requirements.md`.

const BACKTICKED = /`([^`\s]+)`/g;
const AFTER_WORD = /\b(?:in|at|to|from|under|into|file|update|create|modify|edit)\s+([./\w-][\w./@+-]*\/[\w./@+-]+|[\w-][\w./-]*\.[A-Za-z][A-Za-z0-9]{0,7})(?=[\s,;:)]|$)/gi;
// Known source/document extensions: `config.get` or `user.name` in backticks are identifiers, not files.
const EXTENSION =
  /\.(?:[cm]?[jt]sx?|py|pyi|rb|go|rs|java|kts?|swift|c|h|cc|cpp|hpp|cs|fs|php|mdx?|json|jsonc|ya?ml|toml|xml|html?|css|scss|sass|less|sql|sh|bash|zsh|ps1|txt|csv|vue|svelte|dart|exs?|erl|hs|ml|scala|clj|lua|r|pl|proto|graphql|gql|tf|ini|cfg|conf|env|lock|gradle|properties|ipynb|prisma|astro)$/i;
// `Node.js`, `Vue.js`: product names, not files.
const PRODUCT = /^[A-Z][A-Za-z]*\.js$/;
// Words that look like files but are not (versions, abbreviations).
const NOT_A_FILE = /^(?:e\.g|i\.e|etc|vs|v?\d+(?:\.\d+)*)\.?$/i;

/** Workspace-relative paths named by the task's lines (title and detail bullets), in order, unique. */
export function namedFiles(text: string): string[] {
  const found = new Set<string>();
  const add = (raw: string, backticked: boolean) => {
    // In plain prose a folder needs its trailing slash (`and/or` is not a path).
    if (!backticked && !raw.endsWith('/') && !EXTENSION.test(raw.replace(/[.,;:]+$/, ''))) return;
    const p = normalise(raw);
    if (p) found.add(p);
  };
  for (const m of text.matchAll(BACKTICKED)) add(m[1]!, true);
  const plain = text.replace(BACKTICKED, ' ');
  for (const m of plain.matchAll(AFTER_WORD)) add(m[1]!, false);
  return [...found];
}

function normalise(raw: string): string | null {
  const folder = /\/[.,;:]*$/.test(raw);
  const p = raw.replace(/[.,;:]+$/, '').replace(/^\.\//, '').replace(/\/$/, '');
  if (p.includes('://') || /[*?{}<>|$]/.test(p) || p.startsWith('-')) return null;
  if (p.startsWith('/') || p.includes('\\')) return null; // absolute or Windows paths: not in the workspace
  if (p.split('/').some((seg) => seg === '..' || seg === '')) return null;
  // `foo()` or `a.b.c` identifiers: a path needs a slash, or a name ending in a known-looking extension.
  if (/[()=]/.test(p)) return null;
  const last = p.split('/').at(-1)!;
  if (!p.includes('/') && !folder && !EXTENSION.test(last)) return null;
  if (!p.includes('/') && PRODUCT.test(p)) return null;
  if (NOT_A_FILE.test(p)) return null;
  return p.length > 0 && p.length <= 1024 ? p : null;
}
