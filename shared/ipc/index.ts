export * from './contract'
export * from './service'
