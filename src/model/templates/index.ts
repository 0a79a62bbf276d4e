/** Mapping templates as a model concept: how a template is addressed, listed and read inside an integration. */
export * from './templates'
