/** The toolbar: file commands, history, layout and view. Every button calls an action; shortcuts are in the title. */
import { memo } from 'react'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'
import type { ThemeChoice } from '../../store/createDesignerStore'

export interface ToolbarProps {
  onNew: () => void
  onOpen: () => void
  onSave: () => void
  onImport: () => void
  onShare: () => void
  onFitView: () => void
}

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'
const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }

function PersistenceIndicator() {
  const p = useDesigner((s) => s.persistence)
  const text =
    p.status === 'saving' ? 'Saving…' : p.status === 'saved' ? 'Saved locally' : p.status === 'error' ? 'Autosave failed' : p.status === 'conflict' ? 'Autosave paused' : ''
  return (
    <span className={`save-state save-${p.status}`} data-testid="toolbar.save-state" data-status={p.status} title={'message' in p ? p.message : undefined}>
      {text}
    </span>
  )
}

export const Toolbar = memo(function Toolbar(props: ToolbarProps) {
  const store = useDesignerStoreApi()
  const canUndo = useDesigner((s) => s.canUndo)
  const canRedo = useDesigner((s) => s.canRedo)
  const layoutBusy = useDesigner((s) => s.layoutBusy)
  const theme = useDesigner((s) => s.theme)
  const fileName = useDesigner((s) => s.fileName)
  const apiName = useDesigner((s) => s.doc.design.api.name)
  const btn = (id: string, label: string, title: string, onClick: () => void, disabled = false) => (
    <button type="button" className="tool" data-testid={`toolbar.${id}`} title={title} aria-label={title} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  )
  return (
    <header className="toolbar" role="toolbar" aria-label="Toolbar">
      <span className="brand">socket-studio</span>
      <span className="doc-name" title={fileName} data-testid="toolbar.doc-name">
        {apiName} <span className="muted">· {fileName}</span>
      </span>
      <div className="tool-group">
        {btn('new', 'New', 'New design', props.onNew)}
        {btn('open', 'Open', `Open a design file (${MOD}O)`, props.onOpen)}
        {btn('save', 'Save', `Save the design file (${MOD}S)`, props.onSave)}
        {btn('import', 'Import', 'Import a CloudFormation template', props.onImport)}
        {btn('export', 'Export', 'Export CDK TypeScript, CDK Python or CloudFormation', () => store.getState().openBottomTab('export'))}
        {btn('share', 'Share', 'Share the design as a link', props.onShare)}
      </div>
      <div className="tool-group">
        {btn('undo', '↶ Undo', `Undo (${MOD}Z)`, () => store.getState().undo(), !canUndo)}
        {btn('redo', '↷ Redo', `Redo (${MOD}Shift+Z or Ctrl+Y)`, () => store.getState().redo(), !canRedo)}
      </div>
      <div className="tool-group">
        {btn('add', '+ Add', `Add to the design (${MOD}K)`, () => store.getState().openAddMenu())}
        {btn('auto-layout', layoutBusy ? 'Laying out…' : 'Auto-layout', `Arrange in columns (${MOD}Shift+L)`, () => void store.getState().autoLayout(), layoutBusy)}
        {btn('fit-view', 'Fit view', 'Fit the design in view (Shift+1)', props.onFitView)}
        {btn('theme', `Theme: ${theme}`, 'Switch theme (system, light, dark)', () => store.getState().setTheme(NEXT_THEME[theme]))}
      </div>
      <PersistenceIndicator />
    </header>
  )
})
