import type { KeyboardEvent } from 'react'

/**
 * ArrowDown / ArrowUp inside a `role="menu"` element: focus the next or previous enabled item, wrapping at the
 * ends (WAI-ARIA menu pattern). Returns whether it handled the key. Shared by the toolbar's More menu and the
 * canvas context menu.
 */
export function moveMenuFocus(e: KeyboardEvent<HTMLElement>, items = 'button:not(:disabled)'): boolean {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return false
  e.preventDefault()
  const all = [...e.currentTarget.querySelectorAll<HTMLButtonElement>(items)]
  const i = all.indexOf(document.activeElement as HTMLButtonElement)
  all[(i + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus()
  return true
}
