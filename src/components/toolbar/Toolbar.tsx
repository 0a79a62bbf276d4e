/**
 * The toolbar: the command table's `toolbar` commands, grouped. Labels, tooltips (with the shortcut) and enabled
 * state all come from the table.
 */
import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { commandsFor, isEnabled, labelOf, shortId, type Command } from '../../app/commands/commandTable'
import { useCommandContext } from '../../app/commands/CommandsProvider'
import { formatShortcut } from '../../app/commands/shortcut'
import { useDesigner } from '../../store/StoreProvider'

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
  return (
    <header className="toolbar" role="toolbar" aria-label="Toolbar">
      <span className="brand">socket-studio</span>
      <span className="doc-name" title={`${apiName} · ${fileName}`} data-testid="toolbar.doc-name">
        <bdi>{apiName}</bdi> <span className="muted">· <bdi>{fileName}</bdi></span>
      </span>
      {GROUPS.map((g) => (
        <div className="tool-group" key={g} role="group" aria-label={g}>
          {TOOLBAR.filter((c) => c.group === g).map((c) => (
            <ToolButton key={c.id} command={c} />
          ))}
        </div>
      ))}
      <PersistenceIndicator />
    </header>
  )
})
