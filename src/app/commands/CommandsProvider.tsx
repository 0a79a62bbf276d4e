/** Gives toolbar, menus and overlay the command context (store + app actions) that `App.tsx` builds. */
import { createContext, useContext, type ReactNode } from 'react'
import type { CommandContext } from './commandTable'

const Ctx = createContext<CommandContext | null>(null)

export function CommandsProvider({ value, children }: { value: CommandContext; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useCommandContext(): CommandContext {
  const ctx = useContext(Ctx)
  if (!ctx) throw new Error('useCommandContext must be used inside <CommandsProvider>')
  return ctx
}
