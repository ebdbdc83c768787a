export * from './vocabularies';
export * from './api';
