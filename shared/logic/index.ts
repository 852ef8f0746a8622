export * from './variables'
export * from './json'
export * from './url'
export * from './headers'
