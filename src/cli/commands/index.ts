/** The command table. Add a verb: write `commands/<verb>.ts` exporting a Command and list it here. */

import type { Command } from '../command'
import { newCommand } from './new'
import { validateCommand } from './validate'

export const COMMANDS: Command[] = [validateCommand, newCommand]
