// IPC channel names, shared by the preload (sender) and electron/main (receiver).
export const CHANNELS = {
  call: 'specdeck:call',
  event: 'specdeck:event',
  openFolder: 'specdeck:host:open-folder',
  recentFolders: 'specdeck:host:recent-folders',
  openRecent: 'specdeck:host:open-recent',
} as const;
