// Names for new specs, shared by every format's templates, the UI and `specdeck new`.

/** A folder-safe name: lower case, digits and hyphens. */
export function specSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** `todo-cli` → `Todo cli`, for headings in the templates. */
export function titleOf(slug: string): string {
  return slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
