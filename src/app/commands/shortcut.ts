/**
 * Keyboard shortcuts written as strings (`Mod+Shift+Z`, `Ctrl+Y`, `Delete`, `Shift+1`, `?`), matched against
 * keyboard events and shown in the platform's spelling (⌘ on Apple systems, Ctrl elsewhere). `Mod` is Cmd on
 * Apple systems and Ctrl elsewhere; either is accepted when matching, so tests and remote desktops work.
 */

export const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

interface ParsedShortcut {
  mod: boolean
  ctrl: boolean
  shift: boolean
  alt: boolean
  /** Lower-case key (`z`, `delete`, `?`) or a digit (matched by `code`, since Shift changes `key`). */
  key: string
}

export function parseShortcut(text: string): ParsedShortcut {
  const parts = text.split('+')
  // `Mod++` would be a plus key; none of our shortcuts uses it.
  const key = parts.pop()!.toLowerCase()
  const has = (m: string) => parts.includes(m)
  return { mod: has('Mod'), ctrl: has('Ctrl'), shift: has('Shift'), alt: has('Alt'), key }
}

export function matchesShortcut(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, text: string): boolean {
  const s = parseShortcut(text)
  const mod = e.ctrlKey || e.metaKey
  if (s.mod || s.ctrl ? !mod : mod) return false
  if (s.ctrl && !e.ctrlKey) return false
  if (s.alt !== e.altKey) return false
  if (/^\d$/.test(s.key)) return s.shift === e.shiftKey && e.code === `Digit${s.key}`
  // A printable symbol such as `?` is typed with Shift on most layouts: match the character, not the modifier.
  if (s.key.length === 1 && !/[a-z]/.test(s.key)) return e.key === s.key
  return s.shift === e.shiftKey && e.key.toLowerCase() === s.key
}

const KEY_NAMES: Record<string, string> = { delete: 'Delete', backspace: 'Backspace', escape: 'Esc', enter: 'Enter' }

/** `Mod+Shift+Z` → `Ctrl+Shift+Z` (or `⌘⇧Z` on Apple systems). */
export function formatShortcut(text: string, apple = IS_APPLE): string {
  const s = parseShortcut(text)
  const key = KEY_NAMES[s.key] ?? s.key.toUpperCase()
  if (apple) return `${s.ctrl ? '⌃' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.mod ? '⌘' : ''}${key}`
  return [s.mod || s.ctrl ? 'Ctrl' : '', s.alt ? 'Alt' : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+')
}
