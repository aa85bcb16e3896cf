export * from './pair-graph';
export * from './optimal';
export * from './certificate';
export * from './stable';
