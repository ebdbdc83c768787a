export * from './vocabularies';
export * from './api';
export * from './permissions';
