export * from './disciplines';
export * from './industries';
export * from './listing-terms';
export * from './price-bands';
export * from './ip-numbers';
