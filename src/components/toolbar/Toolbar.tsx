/**
 * The toolbar: the command table's `toolbar` commands, grouped, on one row. Labels, tooltips (with the shortcut) and
 * enabled state all come from the table; commands that do not fit move into the More menu (useToolbarOverflow).
 */
import { memo, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { commandsFor, isEnabled, labelOf, shortId, type Command } from '../../app/commands/commandTable'
import { useCommandContext } from '../../app/commands/CommandsProvider'
import { formatShortcut } from '../../app/commands/shortcut'
import { useDesigner } from '../../store/StoreProvider'
import { MoreMenu } from './MoreMenu'
import { useToolbarOverflow } from './useToolbarOverflow'

function PersistenceIndicator() {
  const p = useDesigner((s) => s.persistence)
  const text =
    p.status === 'saving' ? 'Saving…' : p.status === 'saved' ? 'Saved locally' : p.status === 'error' ? 'Autosave failed' : p.status === 'conflict' ? 'Autosave paused' : ''
  return (
    <span className={`save-state save-${p.status}`} data-testid="toolbar.save-state" data-status={p.status} data-saved-at={p.status === 'saved' ? p.savedAt : undefined} role="status" title={'message' in p ? p.message : undefined}>
      {text}
    </span>
  )
}

export function commandTitle(c: Command): string {
  const keys = c.shortcuts?.map((s) => formatShortcut(s)).join(' or ')
  return keys ? `${c.description} (${keys})` : c.description
}

const GROUPS = ['File', 'Edit', 'View', 'Help'] as const
const TOOLBAR = commandsFor('toolbar')

function ToolButton({ command }: { command: Command }) {
  const ctx = useCommandContext()
  const [label, enabled] = useDesigner(useShallow((s) => [labelOf(command, s), isEnabled(command, s)] as const))
  return (
    <button
      type="button"
      className="tool"
      data-testid={`toolbar.${shortId(command)}`}
      title={commandTitle(command)}
      aria-keyshortcuts={command.shortcuts?.map((s) => s.replace('Mod', 'Control')).join(' ')}
      disabled={!enabled}
      onClick={() => command.run({ ...ctx, at: undefined })}
    >
      {label}
    </button>
  )
}

export const Toolbar = memo(function Toolbar() {
  const fileName = useDesigner((s) => s.fileName)
  const apiName = useDesigner((s) => s.doc.design.api.name)
  const row = useRef<HTMLElement>(null)
  // Labels that follow the state (Theme: dark, Laying out…) change the row's width: measure again when they do.
  const labels = useDesigner((s) => TOOLBAR.map((c) => labelOf(c, s)).join('|'))
  const moved = useToolbarOverflow(row, TOOLBAR, `${labels}|${apiName}|${fileName}`)
  return (
    <header className="toolbar" role="toolbar" aria-label="Toolbar" ref={row}>
      <span className="brand">socket-studio</span>
      <span className="doc-name" title={`${apiName} · ${fileName}`} data-testid="toolbar.doc-name">
        <bdi>{apiName}</bdi> <span className="muted">· <bdi>{fileName}</bdi></span>
      </span>
      {GROUPS.map((g) => {
        const inRow = TOOLBAR.filter((c) => c.group === g && !moved.has(c.id))
        return (
          inRow.length > 0 && (
            <div className="tool-group" key={g} role="group" aria-label={g}>
              {inRow.map((c) => (
                <ToolButton key={c.id} command={c} />
              ))}
            </div>
          )
        )
      })}
      {moved.size > 0 && <MoreMenu commands={TOOLBAR.filter((c) => moved.has(c.id))} titleOf={commandTitle} />}
      <PersistenceIndicator />
    </header>
  )
})
