/**
 * Keyboard shortcuts and clipboard events, both read from the command table. Ignored while the person types in a
 * field or in Monaco, so Ctrl+Z there undoes text, not the design.
 */
import { useEffect } from 'react'
import { COMMANDS, isEnabled, type CommandContext } from './commands/commandTable'
import { matchesShortcut } from './commands/shortcut'

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('.monaco-editor')) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable
}

export function useShortcuts(ctx: CommandContext): void {
  useEffect(() => {
    const { store } = ctx
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return
      // Dialogs and menus handle their own keys.
      if (e.target instanceof HTMLElement && e.target.closest('[role="dialog"], [role="alertdialog"], [role="menu"]')) return
      const command = COMMANDS.find((c) => !c.clipboard && c.shortcuts?.some((s) => matchesShortcut(e, s)))
      if (!command) return
      // A disabled command still swallows its key (Ctrl+S never opens the browser's save dialog), except Escape
      // and Delete with nothing selected, which other widgets may want.
      const enabled = isEnabled(command, store.getState())
      if (!enabled && (e.key === 'Escape' || e.key === 'Backspace' || e.key === 'Delete')) return
      e.preventDefault()
      if (enabled) command.run({ ...ctx, at: undefined })
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
      store.getState().paste(text, ctx.app.pointerPosition())
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
  }, [ctx])
}
