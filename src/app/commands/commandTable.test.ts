import { describe, expect, it, vi } from 'vitest'
import { seedDocument } from '../../model/seed'
import { createDesignerStore } from '../../store/createDesignerStore'
import { COMMANDS, commandsFor, runCommand, type AppActions } from './commandTable'
import { formatShortcut, matchesShortcut } from './shortcut'

const key = (key: string, o: Partial<KeyboardEvent> = {}) => ({ key, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...o })

function context() {
  const store = createDesignerStore(seedDocument(), { check: () => [], checkDelayMs: 0 })
  const app: AppActions = { newDesign: vi.fn(), open: vi.fn(), save: vi.fn(), share: vi.fn(), openExamples: vi.fn(), fitView: vi.fn(), zoomReset: vi.fn(), exportImage: vi.fn(), pointerPosition: () => undefined }
  return { store, app }
}

describe('command table', () => {
  it('has unique ids and no shortcut bound twice', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length)
    const shortcuts = COMMANDS.flatMap((c) => c.shortcuts ?? [])
    expect(new Set(shortcuts).size).toBe(shortcuts.length)
  })

  it('ranks every toolbar command, each rank once, so a narrow toolbar knows what moves into More first', () => {
    const ranks = commandsFor('toolbar').map((c) => c.overflowRank)
    expect(ranks.every((r) => typeof r === 'number')).toBe(true)
    expect(new Set(ranks).size).toBe(ranks.length)
    expect(COMMANDS.filter((c) => c.overflowRank !== undefined && !c.places?.includes('toolbar')).map((c) => c.id)).toEqual([])
  })

  it('matches shortcuts the way people type them', () => {
    expect(matchesShortcut(key('z', { ctrlKey: true }), 'Mod+Z')).toBe(true)
    expect(matchesShortcut(key('z', { metaKey: true }), 'Mod+Z')).toBe(true)
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false)
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true)
    expect(matchesShortcut(key('z'), 'Mod+Z')).toBe(false)
    expect(matchesShortcut(key('!', { shiftKey: true, code: 'Digit1' }), 'Shift+1')).toBe(true)
    expect(matchesShortcut(key('?', { shiftKey: true, code: 'Slash' }), '?')).toBe(true)
    expect(matchesShortcut(key('?', { ctrlKey: true, shiftKey: true }), '?')).toBe(false)
    expect(matchesShortcut(key('Delete'), 'Delete')).toBe(true)
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z')
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⇧⌘Z')
    expect(formatShortcut('Escape', false)).toBe('Esc')
  })

  it('runs commands through the store, and refuses disabled ones', () => {
    const ctx = context()
    expect(runCommand('edit.undo', ctx)).toBe(false)
    expect(runCommand('edit.select-all', ctx)).toBe(true)
    expect(ctx.store.getState().selection.length).toBeGreaterThan(3)
    expect(runCommand('edit.deselect', ctx)).toBe(true)
    expect(ctx.store.getState().selection).toEqual([])
    ctx.store.getState().select(['connect'])
    expect(runCommand('edit.delete', ctx)).toBe(true)
    expect(ctx.store.getState().doc.design.routes.connect).toBeUndefined()
    expect(runCommand('edit.undo', ctx)).toBe(true)
    expect(ctx.store.getState().doc.design.routes.connect).toBeDefined()
    expect(runCommand('file.save', ctx)).toBe(true)
    expect(ctx.app.save).toHaveBeenCalledOnce()
    expect(runCommand('file.examples', ctx)).toBe(true)
    expect(ctx.app.openExamples).toHaveBeenCalledOnce()
    expect(runCommand('no.such', ctx)).toBe(false)
  })

  it('collapses panels and offers commands per place', () => {
    const ctx = context()
    runCommand('view.toggle-inspector', ctx)
    expect(ctx.store.getState().panels.inspector.collapsed).toBe(true)
    expect(commandsFor('toolbar').map((c) => c.id)).toContain('file.import')
    expect(commandsFor('node-menu').map((c) => c.id)).toContain('edit.delete')
    expect(commandsFor('canvas-menu').map((c) => c.id)).toContain('edit.add')
  })

  it('maximises the bottom panel (showing it if hidden) and restores it; the label follows', () => {
    const ctx = context()
    const command = COMMANDS.find((c) => c.id === 'view.maximize-bottom')!
    runCommand('view.toggle-bottom', ctx)
    expect(ctx.store.getState().panels.bottom.collapsed).toBe(true)
    runCommand('view.maximize-bottom', ctx)
    expect(ctx.store.getState().bottomMaximized).toBe(true)
    expect(ctx.store.getState().panels.bottom.collapsed).toBe(false)
    expect(command.stateLabel!(ctx.store.getState())).toBe('Restore the bottom panel')
    runCommand('view.maximize-bottom', ctx)
    expect(ctx.store.getState().bottomMaximized).toBe(false)
    expect(command.stateLabel!(ctx.store.getState())).toBe('Maximise the bottom panel')
  })

  it('takes remembered panel sizes within limits, and ignores damaged ones', () => {
    const store = createDesignerStore(seedDocument(), { check: () => [], panels: { palette: { size: 9999, collapsed: true }, inspector: { size: Number.NaN, collapsed: false } } })
    expect(store.getState().panels.palette).toEqual({ size: 480, collapsed: true })
    expect(store.getState().panels.inspector.size).toBe(340)
    expect(store.getState().panels.bottom.size).toBe(300)
  })
})
