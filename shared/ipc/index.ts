export * from './callError'
export * from './contract'
export * from './service'
export * from './wire'
