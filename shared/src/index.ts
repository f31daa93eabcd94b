export * from './api';
export * from './errors';
export * from './regions';
export * from './roles';
export * from './sites';
export * from './services';
export * from './geo';
export * from './opening-hours';
