export * from './jilin-divisions';
export * from './distance';
