/** The command table. Add a verb: write `commands/<verb>.ts` exporting a Command and list it here. */

import type { Command } from '../command'
import { newCommand } from './new'
import { validateCommand } from './validate'
import { renderCommand } from './render'
import { validateTemplateCommand } from './validateTemplate'
import { routeCommand } from './route'
import { importCommand } from './import'
import { exportCommand } from './export'
import { serveCommand } from './serve'

export const COMMANDS: Command[] = [validateCommand, newCommand, renderCommand, validateTemplateCommand, routeCommand, importCommand, exportCommand, serveCommand]
