export * from './vocabularies';
export * from './limits';
export * from './permissions';
export * from './legal-pages';
export * from './files';
export * from './registers';
export * from './projects';
export * from './indicators';
