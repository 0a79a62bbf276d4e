/**
 * The application shell: toolbar, palette, canvas, inspector and bottom panel, plus the dialogs. It wires
 * gestures and commands to store actions; it holds no domain logic.
 */
import { ReactFlowProvider, useReactFlow } from '@xyflow/react'
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Diagnostic } from '../model/diagnostics'
import { emptyDocument } from '../model/builders'
import { Canvas } from '../components/canvas/Canvas'
import { fitReadable } from '../components/canvas/fitReadable'
import { FileErrorDialog } from '../components/files/FileErrorDialog'
import { looksLikeAsyncApi } from '../asyncapi/detect'
import { forgetFileHandle, looksLikeCloudFormation, parseDesignText, pickFileWithFsa, readShareFragment, saveDesign, shareUrl } from '../components/files/fileIo'
import { SharedLinkPrompt } from '../components/files/SharedLinkPrompt'
import type { DesignDocument } from '../model/types'
import { loadExampleText, type Example } from '../components/files/examples'
import { EmptyCanvasHint } from '../components/shell/EmptyCanvasHint'
import { Inspector } from '../components/inspector/Inspector'
import { AddMenu } from '../components/palette/AddMenu'
import { Palette } from '../components/palette/Palette'
import { connectablePaletteItems, type PaletteItem } from '../components/palette/paletteItems'
import { summarise } from '../components/canvas/nodeSummary'
import { locateEntity } from '../model/queries'
import { entityOf } from '../model/ops'
import { BottomPanel } from '../components/shell/BottomPanel'
import { PanelLayout } from '../components/shell/PanelLayout'
import { ConflictBanner } from '../components/shell/ConflictBanner'
import { Notices } from '../components/shell/Notices'
import { ShortcutsOverlay } from '../components/shell/ShortcutsOverlay'
import { PanelErrorBoundary } from '../components/shell/PanelErrorBoundary'
import { Toolbar } from '../components/toolbar/Toolbar'
import type { DesignerStore } from '../store/createDesignerStore'
import type { PersistenceController } from '../store/persistence'
import { DesignerStoreProvider, useDesigner } from '../store/StoreProvider'
import { useShortcuts } from './useShortcuts'
import { savePanels } from './panelStorage'
import { setActiveCommandContext, type AppActions, type CommandContext } from './commands/commandTable'
import { CommandsProvider } from './commands/CommandsProvider'
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/columns'
import './app.css'

/** The import engineer's dialog (CloudFormation → design), loaded when first opened. */
const ImportDialog = lazy(() => import('../components/import/ImportDialog').then((m) => ({ default: m.ImportDialog })))
/** Dialogs the first paint does not show, loaded when first opened (issue 12, initial JS budget). */
const ShareDialog = lazy(() => import('../components/files/ShareDialog').then((m) => ({ default: m.ShareDialog })))
const ExamplesGallery = lazy(() => import('../components/files/ExamplesGallery').then((m) => ({ default: m.ExamplesGallery })))

/** A lazy dialog: "Loading the …" while its chunk loads, a named error if the chunk cannot load. */
function LazyDialog({ name, children }: { name: string; children: ReactNode }) {
  return (
    <PanelErrorBoundary name={name}>
      <Suspense
        fallback={
          <div className="modal-backdrop">
            <div className="dialog" role="status">
              Loading the {name}…
            </div>
          </div>
        }
      >
        {children}
      </Suspense>
    </PanelErrorBoundary>
  )
}

export interface AppProps {
  store: DesignerStore
  persistence?: PersistenceController
}

export function App({ store, persistence }: AppProps) {
  return (
    <DesignerStoreProvider store={store}>
      <ReactFlowProvider>
        <Shell store={store} persistence={persistence} />
      </ReactFlowProvider>
    </DesignerStoreProvider>
  )
}

function useResolvedTheme(): 'light' | 'dark' {
  const theme = useDesigner((s) => s.theme)
  const [systemDark, setSystemDark] = useState(() => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches)
  useEffect(() => {
    if (typeof matchMedia !== 'function') return
    const mq = matchMedia('(prefers-color-scheme: dark)')
    const on = (e: MediaQueryListEvent) => setSystemDark(e.matches)
    mq.addEventListener('change', on)
    return () => mq.removeEventListener('change', on)
  }, [])
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme
}

function Shell({ store, persistence }: AppProps) {
  const flow = useReactFlow()
  const theme = useResolvedTheme()
  const themeChoice = useDesigner((s) => s.theme)
  const addMenu = useDesigner((s) => s.addMenu)
  const importDialog = useDesigner((s) => s.importDialog)
  const shortcutsOpen = useDesigner((s) => s.shortcutsOpen)
  // Panel sizes and collapsed states are remembered for the next visit (read back in main.tsx).
  const panels = useDesigner((s) => s.panels)
  useEffect(() => savePanels(panels), [panels])
  const [fileError, setFileError] = useState<{ fileName: string; errors: readonly Diagnostic[] } | null>(null)
  const [share, setShare] = useState<string | null>(null)
  const [examplesOpen, setExamplesOpen] = useState(false)
  const openInput = useRef<HTMLInputElement>(null)
  const pointer = useRef<{ x: number; y: number } | undefined>(undefined)

  useEffect(() => {
    document.documentElement.dataset.theme = theme
    try {
      localStorage.setItem('socket-studio.theme', themeChoice)
    } catch {
      /* storage disabled: the theme is simply not remembered */
    }
  }, [theme, themeChoice])

  const fail = useCallback((what: string, e: unknown) => store.getState().notify('error', `${what}: ${e instanceof Error ? e.message : String(e)}`), [store])

  /** Opens a design file; a bad file shows its located errors and leaves the design untouched. */
  const openFile = useCallback(
    async (file: File, adoptHandle?: () => void) => {
      try {
        const text = await file.text()
        const result = await parseDesignText(text)
        if (!result.ok) {
          // A CloudFormation template or an AsyncAPI document is not a design: hand it to the import instead.
          if (looksLikeCloudFormation(text) || looksLikeAsyncApi(text)) {
            store.getState().openImport(file)
            return
          }
          setFileError({ fileName: file.name, errors: result.errors })
          return
        }
        // Save writes back to this file only if it came from the File System Access picker.
        if (adoptHandle) adoptHandle()
        else forgetFileHandle()
        store.getState().replaceDocument(result.document, file.name)
        store.getState().notify('success', `Opened ${file.name}.`)
        requestAnimationFrame(() => fitReadable(flow, store.getState().doc.layout))
      } catch (e) {
        fail(`${file.name} could not be read`, e)
      }
    },
    [store, flow, fail],
  )

  // Fit view keeps names readable (canvas/viewport.ts): a large design shows its beginning, not 6 px text.
  const fitView = useCallback(() => fitReadable(flow, store.getState().doc.layout, { duration: 200 }), [flow, store])

  /** What only the shell can do; the command table (src/app/commands) calls these. */
  const app = useMemo<AppActions>(
    () => ({
      newDesign: () => {
        forgetFileHandle()
        // The API waits off to the side until it is dragged from the palette (or the design is laid out).
        store.getState().replaceDocument(emptyDocument('myapi'), 'design.yaml')
        store.getState().notify('info', 'New design. Undo (Ctrl/Cmd+Z) brings the previous one back.')
      },
      open: () => {
        pickFileWithFsa().then(
          (picked) => {
            if (picked === 'unavailable') openInput.current?.click()
            else if (picked) void openFile(picked.file, picked.adopt)
          },
          (e) => fail('The file could not be opened', e),
        )
      },
      save: () => {
        const { doc, fileName } = store.getState()
        saveDesign(doc, fileName).then(
          (r) => {
            if (r.saved) {
              store.getState().setFileName(r.name)
              store.getState().notify('success', r.how === 'file' ? `Saved ${r.name}.` : `Downloaded ${r.name}.`)
            }
          },
          (e) => fail('The design could not be saved', e),
        )
      },
      share: () => {
        shareUrl(store.getState().doc).then(setShare, (e) => fail('The share link could not be made', e))
      },
      openExamples: () => setExamplesOpen(true),
      fitView,
      zoomReset: () => void flow.zoomTo(1, { duration: 200 }),
      exportImage: (format) => {
        const { doc, fileName } = store.getState()
        // html-to-image is loaded on the first export, not at start-up.
        import('../components/canvas/exportImage')
          .then((m) => m.exportDiagram(flow, doc.layout, format, fileName.replace(/\.[^.]+$/, '') || 'design'))
          .then(
            (name) => store.getState().notify('success', `Downloaded ${name}.`),
            (e) => fail('The diagram could not be exported', e),
          )
      },
      pointerPosition: () => pointer.current,
    }),
    [store, openFile, fail, fitView, flow],
  )
  const commandContext = useMemo<CommandContext>(() => ({ store, app }), [store, app])
  useShortcuts(commandContext)
  useEffect(() => {
    setActiveCommandContext(commandContext)
    return () => setActiveCommandContext(undefined)
  }, [commandContext])

  const addAtCentre = useCallback(
    (item: PaletteItem) => {
      const { at, connectFrom } = store.getState().addMenu
      let position = at
      // From a connection dropped on empty canvas: the new node's free handle goes where the drag ended.
      if (at && connectFrom) position = { x: connectFrom.end === 'source' ? at.x : at.x - NODE_WIDTH, y: at.y - NODE_HEIGHT / 2 }
      // Next to the (first) selected node, else the centre of the view.
      const { selection, doc } = store.getState()
      const beside = selection.map((id) => (Object.prototype.hasOwnProperty.call(doc.layout, id) ? doc.layout[id] : undefined)).find(Boolean)
      if (!position && beside) position = { x: beside.x + NODE_WIDTH + 80, y: beside.y }
      if (!position) {
        const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect()
        const centre = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 }
        const p = flow.screenToFlowPosition(centre)
        position = { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 }
      }
      // Several additions in a row at the same spot go one below the other instead of stacking.
      const taken = Object.values(store.getState().doc.layout)
      while (taken.some((p) => Math.abs(p.x - position!.x) < NODE_WIDTH && Math.abs(p.y - position!.y) < NODE_HEIGHT + 8)) position = { x: position.x, y: position.y + NODE_HEIGHT + 24 }
      store.getState().closeAddMenu()
      if (connectFrom) store.getState().addConnected(item.spec, position, connectFrom)
      else store.getState().addEntity(item.spec, position)
    },
    [store, flow],
  )

  // Opened by a connection dropped on empty canvas: only what the model lets connect to that end, at the drop.
  const connectMenu = useMemo(() => {
    const from = addMenu.connectFrom
    if (!addMenu.open || !from) return undefined
    const { doc } = store.getState()
    const items = connectablePaletteItems(doc, from)
    const where = locateEntity(doc.design, from.id)
    const name = where ? summarise(where.kind, from.id, entityOf(doc.design, from.id)).title : from.id
    return {
      among: items.ok ? items.value : [],
      caption: `${from.end === 'source' ? 'Add and connect from' : 'Add and connect into'} ${name}`,
      anchor: addMenu.at ? flow.flowToScreenPosition(addMenu.at) : undefined,
    }
  }, [addMenu, store, flow])

  const onDropFiles = useCallback(
    (files: File[]) => {
      if (files[0]) void openFile(files[0])
    },
    [openFile],
  )

  // Files dropped anywhere on the window (outside the canvas) open too, or go to the import.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault()
    }
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return
      e.preventDefault()
      onDropFiles([...e.dataTransfer.files])
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [onDropFiles])

  // A share link pasted into this open tab: offer to open it (a damaged one says so) and clear the fragment.
  const [pendingShare, setPendingShare] = useState<DesignDocument | null>(null)
  useEffect(() => {
    const onHash = () => {
      readShareFragment().then(
        (shared) => {
          if (!shared) return
          history.replaceState(null, '', location.pathname + location.search)
          if (shared.ok) setPendingShare(shared.document)
          else store.getState().notify('error', shared.errors[0]?.message ?? 'The shared link could not be read.')
        },
        (e) => fail('The shared link could not be read', e),
      )
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [store, fail])

  const openExample = useCallback(
    (id: Example['id']) => {
      setExamplesOpen(false)
      loadExampleText(id)
        .then(parseDesignText)
        .then((parsed) => {
          if (!parsed.ok) throw new Error(parsed.errors[0]?.message ?? 'it does not parse')
          forgetFileHandle()
          store.getState().replaceDocument(parsed.document, `${id}.yaml`)
          store.getState().notify('info', `Opened the example ${id}.yaml. Undo (Ctrl/Cmd+Z) brings the previous design back.`)
          requestAnimationFrame(() => fitView())
        })
        .catch((e: unknown) => fail(`The example ${id} could not be opened`, e))
    },
    [store, fail, fitView],
  )

  const onPointer = useCallback((p: { x: number; y: number }) => (pointer.current = p), [])

  return (
    <CommandsProvider value={commandContext}>
      <div className={`app theme-${theme}`} data-testid="app">
        <Toolbar />
        <ConflictBanner onLoadTheirs={() => void persistence?.loadTheirs()} onKeepMine={() => void persistence?.keepMine()} />
        <PanelLayout
          palette={<Palette onAdd={addAtCentre} />}
          canvas={
            <main className="canvas-area">
              <Canvas colorMode={theme} onDropFiles={onDropFiles} onPointerFlowPosition={onPointer} />
              <EmptyCanvasHint />
            </main>
          }
          inspector={<Inspector />}
          bottom={<BottomPanel />}
        />
        <Notices />
        <input
          ref={openInput}
          type="file"
          accept=".yaml,.yml,.json"
          hidden
          data-testid="files.open-input"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void openFile(file)
          }}
        />
        {addMenu.open && <AddMenu onPick={addAtCentre} onClose={() => store.getState().closeAddMenu()} {...connectMenu} />}
        {fileError && <FileErrorDialog fileName={fileError.fileName} errors={fileError.errors} onClose={() => setFileError(null)} />}
        {examplesOpen && (
          <LazyDialog name="examples gallery">
            <ExamplesGallery onPick={openExample} onClose={() => setExamplesOpen(false)} />
          </LazyDialog>
        )}
        {share && (
          <LazyDialog name="share dialog">
            <ShareDialog url={share} onClose={() => setShare(null)} />
          </LazyDialog>
        )}
      {shortcutsOpen && <ShortcutsOverlay onClose={() => store.getState().setShortcutsOpen(false)} />}
      {pendingShare && (
        <SharedLinkPrompt
          onKeep={() => setPendingShare(null)}
          onOpen={() => {
            forgetFileHandle()
            store.getState().replaceDocument(pendingShare, 'shared.yaml')
            store.getState().notify('info', 'Opened the design from the shared link. Undo (Ctrl/Cmd+Z) returns to your previous design.')
            setPendingShare(null)
            requestAnimationFrame(() => fitView())
          }}
        />
      )}
        {importDialog.open && (
          <PanelErrorBoundary name="importer">
            <Suspense fallback={<div className="modal-backdrop"><div className="dialog" role="status">Loading the importer…</div></div>}>
              <ImportDialog
                open={importDialog.open}
                initialFile={importDialog.file}
                onClose={() => store.getState().closeImport()}
                onImport={(doc) => {
                  forgetFileHandle()
                  store.getState().closeImport()
                  store.getState().replaceDocument(doc, 'imported.yaml')
                  store.getState().notify('success', 'Template imported. Undo (Ctrl/Cmd+Z) brings the previous design back.')
                  requestAnimationFrame(() => fitReadable(flow, store.getState().doc.layout))
                }}
              />
            </Suspense>
          </PanelErrorBoundary>
        )}
      </div>
    </CommandsProvider>
  )
}
