export { checkDesign } from './checkDesign'
export { checkTemplates } from './templateChecks'
export { locateInFile, templatePositionInFile } from './locateInFile'
export { SEVERITY_REASONS } from './severityReasons'
