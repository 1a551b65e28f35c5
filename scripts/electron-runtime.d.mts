// Types for electron-runtime.mjs, so TypeScript tests can import it.
export declare function findElectronRuntime(): { ok: true; path: string } | { ok: false; reason: string };
export declare function betterSqliteAbi(): { module: number | null; electron: number | null };
