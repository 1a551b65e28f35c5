// A workspace path as the lists show it (search results, Problems, tabs): the file's name, then
// the folder that holds it, muted. Paths are workspace-relative with `/`.

export function splitPath(path: string): { name: string; folder: string } {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? { name: path, folder: '' } : { name: path.slice(slash + 1), folder: path.slice(0, slash) };
}
