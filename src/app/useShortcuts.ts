/**
 * Keyboard shortcuts and clipboard events for the canvas. Ignored while the person types in a field or in
 * Monaco, so Ctrl+Z there undoes text, not the design.
 */
import { useEffect } from 'react'
import type { DesignerStore } from '../store/createDesignerStore'
import { graphNodes } from '../model/ops'

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('.monaco-editor')) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable
}

export interface ShortcutHandlers {
  save: () => void
  open: () => void
  fitView: () => void
  /** Where pasted entities go (flow coordinates), if the pointer is over the canvas. */
  pastePosition: () => { x: number; y: number } | undefined
}

export function useShortcuts(store: DesignerStore, handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return
      // Dialogs handle their own keys.
      if (e.target instanceof HTMLElement && e.target.closest('[role="dialog"], [role="alertdialog"]')) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      const s = store.getState()
      let handled = true
      if (mod && key === 'z' && !e.shiftKey) s.undo()
      else if ((mod && key === 'z' && e.shiftKey) || (e.ctrlKey && key === 'y')) s.redo()
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) s.deleteSelection()
      else if (mod && key === 'd') s.duplicateSelection()
      else if (mod && key === 'k') s.openAddMenu(handlers.pastePosition())
      else if (mod && key === 's') handlers.save()
      else if (mod && key === 'o') handlers.open()
      else if (mod && e.shiftKey && key === 'l') void s.autoLayout()
      else if (mod && key === 'a') s.select(graphNodes(s.doc.design).map((n) => n.id))
      else if (e.shiftKey && e.code === 'Digit1') handlers.fitView()
      else if (e.key === 'Escape' && s.selection.length) s.select([])
      else handled = false
      if (handled) e.preventDefault()
    }
    const onCopy = (e: ClipboardEvent) => {
      if (isTypingTarget(document.activeElement) || !e.clipboardData) return
      const text = store.getState().copySelection()
      if (!text) return
      e.clipboardData.setData('text/plain', text)
      e.preventDefault()
    }
    const onCut = (e: ClipboardEvent) => {
      if (isTypingTarget(document.activeElement) || !e.clipboardData) return
      const text = store.getState().copySelection()
      if (!text) return
      e.clipboardData.setData('text/plain', text)
      e.preventDefault()
      store.getState().deleteSelection()
    }
    const onPaste = (e: ClipboardEvent) => {
      if (isTypingTarget(document.activeElement) || !e.clipboardData) return
      const text = e.clipboardData.getData('text/plain')
      if (!text) return
      e.preventDefault()
      store.getState().paste(text, handlers.pastePosition())
    }
    window.addEventListener('keydown', onKeyDown)
    document.addEventListener('copy', onCopy)
    document.addEventListener('cut', onCut)
    document.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('cut', onCut)
      document.removeEventListener('paste', onPaste)
    }
  }, [store, handlers])
}
