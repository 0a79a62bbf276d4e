/**
 * Panel sizes survive a reload: the shell writes them to localStorage whenever they change and `main.tsx` reads
 * them before the store is made (the store clamps whatever it is given, so a damaged entry cannot break the page).
 */
import type { PanelsState } from '../store/slices/sliceContext'

const KEY = 'socket-studio.panels'

export function savePanels(panels: PanelsState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(panels))
  } catch {
    /* storage disabled: the sizes are simply not remembered */
  }
}

export function loadPanels(): Partial<PanelsState> | undefined {
  try {
    const text = localStorage.getItem(KEY)
    const value: unknown = text ? JSON.parse(text) : undefined
    return value && typeof value === 'object' ? (value as Partial<PanelsState>) : undefined
  } catch {
    return undefined
  }
}
