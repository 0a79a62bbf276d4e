/**
 * The one command table. The toolbar, the keyboard shortcuts, the right-click menus, the add menu, the `?`
 * overlay and the test API all read it, so a command's label, shortcut and enabled state are written once.
 *
 * A command runs against the store plus the few things only the app shell can do (file pickers, the viewport,
 * image export): `AppActions`, supplied by `App.tsx`.
 */
import { graphNodes, type ConnectFrom } from '../../model/ops'
import type { Position } from '../../model/types'
import type { DesignerState, DesignerStore } from '../../store/createDesignerStore'

/** What only the app shell can do; commands call these. */
export interface AppActions {
  newDesign(): void
  open(): void
  save(): void
  share(): void
  /** Opens the examples gallery. */
  openExamples(): void
  fitView(): void
  /** Zoom to 100 % around the centre of the view. */
  zoomReset(): void
  /** Download the diagram as an image (src/components/canvas/exportImage.ts). */
  exportImage(format: 'png' | 'svg'): void
  /** Where pasted or added things go (flow coordinates): the pointer over the canvas, if any. */
  pointerPosition(): Position | undefined
}

export interface CommandContext {
  store: DesignerStore
  app: AppActions
  /** Flow position a context menu was opened at ("Add here", "Paste here"). */
  at?: Position
  /** A connection dropped on empty canvas: the add menu offers only what may connect to this end, and wires it. */
  connectFrom?: ConnectFrom
}

/** Where a command is offered besides the `?` overlay and the test API. */
export type CommandPlace = 'toolbar' | 'node-menu' | 'edge-menu' | 'canvas-menu'

export interface Command {
  id: string
  label: string
  /** What it does, in one sentence (tooltips, the `?` overlay). */
  description: string
  group: 'File' | 'Edit' | 'View' | 'Help'
  /** Shortcut strings (see shortcut.ts); the first is the one shown. */
  shortcuts?: readonly string[]
  /** Shortcuts that the browser's clipboard events deliver (copy, cut, paste): shown, not matched on keydown. */
  clipboard?: boolean
  places?: readonly CommandPlace[]
  /**
   * For toolbar commands: when the toolbar is too narrow for one row, commands move into its More menu in rising
   * rank (1 first), so the least used go first and Undo stays longest.
   */
  overflowRank?: number
  enabled?(state: DesignerState): boolean
  /** A label that follows the state (`Laying out…`, `Theme: dark`); `label` otherwise. */
  stateLabel?(state: DesignerState): string
  run(ctx: CommandContext): void
}

const hasSelection = (s: DesignerState) => s.selection.length > 0

async function writeClipboard(ctx: CommandContext, cut: boolean): Promise<void> {
  const text = ctx.store.getState().copySelection()
  if (!text) return
  try {
    await navigator.clipboard.writeText(text)
    if (cut) ctx.store.getState().deleteSelection()
  } catch (e) {
    ctx.store.getState().notify('error', `The clipboard could not be written: ${e instanceof Error ? e.message : String(e)}. Use ${cut ? 'Ctrl/Cmd+X' : 'Ctrl/Cmd+C'} instead.`)
  }
}

async function pasteFromClipboard(ctx: CommandContext): Promise<void> {
  try {
    const text = await navigator.clipboard.readText()
    if (text) ctx.store.getState().paste(text, ctx.at ?? ctx.app.pointerPosition())
  } catch (e) {
    ctx.store.getState().notify('error', `The clipboard could not be read: ${e instanceof Error ? e.message : String(e)}. Use Ctrl/Cmd+V instead.`)
  }
}

export const COMMANDS: readonly Command[] = [
  { id: 'file.new', label: 'New', description: 'Start a new, empty design (undo brings the previous one back).', group: 'File', places: ['toolbar'], overflowRank: 5, run: (c) => c.app.newDesign() },
  { id: 'file.open', label: 'Open', description: 'Open a design file.', group: 'File', shortcuts: ['Mod+O'], places: ['toolbar'], overflowRank: 11, run: (c) => c.app.open() },
  { id: 'file.save', label: 'Save', description: 'Save the design file.', group: 'File', shortcuts: ['Mod+S'], places: ['toolbar'], overflowRank: 13, run: (c) => c.app.save() },
  {
    id: 'file.import',
    label: 'Import',
    description: 'Import a CloudFormation template or CDK output.',
    group: 'File',
    places: ['toolbar'],
    overflowRank: 6,
    enabled: (s) => !s.importDialog.open,
    run: (c) => c.store.getState().openImport(),
  },
  {
    id: 'file.export',
    label: 'Export',
    description: 'Export CDK TypeScript, CDK Python or CloudFormation.',
    group: 'File',
    places: ['toolbar'],
    overflowRank: 7,
    run: (c) => c.store.getState().openBottomTab('export'),
  },
  {
    id: 'file.examples',
    label: 'Examples',
    description: 'Open one of the example designs (DynamoDB, Lambda chat, SQS fan-in, mock ping, authorizer).',
    group: 'File',
    places: ['toolbar', 'canvas-menu'],
    overflowRank: 2,
    run: (c) => c.app.openExamples(),
  },
  { id: 'file.export-png', label: 'Export diagram as PNG', description: 'Download the whole diagram as a PNG image.', group: 'File', places: ['canvas-menu'], run: (c) => c.app.exportImage('png') },
  { id: 'file.export-svg', label: 'Export diagram as SVG', description: 'Download the whole diagram as an SVG image.', group: 'File', places: ['canvas-menu'], run: (c) => c.app.exportImage('svg') },
  { id: 'file.share', label: 'Share', description: 'Share the design as a link.', group: 'File', places: ['toolbar'], overflowRank: 3, run: (c) => c.app.share() },

  {
    id: 'edit.undo',
    label: 'Undo',
    description: 'Undo the last change.',
    group: 'Edit',
    shortcuts: ['Mod+Z'],
    places: ['toolbar'],
    overflowRank: 14,
    enabled: (s) => s.canUndo,
    run: (c) => c.store.getState().undo(),
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    description: 'Redo the change undone last.',
    group: 'Edit',
    shortcuts: ['Mod+Shift+Z', 'Ctrl+Y'],
    places: ['toolbar'],
    overflowRank: 12,
    enabled: (s) => s.canRedo,
    run: (c) => c.store.getState().redo(),
  },
  {
    id: 'edit.add',
    label: 'Add',
    description: 'Search everything the palette holds and add it.',
    group: 'Edit',
    shortcuts: ['Mod+K'],
    places: ['toolbar', 'canvas-menu'],
    overflowRank: 10,
    run: (c) => c.store.getState().openAddMenu(c.at ?? c.app.pointerPosition(), c.connectFrom),
  },
  { id: 'edit.copy', label: 'Copy', description: 'Copy the selection.', group: 'Edit', shortcuts: ['Mod+C'], clipboard: true, places: ['node-menu'], enabled: hasSelection, run: (c) => void writeClipboard(c, false) },
  { id: 'edit.cut', label: 'Cut', description: 'Cut the selection.', group: 'Edit', shortcuts: ['Mod+X'], clipboard: true, places: ['node-menu'], enabled: hasSelection, run: (c) => void writeClipboard(c, true) },
  { id: 'edit.paste', label: 'Paste', description: 'Paste copied entities.', group: 'Edit', shortcuts: ['Mod+V'], clipboard: true, places: ['canvas-menu'], run: (c) => void pasteFromClipboard(c) },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    description: 'Duplicate the selected entities.',
    group: 'Edit',
    shortcuts: ['Mod+D'],
    places: ['node-menu'],
    enabled: hasSelection,
    run: (c) => c.store.getState().duplicateSelection(),
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    description: 'Delete the selected entities or connections.',
    group: 'Edit',
    shortcuts: ['Delete', 'Backspace'],
    places: ['node-menu', 'edge-menu'],
    enabled: hasSelection,
    run: (c) => c.store.getState().deleteSelection(),
  },
  {
    id: 'edit.select-all',
    label: 'Select all',
    description: 'Select every entity.',
    group: 'Edit',
    shortcuts: ['Mod+A'],
    places: ['canvas-menu'],
    run: (c) => {
      const s = c.store.getState()
      s.select(graphNodes(s.doc.design).map((n) => n.id))
    },
  },
  { id: 'edit.deselect', label: 'Clear selection', description: 'Select nothing.', group: 'Edit', shortcuts: ['Escape'], enabled: hasSelection, run: (c) => c.store.getState().select([]) },

  {
    id: 'view.auto-layout',
    label: 'Auto-layout',
    description: 'Arrange the design in columns and fit it in view.',
    group: 'View',
    shortcuts: ['Mod+Shift+L'],
    places: ['toolbar', 'canvas-menu'],
    overflowRank: 9,
    enabled: (s) => !s.layoutBusy,
    stateLabel: (s) => (s.layoutBusy ? 'Laying out…' : 'Auto-layout'),
    run: (c) => {
      void c.store
        .getState()
        .autoLayout()
        .then((applied) => applied && requestAnimationFrame(() => c.app.fitView()))
    },
  },
  { id: 'view.fit-view', label: 'Fit view', description: 'Fit the design in view.', group: 'View', shortcuts: ['Shift+1'], places: ['toolbar', 'canvas-menu'], overflowRank: 8, run: (c) => c.app.fitView() },
  { id: 'view.zoom-reset', label: 'Zoom to 100 %', description: 'Reset the zoom to 100 %.', group: 'View', shortcuts: ['Shift+0'], places: ['canvas-menu'], run: (c) => c.app.zoomReset() },
  {
    id: 'view.toggle-palette',
    label: 'Show or hide the palette',
    description: 'Collapse or expand the palette.',
    group: 'View',
    shortcuts: ['Mod+Alt+1'],
    run: (c) => c.store.getState().setPanel('palette', { collapsed: !c.store.getState().panels.palette.collapsed }),
  },
  {
    id: 'view.toggle-inspector',
    label: 'Show or hide the inspector',
    description: 'Collapse or expand the inspector.',
    group: 'View',
    shortcuts: ['Mod+Alt+2'],
    run: (c) => c.store.getState().setPanel('inspector', { collapsed: !c.store.getState().panels.inspector.collapsed }),
  },
  {
    id: 'view.toggle-bottom',
    label: 'Show or hide the bottom panel',
    description: 'Collapse or expand the template editor, tester, problems and export panel.',
    group: 'View',
    shortcuts: ['Mod+Alt+3'],
    run: (c) => c.store.getState().setPanel('bottom', { collapsed: !c.store.getState().panels.bottom.collapsed }),
  },
  {
    id: 'view.maximize-bottom',
    label: 'Maximise the bottom panel',
    description: 'Let the bottom panel fill the window, or give the canvas its room back.',
    group: 'View',
    shortcuts: ['Mod+Alt+4'],
    stateLabel: (s) => (s.bottomMaximized && !s.panels.bottom.collapsed ? 'Restore the bottom panel' : 'Maximise the bottom panel'),
    run: (c) => {
      const s = c.store.getState()
      s.setBottomMaximized(!(s.bottomMaximized && !s.panels.bottom.collapsed))
    },
  },
  {
    id: 'view.theme',
    label: 'Theme',
    description: 'Switch theme (system, light, dark).',
    group: 'View',
    places: ['toolbar'],
    overflowRank: 4,
    stateLabel: (s) => `Theme: ${s.theme}`,
    run: (c) => {
      const s = c.store.getState()
      s.setTheme(s.theme === 'system' ? 'light' : s.theme === 'light' ? 'dark' : 'system')
    },
  },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', description: 'Show every command and its shortcut.', group: 'Help', shortcuts: ['?'], places: ['toolbar'], overflowRank: 1, run: (c) => c.store.getState().setShortcutsOpen(true) },
]

const BY_ID = new Map(COMMANDS.map((c) => [c.id, c]))

export function commandById(id: string): Command | undefined {
  return BY_ID.get(id)
}

export function labelOf(command: Command, state: DesignerState): string {
  return command.stateLabel ? command.stateLabel(state) : command.label
}

/** The command's test id suffix and toolbar id: `file.new` → `new`. */
export function shortId(command: Command): string {
  return command.id.slice(command.id.indexOf('.') + 1)
}

export function isEnabled(command: Command, state: DesignerState): boolean {
  return command.enabled ? command.enabled(state) : true
}

/** Runs a command if it exists and is enabled; returns whether it ran. */
export function runCommand(id: string, ctx: CommandContext): boolean {
  const command = BY_ID.get(id)
  if (!command || !isEnabled(command, ctx.store.getState())) return false
  command.run(ctx)
  return true
}

export function commandsFor(place: CommandPlace): Command[] {
  return COMMANDS.filter((c) => c.places?.includes(place))
}

let active: CommandContext | undefined

/** The mounted shell registers its context, so the test API runs commands exactly as the toolbar does. */
export function setActiveCommandContext(ctx: CommandContext | undefined): void {
  active = ctx
}

export function activeCommandContext(): CommandContext | undefined {
  return active
}
