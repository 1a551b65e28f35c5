// Key strings (`Ctrl+Shift+P`) matched against keyboard events, shown in the palette, and turned
// into Monaco keybindings. Ctrl means Cmd on macOS, as in VS Code.
import { monaco } from '../editor/monaco/setup';
import { COMMANDS, type Command } from './registry';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

interface Chord {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(keys: string): Chord {
  const parts = keys.split('+');
  const key = parts.pop()!.toLowerCase();
  return { ctrl: parts.includes('Ctrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

export function displayKeys(keys: string): string {
  return isMac ? keys.replace('Ctrl+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥') : keys;
}

function matches(chord: Chord, e: KeyboardEvent): boolean {
  const ctrl = isMac ? e.metaKey : e.ctrlKey;
  return ctrl === chord.ctrl && e.shiftKey === chord.shift && e.altKey === chord.alt && e.key.toLowerCase() === chord.key;
}

/** The command a key press outside Monaco runs, if any. */
export function commandForKey(e: KeyboardEvent): Command | null {
  return COMMANDS.find((c) => c.keys?.some((k) => matches(parse(k), e))) ?? null;
}

function monacoKeyCode(key: string): monaco.KeyCode | undefined {
  if (/^[a-z]$/.test(key)) return monaco.KeyCode[`Key${key.toUpperCase()}` as keyof typeof monaco.KeyCode];
  const named: Record<string, monaco.KeyCode> = { f1: monaco.KeyCode.F1, pagedown: monaco.KeyCode.PageDown, pageup: monaco.KeyCode.PageUp };
  return named[key];
}

/** Our commands' keys for Monaco, which handles keys itself while it has the focus. */
export function monacoKeybindings(): { keybinding: number; run(): void }[] {
  const out: { keybinding: number; run(): void }[] = [];
  for (const command of COMMANDS) {
    if (command.monacoNative) continue;
    for (const keys of command.keys ?? []) {
      const chord = parse(keys);
      const code = monacoKeyCode(chord.key);
      if (code === undefined) continue;
      const mods = (chord.ctrl ? monaco.KeyMod.CtrlCmd : 0) | (chord.shift ? monaco.KeyMod.Shift : 0) | (chord.alt ? monaco.KeyMod.Alt : 0);
      out.push({ keybinding: mods | code, run: () => command.run() });
    }
  }
  return out;
}
