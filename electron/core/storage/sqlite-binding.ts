// better-sqlite3 is a native module compiled for one ABI: `npm ci` builds it for Node. The desktop
// app runs on Electron's ABI, so `npm start` builds a second copy for Electron and names it in
// SPECDECK_SQLITE_BINDING (scripts/start-electron.mjs); every database this core opens uses it.
export function sqliteBindingOption(): { nativeBinding?: string } {
  const binding = process.env.SPECDECK_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}
