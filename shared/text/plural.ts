// Counts in words: "1 requirement", "2 requirements", "0 specs" (English, with an irregular plural
// where one is given).
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
