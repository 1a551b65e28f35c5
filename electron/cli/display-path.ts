// A workspace path as one printable line, for the commands that print paths.

/** Names with newlines or control characters are quoted (JSON), others printed as they are. */
export function displayPath(path: string): string {
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return JSON.stringify(path);
  }
  return path;
}
