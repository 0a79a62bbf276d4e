/**
 * Start-up: restore the autosaved design (or open the seed example), apply a shared link if the URL holds
 * one, start autosave, and render. `?testApi` exposes `window.__designer` for the end-to-end tests (a small
 * separate chunk, loaded only then).
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { seedDocument } from './model/seed'
import { App } from './app/App'
import { elkInWorker } from './components/canvas/elkInWorker'
import { loadPanels } from './app/panelStorage'
import { readShareFragment } from './components/files/fileIo'
import { createDesignerStore, type ThemeChoice } from './store/createDesignerStore'
import { attachPersistence, broadcastChannel, indexedDbStorage, restore, type PersistenceController } from './store/persistence'

async function boot() {
  const root = createRoot(document.getElementById('root')!)
  const storage = typeof indexedDB === 'undefined' ? undefined : indexedDbStorage()
  const restored = storage ? await restore(storage) : { error: 'This browser has no IndexedDB, so the design is not autosaved.' }
  const initial = restored && 'doc' in restored ? restored.doc : seedDocument()
  // Auto-layout of small designs runs elkjs in a Web Worker; large designs get the column grid at once.
  const store = createDesignerStore(initial, {
    layout: async (doc) => (await import('./layout/designerLayout')).designerLayout(doc.design, doc.layout, elkInWorker),
    panels: loadPanels(),
  })
  if (restored && 'record' in restored && restored.record) store.getState().setFileName(restored.record.fileName)
  if (restored && 'error' in restored) store.getState().notify('error', restored.error)
  try {
    const theme = localStorage.getItem('socket-studio.theme')
    if (theme === 'light' || theme === 'dark' || theme === 'system') store.getState().setTheme(theme as ThemeChoice)
  } catch {
    /* storage disabled: follow the system */
  }

  let persistence: PersistenceController | undefined
  if (storage) {
    persistence = attachPersistence(store, {
      storage,
      channel: broadcastChannel(),
      baseRevision: restored && 'record' in restored && restored.record ? restored.record.revision : 0,
      onStatus: (status) => store.getState().setPersistence(status),
    })
    // Closing or hiding the tab writes a pending change now instead of after the debounce.
    const flush = () => void persistence?.flush()
    addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush()
    })
  }

  // Decoding a link loads the parser and the decompressor; a page without one never does.
  const shared = await readShareFragment().catch((e: unknown) => ({ ok: false as const, errors: [{ message: `The shared link could not be read: ${e instanceof Error ? e.message : String(e)}` }] }))
  if (shared) {
    history.replaceState(null, '', location.pathname + location.search)
    if (shared.ok) {
      store.getState().replaceDocument(shared.document, 'shared.yaml')
      store.getState().notify('info', 'Opened the design from the shared link. Undo (Ctrl/Cmd+Z) returns to your previous design.')
    } else store.getState().notify('error', shared.errors[0]?.message ?? 'The shared link could not be read.')
  }

  if (new URLSearchParams(location.search).has('testApi')) {
    const { exposeTestApi } = await import('./testing/exposeTestApi')
    exposeTestApi(store, persistence)
  }

  root.render(
    <StrictMode>
      <App store={store} persistence={persistence} />
    </StrictMode>,
  )
}

boot().catch((e: unknown) => {
  const root = document.getElementById('root')
  if (root) {
    root.textContent = ''
    const p = document.createElement('p')
    p.setAttribute('role', 'alert')
    p.style.cssText = 'font: 14px system-ui; padding: 24px; color: #cf222e'
    p.textContent = `socket-studio failed to start: ${e instanceof Error ? e.message : String(e)}`
    root.append(p)
  }
})
